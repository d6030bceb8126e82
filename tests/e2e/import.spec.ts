import type { Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { ExtensionBrowser } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { generateCustomers } from '../support/generate';
import { customerWorkbook, gbkCsv, uscc } from '../support/import-files';
import { basicExport, invoiceWorkbook, XIAOMI } from '../support/invoice-export';
import { expect, test } from './fixtures';

interface Stored {
  id: string;
  name: string;
  taxId: string;
  source: string;
  contact: string;
  entry: { address: string; phone: string; bankName: string; bankAccount: string };
}

/** The book as IndexedDB holds it, read in the extension's own origin. */
function storedBook(page: Page): Promise<Stored[]> {
  return page.evaluate(
    () =>
      new Promise<Stored[]>((resolve, reject) => {
        const open = indexedDB.open('taitou');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('customers').objectStore('customers').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              all.result.map((c) => ({
                id: c.id,
                name: c.name,
                taxId: c.taxId,
                source: c.source,
                contact: c.contact,
                entry: c.entries.find((e: { id: string }) => e.id === c.defaultEntryId),
              })),
            );
          };
        };
      }),
  );
}

async function openImport(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByRole('heading', { name: '导入客户' })).toBeFocused();
  return page;
}

const choose = (page: Page, name: string, mimeType: string, buffer: Buffer) =>
  page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({ name, mimeType, buffer });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NINGBO = uscc('91330206MA2H3K5P7');
const YUNQI = uscc('91330106MA2B3C4D5');
const XINGHE = SAMPLE_CUSTOMERS[0];

test('an .xlsx with title rows: preview, a duplicate updated by choice, errors skipped, report and undo', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await openImport(extension);
  const before = await storedBook(page);
  const wrongCheck = `${NINGBO.slice(0, 17)}${NINGBO.endsWith('0') ? '1' : '0'}`;
  await choose(
    page,
    '客户资料.xlsx',
    XLSX,
    customerWorkbook([
      [
        '宁波港湾物流有限公司',
        NINGBO,
        '浙江省宁波市北仑区明州路88号',
        '0574-86881234',
        '中国银行宁波北仑支行',
        '370123456789012345',
        '',
      ],
      ['杭州云栖智能科技有限公司', YUNQI, '杭州市西湖区云栖小镇1号', '0571-88001234', '', '', '新客户'],
      [
        '上海明珠贸易有限公司',
        uscc('91310115MA1H2J3K4'),
        '上海市浦东新区张杨路500号',
        '021-58881234',
        '招商银行上海浦东支行',
        6222021234567890000,
      ],
      ['广州南方电子有限公司', wrongCheck, '', '', '', ''],
      [XINGHE?.name ?? '', XINGHE?.taxId ?? '', '北京市海淀区新地址1号', '', '', ''],
    ]),
  );
  // The sheet with customers is chosen, not the notes sheet before it; the header is found below the titles.
  await expect(page.getByRole('combobox', { name: '工作表' })).toHaveValue('1');
  await expect(page.getByRole('combobox', { name: '“统一社会信用代码/纳税人识别号”列导入为' })).toHaveValue('taxId');
  const preview = page.getByRole('region', { name: '导入预览' });
  await expect(preview.getByRole('status')).toHaveText('共 5 行：无误 3，有警告 0，有错误 2，疑似重复 1；将写入 2 行');
  const row = (n: number) =>
    preview.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
  await expect(row(6)).toContainText('末尾数字已丢失');
  await expect(row(7)).toContainText('错误');
  await expect(row(8)).toContainText('客户簿里已有这个税号');
  await preview.getByRole('combobox', { name: '客户簿里已有同一税号' }).selectOption('update');
  await expect(preview.getByRole('status')).toContainText('将写入 3 行');

  await page.getByRole('button', { name: '导入 3 行' }).click();
  await expect(page.getByRole('status').first()).toHaveText('导入完成：新增 2，更新 1，未变 0，跳过 2，被拒 0');
  const after = await storedBook(page);
  expect(after).toHaveLength(before.length + 2);
  const byName = new Map(after.map((c) => [c.name, c]));
  expect(byName.get('宁波港湾物流有限公司')).toMatchObject({
    taxId: NINGBO,
    source: 'import',
    entry: {
      address: '浙江省宁波市北仑区明州路88号',
      phone: '0574-86881234',
      bankName: '中国银行宁波北仑支行',
      bankAccount: '370123456789012345',
    },
  });
  expect(byName.get('杭州云栖智能科技有限公司')?.taxId).toBe(YUNQI);
  expect(byName.has('上海明珠贸易有限公司')).toBe(false);
  expect(byName.has('广州南方电子有限公司')).toBe(false);
  expect(byName.get(XINGHE?.name ?? '')?.entry).toMatchObject({
    address: '北京市海淀区新地址1号',
    bankAccount: '0200004509200123456',
  });

  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载导入报告' }).click();
  const report = await (await saved).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of report) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.startsWith('\uFEFF行号,名称,税号,结果,说明')).toBe(true);
  expect(text).toContain('6,上海明珠贸易有限公司');
  expect(text).toMatch(/8,北京星河数码科技有限公司,91110108MA01K7H205,已更新/);

  await page.getByRole('button', { name: '撤销这次导入' }).click();
  await expect(page.getByRole('status').first()).toHaveText('已撤销这次导入');
  expect((await storedBook(page)).map((c) => [c.id, c.entry.address]).sort()).toEqual(
    before.map((c) => [c.id, c.entry.address]).sort(),
  );
});

test('a customer the book has under another form of its name is flagged as similar, a branch is not', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await openImport(extension);
  const before = await storedBook(page);
  await choose(
    page,
    '新客户.xlsx',
    XLSX,
    customerWorkbook([
      ['（北京）星河数码科技有限责任公司', '', '北京市海淀区中关村大街1号', '', '', ''],
      ['北京星河数码科技有限公司武汉分公司', uscc('91420100MA4K5L6M7'), '', '', '', ''],
      ['宁波港湾物流有限责任公司', NINGBO, '', '', '', ''],
      ['宁波港湾物流有限公司', '', '', '', '', ''],
    ]),
  );
  const preview = page.getByRole('region', { name: '导入预览' });
  await expect(preview.getByRole('status')).toHaveText('共 4 行：无误 2，有警告 2，有错误 0，疑似重复 2；将写入 2 行');
  const row = (n: number) =>
    preview.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
  await expect(row(4)).toContainText('与客户簿里的“北京星河数码科技有限公司”相似');
  await expect(row(5)).not.toContainText('相似');
  await expect(row(7)).toContainText('与第 6 行“宁波港湾物流有限责任公司”相似');
  // Each kind of similar row has its own default; the clerk keeps the earlier row's twin as well.
  await preview.getByRole('combobox', { name: '文件里前面有相似的行' }).selectOption('keepBoth');
  await page.getByRole('button', { name: '导入 3 行' }).click();
  await expect(page.getByRole('status').first()).toHaveText('导入完成：新增 3，更新 0，未变 0，跳过 1，被拒 0');
  const added = (await storedBook(page)).filter((c) => !before.some((b) => b.id === c.id)).map((c) => c.name);
  expect(added.sort()).toEqual([
    '北京星河数码科技有限公司武汉分公司',
    '宁波港湾物流有限公司',
    '宁波港湾物流有限责任公司',
  ]);
});

test('a GBK .csv with combined columns: split on import, a column mapped by hand and remembered', async ({
  extension,
}) => {
  const page = await openImport(extension);
  const chengdu = uscc('91510100MA6C7D8E9');
  // The combined 地址、电话 and 开户行及账号 columns, and one the importer does not know: 经办人, the contact.
  const file = (rows: string[][]) =>
    gbkCsv([['购买方名称', '购买方纳税人识别号', '地址、电话', '开户行及账号', '经办人'], ...rows]);
  await choose(
    page,
    '客户.csv',
    'text/csv',
    file([
      [
        '成都天府软件园有限公司',
        chengdu,
        '成都市高新区天府大道中段1366号 028-85181234',
        '中国建设银行成都高新支行 51001234567890123456',
        '王1',
      ],
    ]),
  );
  const contact = page.getByRole('combobox', { name: '“经办人”列导入为' });
  await expect(contact).toHaveValue('');
  await contact.selectOption('contact');
  await page.getByRole('button', { name: '导入 1 行' }).click();
  await expect(page.getByRole('status').first()).toContainText('新增 1');
  expect(await storedBook(page)).toEqual([
    expect.objectContaining({
      name: '成都天府软件园有限公司',
      taxId: chengdu,
      contact: '王1',
      entry: expect.objectContaining({
        address: '成都市高新区天府大道中段1366号',
        phone: '028-85181234',
        bankName: '中国建设银行成都高新支行',
        bankAccount: '51001234567890123456',
      }),
    }),
  ]);

  // The same layout again: the hand-made mapping is remembered.
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await choose(
    page,
    '客户2.csv',
    'text/csv',
    file([['重庆山城餐饮管理有限公司', uscc('91500103MA5U6W7X8'), '', '', '李2']]),
  );
  await expect(page.getByRole('combobox', { name: '“经办人”列导入为' })).toHaveValue('contact');
});

test('a bad file is refused with its reason and writes nothing', async ({ extension }) => {
  const page = await openImport(extension);
  await choose(page, '客户.xlsx', XLSX, Buffer.from('PK\u0003\u0004 this zip was cut short'));
  await expect(page.getByRole('alert')).toContainText('损坏');
  await choose(page, '客户.csv', 'text/csv', Buffer.from('客户名称,税号\r\n'));
  await expect(page.getByRole('alert')).toContainText('只有表头');
  expect(await storedBook(page)).toEqual([]);
});

/** A CSV of many generated customers, big enough that writing it takes a while. */
function bigCsv(count: number): Buffer {
  const lines = generateCustomers(count, 11).map((c) => `${c.name},${c.taxId}`);
  return Buffer.from(`客户名称,税号\r\n${lines.join('\r\n')}\r\n`, 'utf8');
}

test('cancelling, or closing the page while the import is written, leaves the book exactly as it was', async ({
  extension,
}) => {
  test.setTimeout(120_000);
  await (await popupWithSamples(extension)).close();
  let page = await openImport(extension);
  const before = (await storedBook(page)).map((c) => c.id).sort();
  const file = bigCsv(30_000);

  await choose(page, 'big.csv', 'text/csv', file);
  await page.getByRole('button', { name: /^导入 [\d,]+ 行$/ }).click();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('status').first()).toHaveText('已取消导入，客户簿没有任何改变');
  expect((await storedBook(page)).map((c) => c.id).sort()).toEqual(before);

  // Cancelled while the book is being written: rolled back.
  await page.getByRole('button', { name: /^导入 [\d,]+ 行$/ }).click();
  await expect(page.getByText(/正在写入/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('status').first()).toHaveText('已取消导入，客户簿没有任何改变');
  expect((await storedBook(page)).map((c) => c.id).sort()).toEqual(before);

  await page.getByRole('button', { name: /^导入 [\d,]+ 行$/ }).click();
  await expect(page.getByText(/正在写入/)).toBeVisible({ timeout: 60_000 });
  page.on('dialog', (dialog) => dialog.accept());
  await page.close({ runBeforeUnload: true });

  page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  // A read waits for the import's read-write transaction, begun earlier, to end: this sees its outcome.
  expect((await storedBook(page)).map((c) => c.id).sort()).toEqual(before);
});

test('the platform invoice query export becomes invoice history, with unknown buyers as customers to verify, once', async ({
  extension,
}) => {
  const page = await openImport(extension);
  const file = Buffer.from(invoiceWorkbook({ 发票基础信息: basicExport() }));
  await choose(page, '全量发票查询导出.xlsx', XLSX, file);
  const preview = page.getByRole('region', { name: '导入预览' });
  await expect(preview.getByRole('status')).toContainText('张发票');
  await expect(preview).toContainText('末尾数字已丢失');
  const commit = page.getByRole('button', { name: /^导入 \d+ 张发票$/ });
  const count = Number((await commit.textContent())?.match(/\d+/)?.[0]);
  await commit.click();
  await expect(page.getByRole('status').first()).toContainText(`发票已导入：新增 ${count}`);
  const book = await storedBook(page);
  // Xiaomi is the one buyer with a tax ID (张三 is a natural person): one pending customer, however many invoices.
  expect(book.map((c) => [c.name, c.taxId, c.source])).toEqual([[XIAOMI[1], XIAOMI[0], 'import']]);

  // The same export again adds nothing.
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await choose(page, '全量发票查询导出.xlsx', XLSX, file);
  await page.getByRole('button', { name: /^导入 \d+ 张发票$/ }).click();
  await expect(page.getByRole('status').first()).toContainText(`新增 0，更新 0，未变 ${count}`);
  expect(await storedBook(page)).toHaveLength(1);
});
