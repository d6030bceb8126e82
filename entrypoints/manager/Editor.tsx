import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EditForm } from '../../components/EditForm';
import type { CreditReading } from '../../lib/db/credit';
import { isStorageFull } from '../../lib/db/quota';
import type { AuditEntry } from '../../lib/db/schema';
import type { Customer } from '../../lib/domain/customer';
import { editableOf } from '../../lib/domain/edit';
import { hasErrors } from '../../lib/domain/findings';
import { rebaseEdits } from '../../lib/domain/rebase';
import { normalizeDraft, validateCustomer } from '../../lib/domain/validate';
import type { Locale, MessageKey, Translate } from '../../lib/i18n/messages';
import { defaultsFindings } from '../../lib/manager/tier-list';
import { sendMessage } from '../../lib/messaging/client';
import { Attachments } from './Attachments';
import { ChangedElsewhere } from './ChangedElsewhere';
import { CustomerInvoices } from './CustomerInvoices';
import { useTiers } from './use-tiers';

interface Props {
  customer: Customer;
  /** Every tier customers hold, to choose from with the tiers defined. */
  tiers: readonly string[];
  locale: Locale;
  t: Translate;
  /** After a save, an undo or a deletion: the customer as stored now (null once deleted). */
  onChanged(id: string, now: Customer | null): void;
  onNotice(text: string): void;
  /** Whether the form holds edits not yet saved, so the page can ask before dropping them. */
  onDirty(dirty: boolean): void;
  onClose(): void;
}

/**
 * Edits one customer. The save names the revision the edit started from; if the customer changed elsewhere in the
 * meantime (another tab, the popup, a capture prompt), nothing is overwritten: the clerk sees that it changed and
 * chooses, and the edit stays in the form until then.
 */
export function Editor({ customer, tiers, locale, t, onChanged, onNotice, onDirty, onClose }: Props) {
  const [base, setBase] = useState(customer);
  const [draft, setDraft] = useState(() => editableOf(customer));
  // The form keeps some of the clerk's text (tags, the limit) while typing; a draft from elsewhere starts it afresh.
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState<{ current: Customer | null } | null>(null);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const findings = useMemo(
    () => [...validateCustomer(normalizeDraft(draft)), ...defaultsFindings(draft.invoiceDefaults, 'invoiceDefaults.')],
    [draft],
  );
  const [defined] = useTiers();
  const [credit, setCredit] = useState<CreditReading | null>(null);
  const saving = useRef(false);
  const stored = useMemo(() => JSON.stringify(editableOf(base)), [base]);
  const dirty = useMemo(() => JSON.stringify(draft) !== stored, [draft, stored]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tells the page only when the answer changes
  useEffect(() => {
    onDirty(dirty);
  }, [dirty]);

  const loadHistory = () => sendMessage('page:history', { id: base.id }).then(setHistory);
  // biome-ignore lint/correctness/useExhaustiveDependencies: again whenever the stored revision moves
  useEffect(() => {
    loadHistory();
  }, [base.revision]);

  // The running total against the limit in the form, read again as it is typed (a pause first) and after each save.
  const limit = draft.creditLimit;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the limit's parts, not the object, say when to read again
  useEffect(() => {
    if (limit && !Number.isFinite(limit.amount)) return; // not an amount yet: validation says so
    let alive = true;
    const timer = setTimeout(() => {
      sendMessage('page:customerCredit', { id: base.id, limit })
        .then((reading) => alive && setCredit(reading))
        .catch(() => alive && setCredit(null));
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [base.id, base.revision, limit?.amount, limit?.period]);

  // One save at a time: a second one (a double click, a held Ctrl+S) would name the old revision and meet its own
  // first save as a conflict.
  const save = async (from: Customer, input = draft) => {
    if (saving.current) return;
    if (hasErrors(findings)) return onNotice(t('fixErrors'));
    saving.current = true;
    try {
      const result = await sendMessage('page:update', { id: from.id, revision: from.revision, input });
      if (result.ok) {
        setConflict(null);
        setBase(result.value);
        onChanged(result.value.id, result.value);
        onNotice(t('saved', { name: result.value.name }));
      } else if (result.error.code === 'conflict') {
        setConflict({ current: result.error.current });
        onNotice(t('conflictNotice'));
      } else if (result.error.code === 'duplicateTaxId') onNotice(t('saveDuplicate'));
      else onNotice(t('saveFailed', { reason: result.error.code }));
    } catch (error) {
      onNotice(isStorageFull(error) ? t('storageFull') : t('saveFailed', { reason: (error as Error).message }));
    } finally {
      saving.current = false;
    }
  };
  // Ctrl+S saves wherever the focus is on the page (the attachments and history too), never the browser's "Save page".
  const saveBase = useRef(() => save(base));
  saveBase.current = () => save(base);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      if (!e.repeat) saveBase.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // The clerk's edits made again on the customer as it is now, which the form then edits: what was changed elsewhere in
  // fields the clerk did not touch stays (saving the whole form over it would quietly undo those changes).
  const keepMine = (current: Customer) => {
    if (saving.current) return;
    const rebased = rebaseEdits(editableOf(base), draft, editableOf(current));
    setBase(current);
    setDraft(rebased);
    setFormKey((k) => k + 1);
    onChanged(current.id, current);
    save(current, rebased);
  };

  const takeLatest = (current: Customer) => {
    setBase(current);
    setDraft(editableOf(current));
    setFormKey((k) => k + 1);
    setConflict(null);
    onChanged(current.id, current);
  };

  const remove = async () => {
    const result = await sendMessage('page:delete', { id: base.id, revision: base.revision });
    if (result.ok) {
      onChanged(base.id, null);
      onNotice(t('deleted', { name: base.name }));
      onDirty(false); // nothing left to save
      onClose();
    } else if (result.error.code === 'conflict') setConflict({ current: result.error.current });
  };

  const undo = async (entry: AuditEntry) => {
    const result = await sendMessage('page:undo', { seq: entry.seq ?? -1 });
    if (!result.ok) return onNotice(t('undoConflict'));
    onNotice(t('undone'));
    if (result.value) takeLatest(result.value);
    else onChanged(base.id, null);
  };

  const times = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <aside class="editor" aria-label={t('editTitle', { name: base.name })}>
      <header>
        <h2>{base.name}</h2>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      {conflict && (
        <div class="conflict" role="alert">
          <p>{conflict.current ? t('conflictChanged') : t('conflictDeleted')}</p>
          {conflict.current && (
            <>
              <ChangedElsewhere base={base} current={conflict.current} mine={draft} t={t} />
              <button type="button" onClick={() => conflict.current && keepMine(conflict.current)}>
                {t('conflictKeepMine')}
              </button>
              <button type="button" onClick={() => conflict.current && takeLatest(conflict.current)}>
                {t('conflictTakeTheirs')}
              </button>
            </>
          )}
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save(base);
        }}
        noValidate
      >
        <EditForm
          key={formKey}
          draft={draft}
          findings={findings}
          tiers={tiers}
          defined={defined}
          credit={credit}
          locale={locale}
          t={t}
          onChange={setDraft}
        />
        <div class="actions">
          <button type="button" class="danger" onClick={remove}>
            {t('delete')}
          </button>
          <button type="submit" class="primary" aria-keyshortcuts="Control+S" title="Ctrl+S">
            {t('save')}
          </button>
        </div>
      </form>
      <CustomerInvoices customerId={base.id} taxId={base.taxId} t={t} />
      <Attachments customerId={base.id} locale={locale} t={t} onNotice={onNotice} />
      <h3>{t('history')}</h3>
      <ol class="history">
        {history
          .slice()
          .reverse()
          .map((entry) => (
            <li key={entry.seq}>
              <span>{times.format(entry.at)}</span> <span>{t(`action_${entry.action}` as MessageKey)}</span>
              <button type="button" class="link" onClick={() => undo(entry)}>
                {t('undo')}
              </button>
            </li>
          ))}
      </ol>
    </aside>
  );
}
