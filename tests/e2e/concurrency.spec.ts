import type { Frame, Page } from '@playwright/test';
import type { AuditEntry } from '../../lib/db/schema';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { Customer } from '../../lib/domain/customer';
import { editableOf } from '../../lib/domain/edit';
import type { ExtensionBrowser } from '../support/browser';
import { fillActiveTab, openInvoiceForm, popupWithSamples } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { sendFrom, storedCustomer, storeRecords } from '../support/raw-book';
import { expect, test } from './fixtures';

// The popup, the manager in two tabs and the capture prompt all write the same customer: each write lands whole or is
// refused as a conflict that shows the customer as it is now and keeps what the clerk typed; none is lost. The plain
// two-tab conflict (and 放弃我的修改) is in manager.spec.ts.

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

const NAME = '杭州西湖龙井茶业有限公司';
const SAMPLE = SAMPLE_CUSTOMERS.find((c) => c.name === NAME) as (typeof SAMPLE_CUSTOMERS)[number];

async function openManager(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  return page;
}

/** Filters the table down to the customer and opens it in the editor; returns the editor. */
async function openCustomer(page: Page, name = NAME) {
  await page.getByRole('searchbox', { name: /筛选/ }).fill(name);
  await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name, exact: true }).click();
  const editor = page.getByRole('complementary', { name: `编辑 ${name}` });
  await expect(editor).toBeVisible();
  return editor;
}

const captureUrl = (extension: ExtensionBrowser) => extension.url('capture.html');
async function captureFrame(page: Page, extension: ExtensionBrowser): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === captureUrl(extension))).toBe(true);
  return page.frames().find((f) => f.url() === captureUrl(extension)) as Frame;
}

/** Issues the invoice on the portal with the sample's name and tax ID and this address: the prompt offers an update. */
async function issueWithAddress(page: Page, address: string) {
  await page.getByPlaceholder('请输入名称').fill(NAME);
  await page.getByPlaceholder('请输入统一社会信用代码/纳税人识别号').fill(SAMPLE.taxId ?? '');
  await page.getByPlaceholder('请输入购买方地址').fill(address);
  await page.getByRole('button', { name: '发票开具' }).click();
}

async function customerId(page: Page): Promise<string> {
  const all = await storeRecords<Customer>(page, 'customers');
  return (all.find((c) => c.name === NAME) as Customer).id;
}

/**
 * The audit log tells one story: each entry starts from the record the entry before it left (uses aside, which are
 * not audited), one revision up each time, and the last one left the record as stored now.
 */
function expectOneStory(audit: AuditEntry[], record: Customer) {
  for (const [i, entry] of audit.entries()) {
    const previous = audit[i - 1];
    if (!previous) continue;
    expect(entry.before?.revision, `entry ${i} starts where entry ${i - 1} ended`).toBe(previous.after?.revision);
    expect(editableOf(entry.before as Customer)).toEqual(editableOf(previous.after as Customer));
    expect(entry.after?.revision).toBe((entry.before?.revision ?? 0) + 1);
  }
  const last = audit.at(-1)?.after as Customer;
  expect(editableOf(last)).toEqual(editableOf(record));
  expect(last.revision).toBe(record.revision);
}

test('two manager tabs, the capture prompt, a fill and a bulk tag on one customer: every change lands or is refused in view, none lost', async ({
  extension,
}) => {
  test.setTimeout(60_000);
  const popup = await popupWithSamples(extension);
  const [a, b] = [await openManager(extension), await openManager(extension)];
  const [editorA, editorB] = [await openCustomer(a), await openCustomer(b)];
  const id = await customerId(a);
  const newAddress = '杭州市西湖区梅灵北路9号';

  // The prompt opens on the customer as it was (revision 1)…
  const page = await openInvoiceForm(extension, portal.url);
  await issueWithAddress(page, newAddress);
  const prompt = await captureFrame(page, extension);
  await expect(prompt.locator('dt')).toHaveText(['地址']);

  // …then tab A saves its notes.
  await a.bringToFront();
  await editorA.getByLabel('内部备注').fill('A：只开专票');
  await editorA.getByRole('button', { name: '保存' }).click();
  await expect(a.getByRole('status')).toHaveText(`已保存：${NAME}`);

  // The prompt's update met A's save: refused, with the address the book has now beside the one typed; again, it lands.
  await page.bringToFront();
  await prompt.getByRole('button', { name: '更新' }).click();
  await expect(prompt.locator('.notice')).toHaveText(
    '这个客户刚在别处被修改。划线的是客户簿现在的信息；仍要更新，请再点“更新”',
  );
  await expect(prompt.locator('dt')).toHaveText(['地址']);
  await expect(prompt.locator('dd')).toHaveText([newAddress, SAMPLE.entries[0]?.address ?? '']);
  await expect(prompt.locator('dd del')).toHaveText(SAMPLE.entries[0]?.address ?? '');
  await prompt.getByRole('button', { name: '更新' }).click();
  await expect.poll(() => page.frames().some((f) => f.url() === captureUrl(extension))).toBe(false);

  // A fill from the popup counts a use.
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hzxhlj');
  await expect(popup.getByRole('option').first()).toContainText(NAME);
  await fillActiveTab(popup, page);
  await expect(popup.getByRole('status')).toContainText('已填入');

  // Tab B tags it in bulk, its editor still on revision 1.
  await b.bringToFront();
  await b.getByRole('checkbox', { name: `选择 ${NAME}` }).check();
  b.once('dialog', (dialog) => dialog.accept('华东'));
  await b.getByRole('region', { name: '批量操作' }).getByRole('button', { name: '加标签' }).click();
  await expect(b.getByRole('status')).toContainText('已修改 1 个客户');

  // B's edit is refused: the alert names what changed elsewhere with its value now, and the phone B typed stays.
  await editorB.getByLabel('电话').fill('0571-86660000');
  await editorB.getByRole('button', { name: '保存' }).click();
  const alertB = b.getByRole('alert');
  await expect(alertB).toContainText('已在别处被修改');
  const changedB = alertB.locator('.changed-elsewhere');
  await expect(changedB.locator('dt')).toHaveText(['标签', '内部备注', '地址']);
  await expect(changedB.locator('dd')).toHaveText(['长期客户，月结，华东', 'A：只开专票', newAddress]);
  await expect(changedB.locator('.clash')).toHaveCount(0);
  await expect(editorB.getByLabel('电话')).toHaveValue('0571-86660000');
  // Keeping B's edit keeps everything changed elsewhere too.
  await alertB.getByRole('button', { name: '保存我的修改（别处的其他修改保留）' }).click();
  await expect(b.getByRole('status')).toHaveText(`已保存：${NAME}`);
  await expect(editorB.getByLabel('地址')).toHaveValue(newAddress);
  await expect(editorB.getByLabel('内部备注')).toHaveValue('A：只开专票');

  // A, still on revision 2, changes the contact and the phone B changed: that one is marked as a clash.
  await a.bringToFront();
  await editorA.getByLabel('联系人').fill('钱经理');
  await editorA.getByLabel('电话').fill('0571-86661111');
  await editorA.getByRole('button', { name: '保存' }).click();
  const changedA = a.getByRole('alert').locator('.changed-elsewhere');
  await expect(changedA.locator('dt')).toHaveText(['标签', '地址', '电话']);
  await expect(changedA.locator('.clash dt')).toHaveText(['电话']);
  await expect(editorA.getByLabel('联系人')).toHaveValue('钱经理');
  // A drops the phone it typed (B's stays) and keeps its contact.
  await editorA.getByLabel('电话').fill('0571-86660000');
  await a.getByRole('alert').getByRole('button', { name: '保存我的修改（别处的其他修改保留）' }).click();
  await expect(a.getByRole('status')).toHaveText(`已保存：${NAME}`);

  // Field by field, the book holds every accepted change; the audit log has one entry for each, in one story.
  const { record, audit } = await storedCustomer<Customer, AuditEntry>(a, id);
  const stored = record as Customer;
  expect(stored.notes).toBe('A：只开专票');
  expect(stored.entries[0]?.address).toBe(newAddress);
  expect(stored.entries[0]?.phone).toBe('0571-86660000');
  expect(stored.entries[0]?.bankAccount).toBe(SAMPLE.entries[0]?.bankAccount);
  expect(stored.contact).toBe('钱经理');
  expect(stored.tags).toEqual(['长期客户', '月结', '华东']);
  expect(stored.useCount).toBe(1);
  expect(stored.lastUsedAt).not.toBeNull();
  expect(stored.revision).toBe(6);
  expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'update', 'update', 'update', 'update']);
  expectOneStory(audit, stored);
});

/** Runs in the capture prompt (an extension page in the portal's tab): that tab's id. */
const tabOfFrame = async () => {
  const tabs = (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id?: number } | undefined> } } })
    .chrome.tabs;
  return (await tabs.getCurrent())?.id ?? -1;
};

interface Outcome {
  ok: boolean;
  error?: { code: string; current?: Customer | null };
}

test('concurrent writes from two pages, round after round: exactly the accepted ones land, and the log agrees', async ({
  extension,
}) => {
  test.setTimeout(90_000);
  await (await popupWithSamples(extension)).close();
  const [a, b] = [await openManager(extension), await openManager(extension)];
  const id = await customerId(a);
  const page = await openInvoiceForm(extension, portal.url);
  let tabId = -1;
  const ROUNDS = 10;
  const tally = { update: 0, capture: 0, conflicts: 0 };

  for (let round = 1; round <= ROUNDS; round++) {
    const address = `杭州市西湖区龙井路${100 + round}号`;
    await issueWithAddress(page, address);
    const prompt = await captureFrame(page, extension);
    await expect(prompt.locator('dd')).toHaveText([address]);
    if (tabId < 0) tabId = await prompt.evaluate(tabOfFrame);

    const before = await storedCustomer<Customer, AuditEntry>(a, id);
    const start = before.record as Customer;
    const edit = (patch: Partial<Customer>) => ({ ...editableOf(start), ...patch });
    // All five at once, from two pages, in an order that changes from round to round.
    const writes = [
      () => sendFrom<Outcome>(a, 'page:update', { id, revision: start.revision, input: edit({ notes: `A${round}` }) }),
      () =>
        sendFrom<Outcome>(b, 'page:update', { id, revision: start.revision, input: edit({ contact: `B${round}` }) }),
      () => sendFrom<Outcome>(a, 'page:saveCapture', { tabId }),
      () => sendFrom<{ changed: string[] }>(b, 'page:bulk', { ids: [id], action: { kind: 'tag', tag: `R${round}` } }),
      () => sendFrom<{ ok: boolean }>(round % 2 ? a : b, 'page:fill', { tabId, id }),
    ];
    const order = writes.map((_, i) => (i + round) % writes.length);
    const results = await Promise.all(order.map((i) => (writes[i] as () => Promise<unknown>)()));
    const [updateA, updateB, capture, bulk, fill] = writes.map((_, i) => results[order.indexOf(i)]) as [
      Outcome,
      Outcome,
      Outcome,
      { changed: string[] },
      { ok: boolean },
    ];

    const after = await storedCustomer<Customer, AuditEntry>(a, id);
    const now = after.record as Customer;
    const guarded = [updateA, updateB, capture];
    // All three started from the same revision: at most one can land, the others are conflicts naming a later one.
    expect(guarded.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
    for (const refused of guarded.filter((r) => !r.ok)) {
      expect(refused.error?.code).toBe('conflict');
      expect(refused.error?.current?.revision).toBeGreaterThan(start.revision);
    }
    expect(now.notes === `A${round}`).toBe(updateA.ok);
    expect(now.contact === `B${round}`).toBe(updateB.ok);
    expect(now.entries[0]?.address === address).toBe(capture.ok);
    expect(bulk.changed).toEqual([id]);
    expect(now.tags).toContain(`R${round}`);
    expect(fill.ok).toBe(true);
    expect(now.useCount).toBe(start.useCount + 1);
    // Every change kept from earlier rounds is still there.
    expect(now.tags.filter((t) => t.startsWith('R'))).toHaveLength(round);
    const landed = guarded.filter((r) => r.ok).length + 1;
    expect(now.revision).toBe(start.revision + landed);
    const added = after.audit.slice(before.audit.length);
    expect(added).toHaveLength(landed);
    expectOneStory(after.audit, now);

    tally.update += Number(updateA.ok) + Number(updateB.ok);
    tally.capture += Number(capture.ok);
    tally.conflicts += guarded.filter((r) => !r.ok).length;
    // A refused capture is offered again against the customer as it is now; nothing is left pending for the next round.
    if (!capture.ok) await sendFrom(a, 'page:dismissCapture', { tabId });
  }
  // The rounds raced for real: writes were refused, and each kind of guarded write also won some.
  expect(tally.conflicts).toBeGreaterThanOrEqual(ROUNDS);
  expect(tally.update + tally.capture).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'tally', description: JSON.stringify(tally) });
});

test('the popup’s 撤销 after a quick add takes back only its own save, never an edit made in the manager since', async ({
  extension,
}) => {
  const popup = await popupWithSamples(extension);
  await popup.keyboard.press('Alt+N');
  await popup.getByLabel('名称', { exact: true }).fill('宁波港湾物流有限公司');
  await popup.getByLabel('纳税人识别号').fill('91330206MA2H3K5P7T');
  await popup.getByRole('button', { name: '保存' }).click();
  await expect(popup.getByRole('status')).toContainText('已保存：宁波港湾物流有限公司');

  const manager = await openManager(extension);
  const editor = await openCustomer(manager, '宁波港湾物流有限公司');
  await editor.getByLabel('内部备注').fill('王会计核过，月结');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(manager.getByRole('status')).toHaveText('已保存：宁波港湾物流有限公司');

  await popup.bringToFront();
  await popup.getByRole('button', { name: '撤销' }).click();
  await expect(popup.getByRole('status')).toHaveText('无法撤销：之后又有修改');
  const all = await storeRecords<Customer>(manager, 'customers');
  expect(all.find((c) => c.name === '宁波港湾物流有限公司')?.notes).toBe('王会计核过，月结');
});

test('undoing an edit keeps the fills counted since (uses are not edits)', async ({ extension }) => {
  const popup = await popupWithSamples(extension);
  const manager = await openManager(extension);
  const editor = await openCustomer(manager);
  await editor.getByLabel('内部备注').fill('只开专票');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(manager.getByRole('status')).toHaveText(`已保存：${NAME}`);

  const page = await openInvoiceForm(extension, portal.url);
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hzxhlj');
  await expect(popup.getByRole('option').first()).toContainText(NAME);
  await fillActiveTab(popup, page);
  await expect(popup.getByRole('status')).toContainText('已填入');

  await manager.bringToFront();
  await editor.getByRole('listitem').filter({ hasText: '修改' }).getByRole('button', { name: '撤销' }).click();
  await expect(manager.getByRole('status')).toHaveText('已撤销');
  const { record } = await storedCustomer<Customer>(manager, await customerId(manager));
  expect(record?.notes).toBe('');
  expect(record?.useCount).toBe(1);
  expect(record?.lastUsedAt).not.toBeNull();
});
