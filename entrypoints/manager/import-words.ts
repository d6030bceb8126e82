import { KIND_TEXT } from '../../lib/dedup/reasons';
import type { Locale, Translate } from '../../lib/i18n/messages';
import type { PlannedRow } from '../../lib/import/plan';
import type { ReportWords } from '../../lib/import/report';

/** Which customer a row may duplicate, in words: the preview and the report say it alike. */
export function duplicateText(row: PlannedRow, t: Translate, locale: Locale): string {
  const d = row.duplicate;
  if (!d) return '';
  if (d.by === 'similar') {
    const reason = KIND_TEXT[d.kind][locale];
    return d.in === 'file'
      ? t('dupSimilarRow', { row: d.row, name: d.name, reason })
      : t('dupSimilarBook', { name: d.name, reason });
  }
  if (d.in === 'file') return t(d.by === 'taxId' ? 'dupTaxIdRow' : 'dupNameRow', { row: d.row });
  return t(d.by === 'taxId' ? 'dupTaxIdBook' : 'dupNameBook');
}

/** Everything a row's status says: its findings, then the duplicate. */
export function rowNotes(row: PlannedRow, locale: Locale, t: Translate): string {
  return [...row.findings.map((f) => f.message[locale]), duplicateText(row, t, locale)].filter(Boolean).join('；');
}

/** The report's words in the clerk's language. */
export function reportWords(locale: Locale, t: Translate): ReportWords {
  return {
    headers: [t('reportRow'), t('column_name'), t('column_taxId'), t('reportResult'), t('reportReason')],
    result: {
      added: t('result_added'),
      updated: t('result_updated'),
      unchanged: t('result_unchanged'),
      skipped: t('result_skipped'),
      refused: t('result_refused'),
    },
    refused: { duplicateTaxId: t('refused_duplicateTaxId'), notFound: t('refused_notFound') },
    notes: (row) => rowNotes(row, locale, t),
  };
}
