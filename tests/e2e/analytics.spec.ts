import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { chinaDay } from '../../lib/domain/credit';
import type { ExtensionBrowser } from '../support/browser';
import { generateCustomers } from '../support/generate';
import { generateInvoices } from '../support/generate-invoices';
import { uscc } from '../support/import-files';
import { BASIC_HEADERS, DETAILED_HEADERS, invoiceWorkbook, SELLER } from '../support/invoice-export';
import { expect, test } from './fixtures';

// The analytics page over an invoice history imported as the clerk imports it: the platform's invoice query export.
// Every expected figure is worked out here from the rows this test writes.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY_MS = 86_400_000;

/** The worker's day: China's, from the same clock. */
const TODAY = chinaDay(Date.now());
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
/** Fen as yuan with two decimals, written out here rather than taken from the page's own formatter. */
const asYuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

interface Row {
  buyer: readonly [string, string];
  day: string;
  /** 金额 and 税额 in fen; 价税合计 is their sum. */
  amount: number;
  tax: number;
  voided?: boolean;
}

const JIA = [uscc('91110108MA01AAAA1'), '北京甲方科技有限公司'] as const;
const YI = [uscc('91310115MA1BBBB22'), '上海乙方贸易有限公司'] as const;
const BING = [uscc('91440300MA5CCCC33'), '深圳丙方电子有限公司'] as const;
const DING = [uscc('91330106MA2DDDD44'), '杭州丁方网络有限公司'] as const;
const WU = [uscc('91320505MA1EEEE55'), '苏州戊方机械有限公司'] as const;
const JI = [uscc('91510100MA6FFFF66'), '成都己方餐饮有限公司'] as const;

/**
 * 甲 buys most, most often and most lately (less a red invoice); 乙 next (and one voided invoice); 丙 stopped seven
 * months ago; the rest now and then. With six customers scored, the top two of each of R, F and M score 4 or 5:
 * 甲 and 乙 are 重要价值, the segment suggested for VIP.
 */
const ROWS: Row[] = [
  ...[2, 20, 45, 70, 100].map((d, i) => ({
    buyer: JIA,
    day: daysAgo(d),
    amount: 2_000_000 + i * 10_000,
    tax: 260_000,
  })),
  { buyer: JIA, day: daysAgo(15), amount: -500_000, tax: -65_000 },
  ...[5, 30, 60, 90].map((d) => ({ buyer: YI, day: daysAgo(d), amount: 1_000_000, tax: 130_000 })),
  { buyer: YI, day: daysAgo(8), amount: 8_000_000, tax: 1_040_000, voided: true },
  ...[210, 240, 300].map((d) => ({ buyer: BING, day: daysAgo(d), amount: 300_000, tax: 39_000 })),
  { buyer: DING, day: daysAgo(10), amount: 50_000, tax: 6_500 },
  { buyer: DING, day: daysAgo(400), amount: 40_000, tax: 5_200 },
  { buyer: WU, day: daysAgo(120), amount: 30_000, tax: 3_900 },
  { buyer: JI, day: daysAgo(550), amount: 10_000, tax: 600 },
];

const total = (r: Row) => r.amount + r.tax;
const counted = ROWS.filter((r) => !r.voided);
const isRed = (r: Row) => total(r) < 0;

/** The rows as the platform's basic export writes them (yuan, a title and a note above the header). */
function exportRows(rows: readonly Row[]): unknown[][] {
  const [sellerId, sellerName] = SELLER;
  return [
    ['全量发票查询'],
    [`开票日期：${daysAgo(600)} 至 ${TODAY}`],
    [...BASIC_HEADERS],
    ...rows.map((r, i) => [
      i + 1,
      '',
      '',
      `2544200000${String(i + 1).padStart(10, '0')}`,
      sellerId,
      sellerName,
      r.buyer[0],
      r.buyer[1],
      `${r.day} 10:00:00`,
      r.amount / 100,
      r.tax / 100,
      total(r) / 100,
      '电子发票服务平台',
      '数电发票（增值税专用发票）',
      r.voided ? '已作废' : '正常',
      isRed(r) ? '否' : '是',
      '正常',
      '王会计',
      '',
    ]),
  ];
}

async function importExport(extension: ExtensionBrowser, sheets: Record<string, unknown[][]>): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '全量发票查询导出.xlsx',
    mimeType: XLSX,
    buffer: Buffer.from(invoiceWorkbook(sheets)),
  });
  await page.getByRole('button', { name: /^导入 \d+ 张发票$/ }).click({ timeout: 150_000 });
  await expect(page.getByRole('status').first()).toContainText('发票已导入');
  await page.getByRole('button', { name: '完成' }).click();
  return page;
}

async function openAnalytics(page: Page) {
  await page.getByRole('button', { name: '分析', exact: true }).click();
  await expect(page.getByRole('heading', { name: '客户分析' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: '正在计算' })).toHaveCount(0);
}

async function text(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The tier of each customer, by name, as IndexedDB holds it. */
function tiers(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((done, fail) => {
        const open = indexedDB.open('taitou');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('customers').objectStore('customers').getAll();
          all.onsuccess = () => {
            open.result.close();
            done(Object.fromEntries(all.result.map((c) => [c.name, c.tier])));
          };
        };
      }),
  );
}

/** Every month from the oldest row's to today's, with its purchases, red and voided invoices and net total. */
function expectedMonths(): string[][] {
  const first = ROWS.map((r) => r.day.slice(0, 7)).sort()[0] as string;
  const months: string[] = [];
  for (let [y, m] = first.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= TODAY; ) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months.map((month) => {
    const of = ROWS.filter((r) => r.day.startsWith(month));
    const live = of.filter((r) => !r.voided);
    return [
      month,
      String(live.filter((r) => !isRed(r)).length),
      String(live.filter(isRed).length),
      String(of.filter((r) => r.voided).length),
      asYuan(live.reduce((sum, r) => sum + total(r), 0)),
    ];
  });
}

test('the figures of an imported export: totals with red subtracting and voided left out, a chart’s table, CSV, VIP with undo', async ({
  extension,
}) => {
  const page = await importExport(extension, { 发票基础信息: exportRows(ROWS) });
  await openAnalytics(page);

  const bookTotal = counted.reduce((sum, r) => sum + total(r), 0);
  await expect(page.locator('dd[data-figure="total"]')).toHaveText(asYuan(bookTotal));
  await expect(page.locator('dd[data-figure="invoices"]')).toHaveText(String(counted.filter((r) => !isRed(r)).length));
  await expect(page.locator('dd[data-figure="redInvoices"]')).toHaveText('1');
  await expect(page.locator('dd[data-figure="voidedInvoices"]')).toHaveText('1');
  await expect(page.locator('dd[data-figure="buyers"]')).toHaveText('6');

  // Per customer: 甲's net total (its red invoice subtracts) and purchases; 乙's voided invoice counts for nothing.
  const customers = page.getByRole('table', { name: '每个客户的开票情况' });
  const jia = ROWS.filter((r) => r.buyer === JIA);
  const jiaRow = customers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: JIA[1] }) });
  await expect(jiaRow.getByRole('cell').nth(0)).toHaveText('1');
  await expect(jiaRow.getByRole('cell').nth(1)).toHaveText(String(jia.filter((r) => !isRed(r)).length));
  await expect(jiaRow.getByRole('cell').nth(2)).toHaveText(asYuan(jia.reduce((s, r) => s + total(r), 0)));
  await expect(jiaRow.getByRole('img')).toHaveAttribute('aria-label', /^近 12 个月：最高/);
  const yiRow = customers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: YI[1] }) });
  await expect(yiRow.getByRole('cell').nth(2)).toHaveText(asYuan(4 * 1_130_000));

  // The monthly chart: one image with its summary, and its numbers as a table behind 显示数据.
  const chart = page.getByRole('figure', { name: '月度开票金额' });
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', new RegExp(`合计 ${asYuan(bookTotal)} 元`));
  await chart.getByRole('button', { name: '显示数据' }).click();
  const table = chart.getByRole('table', { name: '月度开票金额' });
  const cells = await table
    .getByRole('row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
  expect(cells).toEqual([['月份', '开票次数', '红字发票', '作废发票', '合计金额（元）'], ...expectedMonths()]);
  await expect(chart.getByRole('button', { name: '隐藏数据' })).toHaveAttribute('aria-expanded', 'true');

  // The same figures as CSV, as Excel reads it.
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 CSV：月度开票金额' }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe(`客户分析-月度-${TODAY}.csv`);
  expect(await text(download)).toBe(
    `\uFEFF${[['月份', '开票次数', '红字发票', '作废发票', '合计金额（元）'], ...expectedMonths()].map((r) => r.join(',')).join('\r\n')}\r\n`,
  );

  // Dormant for 6 months: 丙 (last bought 210 days ago), not 甲.
  const dormant = page.getByRole('table', { name: '沉睡客户' });
  await expect(dormant.getByRole('rowheader', { name: BING[1] })).toBeVisible();
  await expect(dormant.getByRole('rowheader', { name: JIA[1] })).toHaveCount(0);

  // VIP: 甲 and 乙 are suggested; one is made VIP through the bulk action, undone, then both.
  const vip = page.getByRole('region', { name: '建议设为 VIP' });
  await expect(vip.getByRole('listitem')).toHaveText([new RegExp(JIA[1]), new RegExp(YI[1])]);
  await vip.getByRole('button', { name: `把“${JIA[1]}”设为 VIP` }).click();
  await expect(page.getByRole('status').filter({ hasText: '已把 1 个客户设为 VIP' })).toBeVisible();
  expect((await tiers(page))[JIA[1]]).toBe('vip');
  await expect(vip.getByRole('listitem')).toHaveText([new RegExp(YI[1])]);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toBeVisible();
  expect((await tiers(page))[JIA[1]]).toBe('normal');
  await expect(vip.getByRole('listitem')).toHaveCount(2);
  await vip.getByRole('button', { name: '全部设为 VIP（2 个）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已把 2 个客户设为 VIP' })).toBeVisible();
  const after = await tiers(page);
  expect([after[JIA[1]], after[YI[1]], after[BING[1]]]).toEqual(['vip', 'vip', 'normal']);
  await expect(vip).toContainText('没有需要建议的客户');
});

test('choosing how many months make a customer dormant asks the worker again', async ({ extension }) => {
  const page = await importExport(extension, { 发票基础信息: exportRows(ROWS) });
  await openAnalytics(page);
  const dormant = page.getByRole('table', { name: '沉睡客户' });
  await expect(dormant.getByRole('rowheader', { name: WU[1] })).toHaveCount(0);
  // 戊 last bought 120 days ago: dormant at 3 months, not at 6.
  await page.getByRole('combobox', { name: '多久没有开票' }).selectOption('3');
  await expect(dormant.getByRole('rowheader', { name: WU[1] })).toBeVisible();
  await expect(dormant.getByRole('rowheader', { name: BING[1] })).toBeVisible();
});

test('an empty book says how to import the platform’s export', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await openAnalytics(page);
  await expect(page.getByText('还没有发票记录')).toBeVisible();
  await expect(page.getByText(/全量发票查询.*导入/)).toBeVisible();
  // English when switched (the switch is on the book's page).
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Analytics', exact: true }).click();
  await expect(page.getByText('No invoices yet')).toBeVisible();
});

/** A generated history as the platform exports it: the basic sheet, and the detailed one for invoices with items. */
function generatedExport(count: number): { sheets: Record<string, unknown[][]>; total: number } {
  const customers = generateCustomers(40, 11);
  const invoices = generateInvoices(customers, count, { seed: 11, until: TODAY, months: 24, itemShare: 0.6 });
  const [sellerId, sellerName] = SELLER;
  const head = (i: (typeof invoices)[number]) => [i.digitalNumber, sellerId, sellerName, i.buyerTaxId, i.buyerName];
  const tail = (i: (typeof invoices)[number]) => [
    '电子发票服务平台',
    i.kind,
    i.void ? '已作废' : '正常',
    i.red ? '否' : '是',
    '正常',
    '王会计',
    '',
  ];
  const basic = invoices.map((i, n) => [
    n + 1,
    '',
    '',
    ...head(i),
    `${i.issuedOn} 09:30:00`,
    i.amount / 100,
    i.tax / 100,
    i.total / 100,
    ...tail(i),
  ]);
  let n = 0;
  const detailed = invoices.flatMap((i) =>
    i.items.map((item) => [
      ++n,
      '',
      '',
      ...head(i),
      `${i.issuedOn} 09:30:00`,
      item.taxCode,
      '',
      item.name,
      '',
      '',
      '',
      '',
      item.amount / 100,
      item.taxRate,
      item.tax / 100,
      (item.amount + item.tax) / 100,
      ...tail(i),
    ]),
  );
  return {
    sheets: {
      发票基础信息: [['全量发票查询'], [...BASIC_HEADERS], ...basic],
      发票明细: [['发票明细'], [...DETAILED_HEADERS], ...detailed],
    },
    total: invoices.reduce((sum, i) => (i.void ? sum : sum + i.total), 0),
  };
}

test('a generated two-year history: every chart drawn, the total as exported; the README screenshot', async ({
  extension,
}) => {
  // A big workbook takes the import's preview a while on a busy machine.
  test.setTimeout(240_000);
  const { sheets, total: exported } = generatedExport(600);
  const page = await importExport(extension, sheets);
  await page.setViewportSize({ width: 1200, height: 1500 });
  await openAnalytics(page);
  await expect(page.locator('dd[data-figure="total"]')).toHaveText(asYuan(exported));
  for (const name of ['月度开票金额', '金额前 20 名客户', '按商品类别', 'RFM 客户分群']) {
    await expect(page.getByRole('figure', { name }).getByRole('img')).toBeVisible();
  }
  const shot = resolve(import.meta.dirname, '../../test-results/analytics.png');
  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
});
