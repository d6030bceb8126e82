import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Customer } from '../../lib/domain/customer';
import type { Locale, Translate } from '../../lib/i18n/messages';
import { type ReviewItem, reviewQueue } from '../../lib/manager/review';
import type { Row } from '../../lib/manager/rows';
import { sendMessage } from '../../lib/messaging/client';
import { MoreRows, ROWS_PAGE } from './MoreRows';

interface Props {
  rows: readonly Row[];
  locale: Locale;
  t: Translate;
  /** Customers verified, or restored by an undo: the table reads them again. */
  onChanged(ids: readonly string[]): Promise<void> | void;
  onEdit(customer: Customer): void;
  onClose(): void;
}

const MONTHS = [6, 12, 24] as const;

/**
 * The review queue: customers whose details are worth checking again (see reviewQueue), each with why, to open or to
 * mark verified today in one keystroke; the last mark can be undone.
 */
export function Review({ rows, locale, t, onChanged, onEdit, onClose }: Props) {
  const [months, setMonths] = useState<number>(12);
  const [limit, setLimit] = useState(ROWS_PAGE);
  const [notice, setNotice] = useState<{ text: string; batch: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const queue = useMemo(() => reviewQueue(rows, Date.now(), months), [rows, months]);
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);

  const verify = async (item: ReviewItem, at: number) => {
    const { customer } = item.row;
    const result = await sendMessage('page:bulk', { ids: [customer.id], action: { kind: 'verify', by: '' } });
    await onChanged(result.changed);
    setNotice({ text: t('reviewVerified', { name: customer.name }), batch: result.batch });
    // The next customer takes the place of this one: keep the keyboard where the clerk was.
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.verify');
    buttons?.[Math.min(at, buttons.length - 1)]?.focus();
  };
  const undo = async (batch: string) => {
    const result = await sendMessage('page:undoBatch', { batch });
    await onChanged(result.changed);
    setNotice(null);
  };

  return (
    <section class="import review" aria-labelledby="review-title">
      <header class="top">
        <h2 id="review-title" tabIndex={-1} ref={heading}>
          {t('reviewQueueTitle')}
        </h2>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <p class="muted">{t('reviewHint')}</p>
      <div class="import-file">
        <label>
          {t('reviewMonths')}{' '}
          <select value={months} onChange={(e) => setMonths(Number(e.currentTarget.value))}>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {t('reviewMonthsOption', { months: m })}
              </option>
            ))}
          </select>
        </label>
        <span role="status">{queue.length ? t('reviewCount', { count: queue.length }) : t('reviewEmpty')}</span>
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice.text}
          <button type="button" class="link" onClick={() => undo(notice.batch)}>
            {t('undo')}
          </button>
        </p>
      )}
      <ul class="review-list" ref={list}>
        {queue.slice(0, limit).map((item, at) => {
          const c = item.row.customer;
          return (
            <li key={c.id}>
              <span class="who">
                <strong>{c.name}</strong>
                <small>{c.taxId}</small>
              </span>
              <span class="reasons">
                {item.reasons.map((r) => (
                  <span key={r} class={`reason ${r}`}>
                    {r === 'stale'
                      ? t('reviewReason_stale', { date: day.format(c.review.at ?? 0) })
                      : t(`reviewReason_${r}`)}
                  </span>
                ))}
              </span>
              <button type="button" aria-label={t('reviewEditNamed', { name: c.name })} onClick={() => onEdit(c)}>
                {t('reviewEdit')}
              </button>
              <button
                type="button"
                class="verify"
                aria-label={t('reviewVerifyNamed', { name: c.name })}
                onClick={() => verify(item, at)}
              >
                {t('reviewVerify')}
              </button>
            </li>
          );
        })}
      </ul>
      <MoreRows shown={limit} total={queue.length} t={t} onMore={() => setLimit(limit + ROWS_PAGE)} />
    </section>
  );
}
