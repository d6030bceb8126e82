import { describe, expect, it } from 'vitest';
import { SAVE_DELAY_MS } from '../../../lib/background/book-index';
import { bookService, handlersFor } from '../../../lib/background/book-service';
import { createCustomer } from '../../../lib/db/customers';
import { bookStamp, readIndexSnapshot } from '../../../lib/db/index-cache';
import { vaultOn } from '../../../lib/db/sealed';
import { SAMPLE_CUSTOMERS } from '../../../lib/demo/samples';
import { fillValuesOf } from '../../../lib/fill/values-of';
import type { FillRequest } from '../../../lib/messaging/tab';
import { customerInput, freshBook } from '../../support/book';

// A tab whose frames have no buyer fields: no frame answers.
const noFrames = async () => undefined;
// No inline menu is open to hear broadcasts.
const nobody = async () => {};

describe('book handlers', () => {
  it('keeps the search index in step with create, update, delete and undo', async () => {
    const h = handlersFor(await freshBook(), noFrames, nobody);
    expect(await h['page:search']({ query: 'xiaomi', limit: 20 })).toEqual([]);

    const created = await h['page:create']({ input: customerInput() });
    if (!created.ok) throw new Error('create failed');
    expect((await h['page:search']({ query: 'bjxm', limit: 20 })).map((c) => c.id)).toEqual([created.value.id]);

    const renamed = await h['page:update']({
      id: created.value.id,
      revision: 1,
      input: customerInput({ name: '上海小米贸易有限公司' }),
    });
    expect(renamed.ok).toBe(true);
    expect(await h['page:search']({ query: 'bjxm', limit: 20 })).toEqual([]);
    expect((await h['page:search']({ query: 'shxm', limit: 20 })).map((c) => c.name)).toEqual(['上海小米贸易有限公司']);

    await h['page:delete']({ id: created.value.id, revision: 2 });
    expect(await h['page:search']({ query: 'xiaomi', limit: 20 })).toEqual([]);

    const history = await h['page:history']({ id: created.value.id });
    await h['page:undo']({ seq: history.at(-1)?.seq ?? -1 });
    expect((await h['page:search']({ query: 'xiaomi', limit: 20 })).map((c) => c.name)).toEqual([
      '上海小米贸易有限公司',
    ]);
  });

  it('loads the samples once and reports the rest as skipped', async () => {
    const h = handlersFor(await freshBook(), noFrames, nobody);
    expect(await h['page:loadSamples']({})).toEqual({ added: SAMPLE_CUSTOMERS.length, skipped: 0 });
    const again = await h['page:loadSamples']({});
    expect(again.added).toBe(2); // only the two natural persons have no tax ID to collide on
    expect((await h['page:stats']({})).customers).toBe(SAMPLE_CUSTOMERS.length + 2);
    expect(await h['page:recent']({ limit: 5 })).toHaveLength(5);
  });

  it('answers every message with the reason when the book cannot open', async () => {
    const h = bookService(Promise.reject(new Error('migration failed: disk full')), {
      tabs: noFrames,
      broadcast: nobody,
      settings: { read: async () => ({}), write: async () => undefined },
      onChanged: () => undefined,
    }).handlers;
    await expect(h['page:stats']({})).rejects.toThrow('disk full');
    await expect(h['page:search']({ query: 'x', limit: 1 })).rejects.toThrow('disk full');
  });

  it("sends a tab only the chosen customer's fill values, counts the use and reports the frame's answer", async () => {
    const sent: FillRequest[] = [];
    const tab = async (_tabId: number, request: FillRequest) => {
      sent.push(request);
      return { url: 'https://dppt.guangdong.chinatax.gov.cn:8443/invoice-makeout', results: [] };
    };
    const h = handlersFor(await freshBook(), tab, nobody);
    const created = await h['page:create']({ input: customerInput({ notes: '内部备注', email: 'fp@example.com' }) });
    if (!created.ok) throw new Error('create failed');
    const outcome = await h['page:fill']({ tabId: 7, id: created.value.id });
    expect(outcome.ok).toBe(true);
    expect(sent).toEqual([{ type: 'taitou:fill', values: fillValuesOf(created.value) }]);
    expect(JSON.stringify(sent)).not.toContain('内部备注');
    expect(await h['page:get']({ id: created.value.id })).toMatchObject({ useCount: 1, revision: 1 });
    expect(await h['page:recent']({ limit: 1 })).toMatchObject([{ id: created.value.id }]);
  });

  it('says so when no frame has buyer fields or the customer is gone', async () => {
    const h = handlersFor(await freshBook(), noFrames, nobody);
    const created = await h['page:create']({ input: customerInput() });
    if (!created.ok) throw new Error('create failed');
    expect(await h['page:fill']({ tabId: 1, id: created.value.id })).toEqual({ ok: false, reason: 'noFields' });
    expect(await h['page:fill']({ tabId: 1, id: 'nobody' })).toEqual({ ok: false, reason: 'notFound' });
  });
});

describe('warming up', () => {
  it('cs:warm has the worker read the book into its index, which it then saves for its next life (not while the lock is on)', async () => {
    const db = await freshBook();
    const created = await createCustomer(db, customerInput());
    if (!created.ok) throw new Error('create failed');
    await handlersFor(db, noFrames, nobody)['cs:warm']({}, { tabId: 1, frameId: 0 });
    const saved = async () => (await readIndexSnapshot(db, await bookStamp(db)))?.ids;
    if (vaultOn(db)) {
      // The sealed test project: the index holds names and tax IDs, so it is never saved in the clear.
      await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 500));
      expect(await saved()).toBeUndefined();
      return;
    }
    // Only a worker that has built its index saves it (SAVE_DELAY_MS after the build).
    await expect.poll(saved, { timeout: SAVE_DELAY_MS + 3000 }).toEqual([created.value.id]);
  });
});

describe('page:similar', () => {
  it('names the owner of the same tax ID and customers with the same company name in another legal form', async () => {
    const h = handlersFor(await freshBook(), noFrames, nobody);
    const xiaomi = await h['page:create']({ input: customerInput() });
    const shop = await h['page:create']({
      input: customerInput({ name: '北京小米科技股份有限公司', taxId: '91310000MA1FL8XQ30' }),
    });
    await h['page:create']({ input: customerInput({ name: '北京小米电子产品有限公司', taxId: '' }) });
    if (!xiaomi.ok || !shop.ok) throw new Error('create failed');

    const same = await h['page:similar']({ name: '北京小米科技有限公司', taxId: ' 91110000600037341l ' });
    expect(same.sameTaxId?.id).toBe(xiaomi.value.id);
    expect(same.similarName.map((c) => c.id)).toEqual([shop.value.id]);

    const fresh = await h['page:similar']({ name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7L' });
    expect(fresh).toEqual({ sameTaxId: null, similarName: [] });
  });

  it('keeps a head office, its branches and namesakes elsewhere apart: related, never the same customer', async () => {
    const h = handlersFor(await freshBook(), noFrames, nobody);
    const head = await h['page:create']({ input: customerInput() });
    const branch = await h['page:create']({
      input: customerInput({ name: '北京小米科技有限责任公司上海分公司', taxId: '91310115MA1K4KXQ58' }),
    });
    if (!head.ok || !branch.ok) throw new Error('create failed');

    const names = async (name: string, taxId = '') =>
      (await h['page:similar']({ name, taxId })).similarName.map((c) => c.name);
    // The branch is found by the search (its name holds the head office's) and set aside by the dedup score.
    expect(await names('北京小米科技有限责任公司')).toEqual(['北京小米科技有限责任公司']);
    expect(await names('北京小米科技有限责任公司武汉分公司', '91420100MA4KXQ5B2F')).toEqual([]);
    expect(await names('上海小米科技有限公司', '91310115MA1K4KXQ58')).toEqual([]);
    expect(await names('上海小米科技有限公司')).toEqual([]);
    // The same branch typed again is still reported.
    expect(await names('北京小米科技有限责任公司 上海分公司')).toEqual(['北京小米科技有限责任公司上海分公司']);
  });

  it('finds the same company written another way, and the owner of the tax ID whatever the name', async () => {
    const h = handlersFor(await freshBook(), noFrames, nobody);
    const bracketed = await h['page:create']({
      input: customerInput({ name: '小米科技（北京）有限公司', taxId: '91110108551385082Q' }),
    });
    if (!bracketed.ok) throw new Error('create failed');

    const ids = async (name: string, taxId = '') =>
      (await h['page:similar']({ name, taxId })).similarName.map((c) => c.id);
    expect(await ids('北京小米科技有限责任公司')).toEqual([bracketed.value.id]);
    expect(await ids('北京 小米科技 股份有限公司')).toEqual([bracketed.value.id]);
    expect(await ids('ＢＪ小米科技有限公司')).toEqual([]);
    // Another valid tax ID of the same province: the clerk should look before adding a second record.
    expect(await ids('北京小米科技有限责任公司', '91110000600037341L')).toEqual([bracketed.value.id]);

    const owner = await h['page:similar']({ name: '北京小米科技有限责任公司上海分公司', taxId: '91110108551385082Q' });
    expect(owner).toEqual({ sameTaxId: bracketed.value, similarName: [] });
  });
});
