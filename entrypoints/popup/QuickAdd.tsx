import { useEffect, useMemo, useState } from 'preact/hooks';
import { CustomerForm } from '../../components/CustomerForm';
import { isStorageFull } from '../../lib/db/quota';
import type { Customer } from '../../lib/domain/customer';
import { draftForCheck, EMPTY_DRAFT, inputOfDraft, type QuickDraft } from '../../lib/domain/draft';
import { hasErrors } from '../../lib/domain/findings';
import { parsePaste } from '../../lib/domain/paste';
import { normalizeDraft, validateCustomer } from '../../lib/domain/validate';
import type { Locale, Translate } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/client';
import type { Similar } from '../../lib/messaging/protocol';

interface Props {
  locale: Locale;
  t: Translate;
  /** What the clerk had typed in a portal's buyer field: a tax ID goes to 税号, anything else to 名称. */
  typed: string;
  onSaved(customer: Customer): void;
  onOpen(customer: Customer): void;
  /** Shown in the popup's one status line. */
  onNotice(text: string): void;
}

/** Findings that only matter once the clerk tries to save (an empty form is not an error yet). */
const TAX_ID_LIKE = /^[0-9A-Za-z]{6,20}$/;
const QR_COMPLETE = /\$01[A-Za-z0-9+/=\s]+\$/;

const ON_SAVE_ONLY = new Set(['name.missing', 'taxId.missing']);

/**
 * 新增客户: a form checked as the clerk types (USCC check character, phone, 专票 completeness), a live warning when
 * the book already has the tax ID or a similar name, and smart paste of chat text or an invoice-title QR code.
 */
export function QuickAdd({ locale, t, typed, onSaved, onOpen, onNotice: setNote }: Props) {
  const [draft, setDraft] = useState<QuickDraft>(() =>
    TAX_ID_LIKE.test(typed) ? { ...EMPTY_DRAFT, taxId: typed } : { ...EMPTY_DRAFT, name: typed },
  );
  const [source, setSource] = useState<'manual' | 'paste'>('manual');
  const [tried, setTried] = useState(false);
  const [similar, setSimilar] = useState<Similar>({ sameTaxId: null, similarName: [] });

  const findings = useMemo(
    () => validateCustomer(normalizeDraft(draftForCheck(draft))).filter((f) => tried || !ON_SAVE_ONLY.has(f.code)),
    [draft, tried],
  );

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      sendMessage('page:similar', { name: draft.name, taxId: draft.taxId }).then(
        (found) => current && setSimilar(found),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft.name, draft.taxId]);

  const paste = (text: string) => {
    const result = parsePaste(text);
    if (!result.ok) {
      setNote(t(result.reason === 'qrUnreadable' ? 'pasteQrUnreadable' : 'pasteNothing'));
      return;
    }
    const found = Object.entries(result.fields).filter(([, v]) => v);
    setDraft({ ...draft, ...Object.fromEntries(found) });
    setSource('paste');
    const notes = [t('pasteFound', { count: found.length })];
    if (result.warnings.includes('qrChecksum')) notes.push(t('pasteQrChecksum'));
    setNote(notes.join(' '));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    const all = validateCustomer(normalizeDraft(draftForCheck(draft)));
    if (hasErrors(all)) {
      setNote(t('fixErrors'));
      return;
    }
    const result = await sendMessage('page:create', { input: inputOfDraft(draft, source) }).catch((e: Error) => e);
    if (result instanceof Error)
      setNote(isStorageFull(result) ? t('storageFull') : t('saveFailed', { reason: result.message }));
    else if (result.ok) onSaved(result.value);
    else if (result.error.code === 'duplicateTaxId') setNote(t('saveDuplicate'));
    else setNote(t('saveFailed', { reason: result.error.code }));
  };

  const duplicates = [
    ...(similar.sameTaxId
      ? [{ customer: similar.sameTaxId, text: t('dupTaxId', { name: similar.sameTaxId.name }) }]
      : []),
    ...similar.similarName.map((c) => ({ customer: c, text: t('dupName', { name: c.name }) })),
  ];

  return (
    <form class="quick-add" onSubmit={save} noValidate>
      <label for="paste">{t('pasteLabel')}</label>
      <textarea
        id="paste"
        rows={3}
        placeholder={t('pastePlaceholder')}
        onPaste={(e) => {
          e.preventDefault();
          paste(e.clipboardData?.getData('text/plain') ?? '');
        }}
        // A scanner gun types the QR payload: read it as soon as it is complete; typed text is read on leaving.
        onInput={(e) => QR_COMPLETE.test(e.currentTarget.value) && paste(e.currentTarget.value)}
        onChange={(e) => paste(e.currentTarget.value)}
      />
      {duplicates.length > 0 && (
        <ul class="duplicates" role="alert">
          {duplicates.map(({ customer, text }) => (
            <li key={customer.id}>
              <span>{text}</span>
              <button type="button" onClick={() => onOpen(customer)}>
                {t('open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <CustomerForm draft={draft} findings={findings} locale={locale} t={t} onChange={setDraft} />
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}
