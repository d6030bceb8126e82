import { describe, expect, it, vi } from 'vitest';
import { type SettingsStore, serveBackup, serveRestore } from '../../../lib/background/backup-service';
import { bookIndex } from '../../../lib/background/book-index';
import type { ImportBook } from '../../../lib/background/import-service';
import { type BackupSettings, backupText, parseBackup } from '../../../lib/backup/format';
import { addAttachment, getAttachment } from '../../../lib/db/attachments';
import { readBackup } from '../../../lib/db/backup';
import { createCustomer, listCustomers } from '../../../lib/db/customers';
import type { TaitouDB } from '../../../lib/db/open';
import { LOCALE_KEY } from '../../../lib/i18n/stored-locale';
import { mappingKey } from '../../../lib/import/mapping';
import {
  type BackupReply,
  MAX_BACKUP_CHARS,
  type RestoreReply,
  type RestoreRequest,
} from '../../../lib/messaging/backup-port';
import { PART_CHARS, textParts } from '../../../lib/messaging/port';
import { customerInput, freshBook } from '../../support/book';
import { FakePort, settle } from '../../support/fake-port';

const MAPPING = mappingKey(['名称', '税号', '地址电话']);

/** The extension's storage, in memory: a write sets the keys it is given and keeps the rest, as storage.local does. */
function memorySettings(initial: BackupSettings = {}, opts: { failWrites?: boolean } = {}) {
  const data: BackupSettings = { ...initial };
  const written: BackupSettings[] = [];
  const store: SettingsStore = {
    read: async () => structuredClone(data),
    write: async (settings) => {
      if (opts.failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      written.push(structuredClone(settings));
      Object.assign(data, settings);
    },
  };
  return { store, data, written };
}

async function book(): Promise<ImportBook> {
  const db = await freshBook();
  return { db, index: bookIndex(db) };
}

async function add(db: TaitouDB, name: string, taxId = '') {
  const created = await createCustomer(db, customerInput({ name, taxId }));
  if (!created.ok) throw new Error('create failed');
  return created.value;
}

/** A backup file of a book with two customers (one with a PDF of `pdfBytes`), carrying `settings`. */
async function backupFile(settings: BackupSettings, pdfBytes = 16) {
  const { db } = await book();
  const ningbo = await add(db, '宁波港湾物流有限公司', '91330206MA2H3K5P7L');
  const hangzhou = await add(db, '杭州西湖龙井茶业有限公司');
  const pdf = new Uint8Array(pdfBytes);
  pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
  const kept = await addAttachment(db, ningbo.id, '营业执照.pdf', pdf);
  if (!kept.ok) throw new Error('attachment refused');
  return { text: backupText(await readBackup(db, settings)), ningbo, hangzhou };
}

/** A restore served over a fake port into `target`, with the settings store given. */
function restoring(target: ImportBook, settings: SettingsStore) {
  const port = new FakePort<RestoreReply, unknown>();
  const onChanged = vi.fn();
  serveRestore(port, Promise.resolve(target), settings, onChanged);
  const send = (text: string, mode: 'merge' | 'replace') => {
    for (const part of textParts(text)) port.receive({ type: 'part', text: part } satisfies RestoreRequest);
    port.receive({ type: 'restore', mode } satisfies RestoreRequest);
  };
  return { port, onChanged, send, answer: () => port.until(() => true) };
}

const namesIn = async (db: TaitouDB) => (await listCustomers(db)).customers.map((c) => c.name).sort();
const found = async (target: ImportBook, query: string) => (await target.index.get()).search(query).map((h) => h.id);

describe('serveBackup', () => {
  it('streams the whole book with the settings in parts that join into a backup file', async () => {
    const source = await book();
    const customer = await add(source.db, '宁波港湾物流有限公司', '91330206MA2H3K5P7L');
    // Over one part's worth of base64, so that the file must come in more than one.
    const pdf = new Uint8Array(Math.ceil(PART_CHARS * 0.8));
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    await addAttachment(source.db, customer.id, '执照.pdf', pdf);
    const settings = memorySettings({ [LOCALE_KEY]: 'en', [MAPPING]: ['name', 'taxId', 'addressPhone'] });
    const port = new FakePort<BackupReply, unknown>();

    serveBackup(port, Promise.resolve(source), settings.store);
    await port.until((m) => m.type !== 'part');

    const types = port.sent.map((m) => m.type);
    expect(types.at(-1)).toBe('end');
    expect(types.slice(0, -1).every((t) => t === 'part')).toBe(true);
    expect(types.length).toBeGreaterThan(2);
    const text = port.sent.map((m) => (m.type === 'part' ? m.text : '')).join('');
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.backup.customers).toEqual((await listCustomers(source.db)).customers);
    expect(parsed.backup.attachments.map((a) => [a.name, a.size])).toEqual([['执照.pdf', pdf.length]]);
    expect(parsed.backup.settings).toEqual(settings.data);
  });

  it('stops sending once the page has gone', async () => {
    const source = await book();
    const customer = await add(source.db, '宁波港湾物流有限公司');
    const pdf = new Uint8Array(Math.ceil(PART_CHARS * 0.8));
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    await addAttachment(source.db, customer.id, '执照.pdf', pdf);
    const port = new FakePort<BackupReply, unknown>();
    port.hangUp();
    serveBackup(port, Promise.resolve(source), memorySettings().store);
    await vi.waitFor(() => expect(port.refusedPosts).toBe(1));
    await settle(50);
    // One part was tried and refused; the other parts and the end were never tried.
    expect(port.refusedPosts).toBe(1);
  });

  it('says failed with the reason when the book cannot be read', async () => {
    const broken = Promise.reject(new Error('migration failed: disk full'));
    broken.catch(() => undefined);
    const port = new FakePort<BackupReply, unknown>();
    serveBackup(port, broken, memorySettings().store);
    expect(await port.until(() => true)).toEqual({ type: 'failed', reason: 'migration failed: disk full' });
    expect(port.sent).toHaveLength(1);
  });
});

describe('serveRestore', () => {
  it('merges a file into the book, reloads the search index, says the book changed and puts back known settings', async () => {
    const file = await backupFile({
      [LOCALE_KEY]: 'en',
      [MAPPING]: ['name', 'taxId', 'addressPhone'],
      // A key this version does not know, from a hand-edited file or another version: it stays out.
      'sync:token': 'secret',
      theme: 'dark',
    });
    const target = await book();
    const own = await add(target.db, '上海大华纺织品进出口有限公司');
    // The index is loaded before the restore: only a reload makes it see what the restore wrote.
    expect(await found(target, '宁波港湾')).toEqual([]);
    const settings = memorySettings({ [LOCALE_KEY]: 'zh-CN' });
    const r = restoring(target, settings.store);

    r.send(file.text, 'merge');

    expect(await r.answer()).toEqual({
      type: 'done',
      settingsRestored: true,
      report: expect.objectContaining({ mode: 'merge', added: 2, updated: 0, refused: [], attachmentsAdded: 1 }),
    });
    expect(r.port.sent).toHaveLength(1);
    expect(await namesIn(target.db)).toEqual(
      ['上海大华纺织品进出口有限公司', '宁波港湾物流有限公司', '杭州西湖龙井茶业有限公司'].sort(),
    );
    expect(await found(target, '宁波港湾')).toEqual([file.ningbo.id]);
    expect(await found(target, '西湖龙井')).toEqual([file.hangzhou.id]);
    expect(await found(target, '大华纺织')).toEqual([own.id]);
    expect(r.onChanged).toHaveBeenCalledTimes(1);
    expect(settings.written).toEqual([{ [LOCALE_KEY]: 'en', [MAPPING]: ['name', 'taxId', 'addressPhone'] }]);
    expect(settings.data).toEqual({ [LOCALE_KEY]: 'en', [MAPPING]: ['name', 'taxId', 'addressPhone'] });
  });

  it('replaces the book with the file, and leaves out a language it does not know', async () => {
    const file = await backupFile({ [LOCALE_KEY]: 'fr', [MAPPING]: ['name', null, 'addressPhone'] });
    const target = await book();
    const gone = await add(target.db, '上海大华纺织品进出口有限公司');
    expect(await found(target, '大华纺织')).toEqual([gone.id]);
    const settings = memorySettings({ [LOCALE_KEY]: 'zh-CN' });
    const r = restoring(target, settings.store);

    r.send(file.text, 'replace');

    expect(await r.answer()).toMatchObject({
      type: 'done',
      settingsRestored: true,
      report: { mode: 'replace', batch: null, added: 2 },
    });
    expect(await namesIn(target.db)).toEqual(['宁波港湾物流有限公司', '杭州西湖龙井茶业有限公司'].sort());
    expect(await found(target, '大华纺织')).toEqual([]);
    expect(await found(target, '宁波港湾')).toEqual([file.ningbo.id]);
    expect(r.onChanged).toHaveBeenCalledTimes(1);
    expect(settings.written).toEqual([{ [MAPPING]: ['name', null, 'addressPhone'] }]);
    expect(settings.data[LOCALE_KEY]).toBe('zh-CN');
  });

  it('restores a file that comes in more than one part', async () => {
    const file = await backupFile({}, Math.ceil(PART_CHARS * 0.8));
    expect(file.text.length).toBeGreaterThan(PART_CHARS);
    const target = await book();
    const r = restoring(target, memorySettings().store);
    r.send(file.text, 'merge');
    expect(await r.answer()).toMatchObject({ type: 'done', report: { added: 2, attachmentsAdded: 1 } });
    const [stored] = await target.db.getAll('attachments');
    const pdf = stored && (await getAttachment(target.db, stored.id));
    expect(pdf?.data.byteLength).toBe(Math.ceil(PART_CHARS * 0.8));
  });

  it('says done with settingsRestored false when the settings cannot be written, the book restored all the same', async () => {
    const file = await backupFile({ [LOCALE_KEY]: 'en' });
    const target = await book();
    const r = restoring(target, memorySettings({}, { failWrites: true }).store);
    r.send(file.text, 'merge');
    expect(await r.answer()).toMatchObject({ type: 'done', settingsRestored: false, report: { added: 2 } });
    expect(await namesIn(target.db)).toEqual(['宁波港湾物流有限公司', '杭州西湖龙井茶业有限公司'].sort());
    expect(await found(target, '宁波港湾')).toEqual([file.ningbo.id]);
    expect(r.onChanged).toHaveBeenCalledTimes(1);
  });

  it('hears only the first restore message', async () => {
    const file = await backupFile({});
    const target = await book();
    await add(target.db, '上海大华纺织品进出口有限公司');
    const r = restoring(target, memorySettings().store);
    r.send(file.text, 'merge');
    r.port.receive({ type: 'restore', mode: 'replace' } satisfies RestoreRequest);
    expect(await r.answer()).toMatchObject({ type: 'done', report: { mode: 'merge' } });
    await settle(100);
    expect(r.port.sent).toHaveLength(1);
    // A replace would have dropped the book's own customer.
    expect(await namesIn(target.db)).toContain('上海大华纺织品进出口有限公司');
    expect(r.onChanged).toHaveBeenCalledTimes(1);
  });

  it('refuses a file larger than a backup can be, before anything is restored', async () => {
    const target = await book();
    await add(target.db, '上海大华纺织品进出口有限公司');
    const settings = memorySettings();
    const r = restoring(target, settings.store);
    const part = 'x'.repeat(PART_CHARS);
    const parts = Math.floor(MAX_BACKUP_CHARS / PART_CHARS);
    // Exactly the most a file may be: still heard.
    for (let i = 0; i < parts; i++) r.port.receive({ type: 'part', text: part });
    expect(r.port.sent).toEqual([]);
    r.port.receive({ type: 'part', text: 'x' });
    expect(r.port.sent).toEqual([{ type: 'failed', problem: { code: 'tooLarge' } }]);
    r.port.receive({ type: 'restore', mode: 'replace' });
    await settle(50);
    expect(r.port.sent).toHaveLength(1);
    expect(await namesIn(target.db)).toEqual(['上海大华纺织品进出口有限公司']);
    expect(r.onChanged).not.toHaveBeenCalled();
    expect(settings.written).toEqual([]);
  });

  it('refuses a message that does not check out, and hears nothing after it', async () => {
    const file = await backupFile({ [LOCALE_KEY]: 'en' });
    const target = await book();
    const settings = memorySettings();
    const r = restoring(target, settings.store);
    r.port.receive({ type: 'restore', mode: 'overwrite' });
    expect(r.port.sent).toEqual([{ type: 'failed', problem: { code: 'badMessage' } }]);
    r.send(file.text, 'merge');
    await settle(100);
    expect(r.port.sent).toHaveLength(1);
    expect(await namesIn(target.db)).toEqual([]);
    expect(r.onChanged).not.toHaveBeenCalled();
    expect(settings.written).toEqual([]);
  });

  it('says why a file that is not a backup was refused, and changes nothing', async () => {
    const target = await book();
    await add(target.db, '上海大华纺织品进出口有限公司');
    const settings = memorySettings();
    const r = restoring(target, settings.store);
    r.send('名称,税号\n宁波港湾物流有限公司,91330206MA2H3K5P7L\n', 'replace');
    expect(await r.answer()).toEqual({ type: 'failed', problem: { code: 'notJson' } });
    expect(await namesIn(target.db)).toEqual(['上海大华纺织品进出口有限公司']);
    expect(r.onChanged).not.toHaveBeenCalled();
    expect(settings.written).toEqual([]);
  });

  it('posts nothing to a page that has gone', async () => {
    const file = await backupFile({});
    const target = await book();
    const r = restoring(target, memorySettings().store);
    for (const part of textParts(file.text)) r.port.receive({ type: 'part', text: part });
    r.port.receive({ type: 'restore', mode: 'merge' });
    r.port.hangUp();
    await vi.waitFor(async () => expect(await namesIn(target.db)).toHaveLength(2));
    await settle(50);
    expect(r.port.refusedPosts).toBe(0);
    expect(r.port.sent).toEqual([]);
  });
});
