import { useEffect, useRef, useState } from 'preact/hooks';
import { isStorageFull } from '../../lib/db/quota';
import type { AttachmentMeta } from '../../lib/db/schema';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_MB,
  ATTACHMENT_TYPES,
  fromBase64,
  sniffType,
  toBase64,
} from '../../lib/domain/attachment';
import type { Locale, Translate } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/client';

interface Props {
  customerId: string;
  locale: Locale;
  t: Translate;
  onNotice(text: string): void;
}

interface Preview {
  meta: AttachmentMeta;
  url: string;
}

/** A customer's files (its business licence, as an image or PDF): add, preview, remove. */
export function Attachments({ customerId, locale, t, onNotice }: Props) {
  const [list, setList] = useState<AttachmentMeta[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const reload = () => sendMessage('page:attachments', { customerId }).then(setList);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per customer (the editor is keyed by it)
  useEffect(() => {
    reload();
  }, []);
  useEffect(() => {
    if (preview) dialog.current?.showModal();
    return () => {
      if (preview) URL.revokeObjectURL(preview.url);
    };
  }, [preview]);

  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const reasons: Record<string, string> = {
    notFound: t('fillNotFound'),
    badFile: t('attachUnreadable'),
  };
  const addOne = async (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES)
      return onNotice(t('attachTooBig', { name: file.name, max: ATTACHMENT_MAX_MB }));
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!sniffType(bytes)) return onNotice(t('attachBadType', { name: file.name }));
    const result = await sendMessage('page:attach', { customerId, name: file.name, data: toBase64(bytes) });
    onNotice(
      result.ok
        ? t('attachAdded', { name: file.name })
        : t('attachFailed', { reason: reasons[result.error.code] ?? result.error.code }),
    );
  };
  const add = async (files: File[]) => {
    try {
      for (const file of files) await addOne(file);
    } catch (e) {
      onNotice(isStorageFull(e) ? t('storageFull') : t('attachFailed', { reason: (e as Error).message }));
    } finally {
      reload();
    }
  };

  const open = async (meta: AttachmentMeta) => {
    const found = await sendMessage('page:attachment', { id: meta.id });
    if (!alive.current) return;
    if (!found) return reload();
    const url = URL.createObjectURL(new Blob([fromBase64(found.data)], { type: found.type }));
    setPreview({ meta, url });
  };

  const remove = async (meta: AttachmentMeta) => {
    if (!window.confirm(t('attachRemove', { name: meta.name }))) return;
    await sendMessage('page:detach', { id: meta.id });
    onNotice(t('attachRemoved', { name: meta.name }));
    reload();
  };

  const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
  return (
    <section class="attachments" aria-labelledby="attach-title">
      <h3 id="attach-title">{t('attachTitle')}</h3>
      {list.length === 0 ? (
        <p class="muted">{t('attachNone')}</p>
      ) : (
        <ul>
          {list.map((meta) => (
            <li key={meta.id}>
              <button
                type="button"
                class="link"
                aria-label={t('attachPreview', { name: meta.name })}
                onClick={() => open(meta)}
              >
                {meta.name}
              </button>
              <span class="muted">
                {size.format(Math.max(1, Math.round(meta.size / 1024)))} · {when.format(meta.addedAt)}
              </span>
              <button
                type="button"
                class="link danger"
                aria-label={t('attachRemove', { name: meta.name })}
                onClick={() => remove(meta)}
              >
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="file-button">
        {t('attachAdd')}
        <input
          type="file"
          multiple
          accept={ATTACHMENT_TYPES.join(',')}
          onChange={(e) => {
            add([...(e.currentTarget.files ?? [])]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {preview && (
        <dialog ref={dialog} class="preview" aria-label={preview.meta.name} onClose={() => setPreview(null)}>
          <header>
            <strong>{preview.meta.name}</strong>
            <button type="button" class="link" onClick={() => dialog.current?.close()}>
              {t('close')}
            </button>
          </header>
          {preview.meta.type === 'application/pdf' ? (
            <iframe src={preview.url} title={preview.meta.name} />
          ) : (
            <img src={preview.url} alt={preview.meta.name} />
          )}
        </dialog>
      )}
    </section>
  );
}
