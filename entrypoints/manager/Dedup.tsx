import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Blocks } from '../../lib/dedup/candidates';
import { MERGE_FIELDS, type MergeField } from '../../lib/dedup/merge';
import { KIND_TEXT } from '../../lib/dedup/reasons';
import { type Cluster, type ScanResult, scan, scanBlocks } from '../../lib/dedup/scan';
import type { Customer } from '../../lib/domain/customer';
import type { Locale, Translate } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/client';
import { MoreRows } from './MoreRows';

interface Props {
  /** The whole book, as the table holds it. */
  customers: readonly Customer[];
  /** Its blocks when the page has built them ahead (see useBlocksAhead); else the scan builds them itself. */
  blocks: Blocks | null;
  locale: Locale;
  t: Translate;
  /** Customers merged or restored by an undo: the table reads them again. */
  onChanged(ids: readonly string[]): void;
  onClose(): void;
}

/** Clusters drawn at a time. */
const CLUSTERS_PAGE = 20;
/** The fields a clerk picks member by member, as the merge takes them, in the order shown. */
const PICKED: readonly MergeField[] = MERGE_FIELDS.filter((f) => f !== 'source' && f !== 'invoiceDefaults');

/** What a member shows for a field, as text. */
function shown(c: Customer, field: MergeField | 'entries' | 'usage', t: Translate): string {
  switch (field) {
    case 'kind':
      return t(`kind_${c.kind}`);
    case 'creditLimit':
      return c.creditLimit ? String(c.creditLimit.amount) : '';
    case 'invoiceDefaults':
      return c.invoiceDefaults.type ?? '';
    case 'entries':
      return c.entries.map((x) => [x.address, x.phone, x.bankName, x.bankAccount].filter(Boolean).join(' ')).join('\n');
    case 'usage':
      return t('dedupUsage', { count: c.useCount });
    default:
      return c[field];
  }
}

/**
 * The 去重 scan: customers that are likely one, ranked by confidence, side by side. The clerk picks the record to keep
 * and, field by field, whose value to take; the merge keeps every address and bank as an alternative and can be
 * undone.
 */
export function Dedup({ customers, blocks, locale, t, onChanged, onClose }: Props) {
  const [result, setResult] = useState<ScanResult | null>(null);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [limit, setLimit] = useState(CLUSTERS_PAGE);
  const [notice, setNotice] = useState<{ text: string; batch?: string } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const byId = useMemo(() => new Map(customers.map((c) => [c.id, c])), [customers]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scans once when opened; merges update the list in place
  useEffect(() => {
    heading.current?.focus();
    // Let the page say it is looking before the scan holds the thread.
    const timer = setTimeout(() => setResult(blocks ? scanBlocks(blocks) : scan(customers)), 30);
    return () => clearTimeout(timer);
  }, []);

  const open = useMemo(
    () => (result?.clusters ?? []).filter((c) => !dismissed.has(c.ids.join()) && c.ids.every((id) => byId.has(id))),
    [result, dismissed, byId],
  );

  const auto = useMemo(() => open.filter((c) => c.autoMerge), [open]);
  const revisions = (cluster: Cluster) => cluster.ids.map((id) => ({ id, revision: byId.get(id)?.revision ?? 0 }));
  const nameOf = (id: string) => byId.get(id)?.name ?? '';

  const mergeAuto = async () => {
    const groups = auto.map((c) => ({ members: revisions(c), survivorId: c.survivorId }));
    const outcome = await sendMessage('page:mergeMany', { groups });
    setPreviewing(false);
    if (!outcome.ok) return setNotice({ text: t('dedupFailed') });
    const { merged, deleted, changed, conflicts, batch } = outcome.value;
    onChanged([...changed, ...deleted]);
    const done = t('dedupAutoDone', { merged, customers: deleted.length });
    setNotice({ text: conflicts ? `${done}。${t('dedupAutoConflicts', { count: conflicts })}` : done, batch });
  };

  const merge = async (cluster: Cluster, survivorId: string, fields: Partial<Record<MergeField, string>>) => {
    const outcome = await sendMessage('page:merge', { members: revisions(cluster), survivorId, choices: { fields } });
    if (!outcome.ok) {
      setNotice({ text: outcome.error.code === 'conflict' ? t('dedupConflict') : t('dedupFailed') });
      return;
    }
    onChanged([outcome.value.merged.id, ...outcome.value.deleted]);
    setNotice({ text: t('dedupMerged', { count: cluster.ids.length }), batch: outcome.value.batch });
  };

  const undo = async (batch: string) => {
    const result = await sendMessage('page:undoBatch', { batch });
    onChanged(result.changed);
    setNotice({ text: result.conflicts.length ? t('undoPartly', { count: result.conflicts.length }) : t('undone') });
  };

  return (
    <section class="import" aria-labelledby="dedup-title">
      <header class="top">
        <h2 id="dedup-title" tabIndex={-1} ref={heading}>
          {t('dedupTitle')}
        </h2>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      {notice && (
        <p class="notice" role="status">
          {notice.text}
          {notice.batch && (
            <button type="button" class="link" onClick={() => notice.batch && undo(notice.batch)}>
              {t('undo')}
            </button>
          )}
        </p>
      )}
      {!result ? (
        <p role="status">{t('dedupScanning', { count: customers.length })}</p>
      ) : (
        <p class="muted">
          {t('dedupStats', { customers: result.stats.customers, pairs: result.stats.pairs, clusters: open.length })}{' '}
          {auto.length > 0 && !previewing && (
            <button type="button" onClick={() => setPreviewing(true)}>
              {t('dedupAutoOpen', { count: auto.length })}
            </button>
          )}
        </p>
      )}
      {previewing && (
        <section class="auto-merge" aria-labelledby="auto-merge-title">
          <h3 id="auto-merge-title">{t('dedupAutoTitle')}</h3>
          <p class="muted">{t('dedupAutoHint')}</p>
          <ul>
            {auto.map((c) => (
              <li key={c.ids.join()}>
                {t('dedupAutoItem', {
                  keep: nameOf(c.survivorId),
                  others: c.ids
                    .filter((id) => id !== c.survivorId)
                    .map(nameOf)
                    .join('、'),
                })}
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="primary" onClick={mergeAuto}>
              {t('dedupAutoConfirm', { count: auto.length })}
            </button>
            <button type="button" onClick={() => setPreviewing(false)}>
              {t('cancel')}
            </button>
          </div>
        </section>
      )}
      {open.slice(0, limit).map((cluster) => (
        <ClusterCard
          key={cluster.ids.join()}
          cluster={cluster}
          members={cluster.ids.map((id) => byId.get(id)).filter((c): c is Customer => c !== undefined)}
          locale={locale}
          t={t}
          onMerge={merge}
          onDismiss={() => setDismissed(new Set(dismissed).add(cluster.ids.join()))}
        />
      ))}
      <MoreRows shown={limit} total={open.length} t={t} onMore={() => setLimit(limit + CLUSTERS_PAGE)} />
    </section>
  );
}

interface CardProps {
  cluster: Cluster;
  members: Customer[];
  locale: Locale;
  t: Translate;
  onMerge(cluster: Cluster, survivorId: string, fields: Partial<Record<MergeField, string>>): void;
  onDismiss(): void;
}

/** One cluster side by side: a column per member, a row per field, a choice per field. */
function ClusterCard({ cluster, members, locale, t, onMerge, onDismiss }: CardProps) {
  const [survivorId, setSurvivorId] = useState(cluster.survivorId);
  const [fields, setFields] = useState<Partial<Record<MergeField, string>>>({});
  const name = `cluster-${cluster.ids[0]}`;
  const pick = (field: MergeField, id: string) => setFields({ ...fields, [field]: id });
  const reasons = [...new Set(cluster.pairs.flatMap((p) => p.reasons.map((r) => r.message[locale])))];
  return (
    <article class="cluster" aria-label={members.map((m) => m.name).join(' / ')}>
      <h3>
        {cluster.kinds.map((k) => KIND_TEXT[k][locale]).join('；')}{' '}
        <span class="muted">{t('dedupConfidence', { percent: Math.round(cluster.confidence * 100) })}</span>
      </h3>
      <ul class="muted">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <table class="mapping">
        <thead>
          <tr>
            <th scope="col">{t('dedupField')}</th>
            {members.map((m) => (
              <th key={m.id} scope="col">
                <label>
                  <input
                    type="radio"
                    name={`${name}-survivor`}
                    checked={survivorId === m.id}
                    onChange={() => setSurvivorId(m.id)}
                  />
                  {t('dedupKeep')}
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PICKED.map((field) => (
            <tr key={field}>
              <th scope="row">{t(`mergeField_${field}`)}</th>
              {members.map((m) => (
                <td key={m.id}>
                  <label>
                    <input
                      type="radio"
                      name={`${name}-${field}`}
                      checked={(fields[field] ?? survivorId) === m.id}
                      onChange={() => pick(field, m.id)}
                    />
                    {shown(m, field, t) || <span class="muted">{t('dedupEmpty')}</span>}
                  </label>
                </td>
              ))}
            </tr>
          ))}
          {(['entries', 'usage'] as const).map((row) => (
            <tr key={row}>
              <th scope="row">{t(`mergeField_${row}`)}</th>
              {members.map((m) => (
                <td key={m.id} class="pre">
                  {shown(m, row, t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('dedupKeepsAll')}</p>
      <div class="actions">
        <button type="button" onClick={onDismiss}>
          {t('dedupNotDuplicate')}
        </button>
        <button type="button" class="primary" onClick={() => onMerge(cluster, survivorId, fields)}>
          {t('dedupMerge', { count: members.length })}
        </button>
      </div>
    </article>
  );
}
