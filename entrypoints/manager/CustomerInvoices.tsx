import { useEffect, useState } from 'preact/hooks';
import { yuan } from '../../lib/analytics/format';
import type { InvoiceLine, InvoicePage } from '../../lib/background/customer-extras-service';
import type { MessageKey, Translate } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/client';

/** Invoices listed at a time; more on demand. */
export const INVOICES_PAGE = 50;

interface Props {
  customerId: string;
  /** The stored tax ID, which links invoices to the customer: the list is read again when it changes. */
  taxId: string;
  t: Translate;
}

/** An invoice's state in words: red and void are said, never shown by colour alone. */
function statusOf(invoice: InvoiceLine): MessageKey[] {
  const words: MessageKey[] = [];
  if (invoice.red) words.push('invoiceRed');
  if (invoice.void) words.push('invoiceVoid');
  else if (invoice.redFlushed) words.push('invoiceFlushed');
  if (words.length === 0) words.push('invoiceNormal');
  return words;
}

/** A customer's invoices from the invoice history, newest first, with their count and total. */
export function CustomerInvoices({ customerId, taxId, t }: Props) {
  const [page, setPage] = useState<InvoicePage | null>(null);
  const [shown, setShown] = useState<InvoiceLine[]>([]);
  const [error, setError] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new tax ID links other invoices: read them again
  useEffect(() => {
    let alive = true;
    setPage(null);
    setShown([]);
    sendMessage('page:customerInvoices', { id: customerId, offset: 0, limit: INVOICES_PAGE })
      .then((first) => {
        if (!alive) return;
        setPage(first);
        setShown(first.invoices);
      })
      .catch((e: Error) => alive && setError(e.message));
    return () => {
      alive = false;
    };
  }, [customerId, taxId]);

  const more = async () => {
    const next = await sendMessage('page:customerInvoices', {
      id: customerId,
      offset: shown.length,
      limit: INVOICES_PAGE,
    });
    setPage(next);
    setShown((old) => [...old, ...next.invoices]);
  };

  const rest = page ? page.count - shown.length : 0;
  return (
    <section class="customer-invoices" aria-labelledby="customer-invoices-title">
      <h3 id="customer-invoices-title">{t('customerInvoices')}</h3>
      {error ? (
        <p class="error">{t('loadFailed', { reason: error })}</p>
      ) : !page ? (
        <p class="muted">{t('customerInvoicesLoading')}</p>
      ) : !taxId ? (
        <p class="muted">{t('customerInvoicesNoTaxId')}</p>
      ) : page.count === 0 ? (
        <p class="muted">{t('customerInvoicesNone')}</p>
      ) : (
        <>
          <p class="invoice-summary">{t('customerInvoicesSummary', { count: page.count, total: yuan(page.total) })}</p>
          <div class="invoice-scroll">
            <table class="invoices">
              <thead>
                <tr>
                  <th scope="col">{t('invoiceDay')}</th>
                  <th scope="col">{t('invoiceNumber')}</th>
                  <th scope="col" class="money">
                    {t('invoiceAmount')}
                  </th>
                  <th scope="col" class="money">
                    {t('invoiceTax')}
                  </th>
                  <th scope="col" class="money">
                    {t('invoiceTotal')}
                  </th>
                  <th scope="col">{t('invoiceStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((invoice) => (
                  <tr key={invoice.id} class={invoice.void ? 'void' : invoice.red ? 'red' : undefined}>
                    <td>{invoice.issuedOn}</td>
                    <td class="mono">{invoice.id}</td>
                    <td class="money">{yuan(invoice.amount)}</td>
                    <td class="money">{yuan(invoice.tax)}</td>
                    <td class="money">{yuan(invoice.total)}</td>
                    <td>
                      {statusOf(invoice)
                        .map((key) => t(key))
                        .join('、')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rest > 0 && (
            <button type="button" class="link" onClick={more}>
              {t('customerInvoicesMore', { page: Math.min(INVOICES_PAGE, rest), count: rest })}
            </button>
          )}
        </>
      )}
      {page && page.invalid > 0 && <p class="muted">{t('customerInvoicesInvalid', { count: page.invalid })}</p>}
    </section>
  );
}
