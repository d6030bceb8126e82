import { useMemo, useState } from 'preact/hooks';
import type { Locale, Translate } from '../../lib/i18n/messages';
import type { InvoiceExport } from '../../lib/import/invoices';
import type { BookKeys } from '../../lib/import/plan';
import { MoreRows, ROWS_PAGE } from './MoreRows';

interface Props {
  found: InvoiceExport;
  book: BookKeys;
  locale: Locale;
  t: Translate;
}

/** What an invoice query export holds: its invoices, the buyers new to the book, and each row it could not read. */
export function ImportInvoices({ found, book, locale, t }: Props) {
  const [limit, setLimit] = useState(ROWS_PAGE);
  const counts = useMemo(() => {
    const buyers = new Set(found.invoices.map((i) => i.buyerTaxId).filter(Boolean));
    const newBuyers = [...buyers].filter((taxId) => !book.byTaxId.has(taxId)).length;
    const problems = found.findings.filter((f) => f.finding.severity === 'error').length;
    return { invoices: found.invoices.length, buyers: buyers.size, newBuyers, problems };
  }, [found, book]);
  return (
    <section class="preview-rows" aria-label={t('importPreview')}>
      <p role="status">{t('invoiceCounts', counts)}</p>
      {found.findings.length > 0 && (
        <>
          <table class="import-rows">
            <thead>
              <tr>
                <th scope="col">{t('importSheet')}</th>
                <th scope="col">{t('reportRow')}</th>
                <th scope="col">{t('importStatus')}</th>
                <th scope="col">{t('reportReason')}</th>
              </tr>
            </thead>
            <tbody>
              {found.findings.slice(0, limit).map(({ sheet, row, finding }) => (
                <tr
                  key={`${sheet}:${row}:${finding.code}`}
                  class={finding.severity === 'info' ? 'valid' : finding.severity}
                >
                  <td>{sheet}</td>
                  <td>{row}</td>
                  <td>
                    {t(
                      finding.severity === 'error'
                        ? 'status_error'
                        : finding.severity === 'warning'
                          ? 'status_warning'
                          : 'status_valid',
                    )}
                  </td>
                  <td class="reason">{finding.message[locale]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreRows shown={limit} total={found.findings.length} t={t} onMore={() => setLimit(limit + ROWS_PAGE)} />
        </>
      )}
    </section>
  );
}
