import { tierLabel } from '../../components/tier';
import type { BillingEntry, Customer, CustomerDraft } from '../../lib/domain/customer';
import { editableOf } from '../../lib/domain/edit';
import { type DraftChange, draftChanges, type EntryField } from '../../lib/domain/rebase';
import type { Translate } from '../../lib/i18n/messages';

interface Props {
  /** The customer as the editor loaded it, before the clerk's edits. */
  base: Customer;
  /** The customer as it is stored now, changed elsewhere since. */
  current: Customer;
  /** The clerk's edits, still in the form. */
  mine: CustomerDraft;
  t: Translate;
}

interface Line {
  key: string;
  label: string;
  value: string;
  /** The clerk changed this part too: keeping the clerk's edits puts the clerk's value over this one. */
  clash: boolean;
}

const entryText = (e: BillingEntry) =>
  [e.label, e.address, e.phone, e.bankName, e.bankAccount].filter(Boolean).join(' ');
const changeKey = (c: DraftChange) => JSON.stringify(c);

/** How one changed part is called, and what it holds now. */
function lineOf(change: DraftChange, from: CustomerDraft, now: CustomerDraft, t: Translate): [string, string] {
  const several = now.entries.length > 1 || from.entries.length > 1;
  const entryName = (list: readonly BillingEntry[], id: string) =>
    t('entryTitle', { n: list.findIndex((e) => e.id === id) + 1 });
  if (change.kind === 'entryAdded') {
    const added = now.entries.find((e) => e.id === change.entryId);
    return [entryName(now.entries, change.entryId), added ? entryText(added) : ''];
  }
  if (change.kind === 'entryRemoved') {
    const removed = from.entries.find((e) => e.id === change.entryId);
    return [entryName(from.entries, change.entryId), t('deleted', { name: removed ? entryText(removed) : '' })];
  }
  if (change.kind === 'entry') {
    const words: Record<EntryField, string> = {
      label: t('entryLabel'),
      address: t('field_address'),
      phone: t('field_phone'),
      bankName: t('field_bankName'),
      bankAccount: t('field_bankAccount'),
    };
    const label = several ? `${entryName(now.entries, change.entryId)} · ${words[change.field]}` : words[change.field];
    return [label, now.entries.find((e) => e.id === change.entryId)?.[change.field] ?? ''];
  }
  const one = (label: string, value: string): [string, string] => [label, value];
  switch (change.field) {
    case 'name':
    case 'taxId':
    case 'email':
    case 'mobile':
    case 'contact':
    case 'notes':
      return one(t(`field_${change.field}`), now[change.field]);
    case 'kind':
      return one(t('field_kind'), t(`kind_${now.kind}`));
    case 'tier':
      return one(t('column_tier'), tierLabel(now.tier, t));
    case 'tags':
      return one(t('field_tags'), now.tags.join('，'));
    case 'source':
      return one(t('column_source'), t(`source_${now.source}`));
    case 'defaultEntryId': {
      const chosen = now.entries.find((e) => e.id === now.defaultEntryId);
      const name = entryName(now.entries, now.defaultEntryId);
      return one(t('entryDefault'), chosen ? `${name} ${entryText(chosen)}` : name);
    }
    case 'creditLimit':
      return one(
        t('field_creditLimit'),
        now.creditLimit ? `${now.creditLimit.amount} ${t(`period_${now.creditLimit.period}`)}` : t('creditNone'),
      );
    case 'review': {
      const status = now.review.status === 'verified' ? t('verified') : t('pendingReview');
      return one(t('column_review'), now.review.by ? `${status} · ${now.review.by}` : status);
    }
    case 'invoiceDefaults': {
      const is = now.invoiceDefaults;
      const show = (v: boolean | null) => t(v === null ? 'tiersShow_' : v ? 'tiersShow_show' : 'tiersShow_hide');
      const settings = {
        type: [t('field_invoiceType'), is.type ? t(`invoice_${is.type}`) : t('tiersFollow')],
        remarks: [t('field_remarks'), is.remarks],
        deliveryEmail: [t('tiersDeliveryEmail'), is.deliveryEmail],
        deliveryMobile: [t('tiersDeliveryMobile'), is.deliveryMobile],
        showAddressBank: [t('tiersShowAddressBank'), show(is.showAddressBank)],
      } as const;
      return [...settings[change.part]];
    }
  }
}

/**
 * What was changed elsewhere since the editor loaded the customer, with the values the book holds now; the parts the
 * clerk changed too are marked, as keeping the clerk's edits puts the clerk's values there.
 */
export function ChangedElsewhere({ base, current, mine, t }: Props) {
  const from = editableOf(base);
  const now = editableOf(current);
  const mineChanged = new Set(draftChanges(from, mine).map(changeKey));
  const lines: Line[] = draftChanges(from, now).map((change) => {
    const [label, value] = lineOf(change, from, now, t);
    return { key: changeKey(change), label, value, clash: mineChanged.has(changeKey(change)) };
  });
  if (lines.length === 0) return null;
  return (
    <dl class="changed-elsewhere">
      {lines.map((line) => (
        <div key={line.key} class={line.clash ? 'clash' : undefined}>
          <dt>{line.label}</dt>
          <dd>{line.value || t('dedupEmpty')}</dd>
        </div>
      ))}
    </dl>
  );
}
