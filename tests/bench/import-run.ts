// `npm run bench`, fourth part: importing 50,000 customers through the manager page, as a clerk does — the real file
// input, the preview, the commit — timed in the page itself. The floor is a raw IndexedDB put of the same records
// in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { utils, write } from '@e965/xlsx';
import type { Page } from '@playwright/test';
import type { Customer } from '../../lib/domain/customer';
import { launchWithExtension } from '../support/browser';
import { bundleScript } from '../support/bundle-script';
import { generateCustomers } from '../support/generate';
import { gbkCsv } from '../support/import-files';
import type { importedRecords, rawPut } from './import.bench';

const COUNT = Number(process.env.BENCH_IMPORT_COUNT ?? 50_000);
const TARGETS = { preview: 3000, commit: 6000, ratio: 1.5, csv: 4000 };
const OUT = resolve(import.meta.dirname, '../../test-results/bench-import.json');
const HEADER = ['客户名称', '统一社会信用代码/纳税人识别号', '地址', '电话', '开户行名称', '银行账号'];

const customers = generateCustomers(COUNT, 21);
const line = (c: Customer) => {
  const e = c.entries.find((x) => x.id === c.defaultEntryId) ?? c.entries[0];
  return [c.name, c.taxId, e?.address ?? '', e?.phone ?? '', e?.bankName ?? '', e?.bankAccount ?? ''];
};
const sheet = utils.aoa_to_sheet([['客户信息表'], HEADER, ...customers.map(line)]);
const book = utils.book_new();
utils.book_append_sheet(book, sheet, '客户');
const xlsx = write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
const csv = gbkCsv([HEADER, ...customers.map(line)]);

/**
 * Marks, in the page's own clock: the file chosen, the preview painted, the commit clicked, the import done. A string,
 * so that the bundler's helpers do not follow the code into the page.
 */
const WATCH = `(() => {
  const w = window;
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { w[key] ??= performance.now(); }));
  document.addEventListener('change', (e) => { if (e.target.type === 'file') w.chosen = performance.now(); }, true);
  document.addEventListener('click', (e) => {
    if (e.target.closest('.actions .primary') && !w.clicked) w.clicked = performance.now();
  }, true);
  new MutationObserver(() => {
    if (!w.preview && document.querySelector('.preview-rows [role=status]')) painted('preview');
    if (!w.done && document.querySelector('.done [role=status]')) painted('done');
  }).observe(document.body, { subtree: true, childList: true });
})()`;

async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.evaluate(WATCH);
  await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({ name, mimeType, buffer });
  await page.locator('.preview-rows [role=status]').waitFor({ timeout: 120_000 });
  await page.locator('.actions .primary').click();
  await page.locator('.done [role=status]').waitFor({ timeout: 300_000 });
  await page.waitForTimeout(200);
  const marks = (await page.evaluate('({ chosen, preview, clicked, done })')) as Record<string, number>;
  const at = (k: string) => Number(marks[k]);
  return {
    preview: at('preview') - at('chosen'),
    commit: at('done') - at('clicked'),
    total: at('done') - at('chosen'),
  };
}

const code = await bundleScript(resolve(import.meta.dirname, 'import.bench.ts'), 'TaitouImportBench');
const browser = await launchWithExtension();
type Bench = { importedRecords: typeof importedRecords; rawPut: typeof rawPut };
try {
  const page = await browser.context.newPage();
  await page.goto(browser.url('manager.html'));
  const x = await importFile(
    page,
    'customers.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xlsx,
  );
  await page.evaluate(code);
  const floor = await page.evaluate(async () => {
    const bench = (globalThis as unknown as { TaitouImportBench: Bench }).TaitouImportBench;
    const records = await bench.importedRecords();
    return { count: records.length, ms: await bench.rawPut(records) };
  });
  // Generated data holds a few rows the import rightly skips (a repeated tax ID): nearly all must land.
  if (floor.count < COUNT * 0.99) throw new Error(`the import stored only ${floor.count} of ${COUNT} customers`);
  console.log(`xlsx: ${JSON.stringify(x)}; floor ${JSON.stringify(floor)}`);
  await page.close();

  // The CSV into a fresh book: a second browser, so that every row is new again.
  const second = await launchWithExtension();
  let c: Awaited<ReturnType<typeof importFile>>;
  try {
    const csvPage = await second.context.newPage();
    await csvPage.goto(second.url('manager.html'));
    c = await importFile(csvPage, 'customers.csv', 'text/csv', csv);
  } finally {
    await second.close();
  }

  const round = (n: number) => Math.round(n);
  const ratio = x.commit / floor.ms;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`import of ${COUNT} customers (headless Chromium, the manager page, the real file input)`);
  console.log(
    `  .xlsx ${Math.round(xlsx.length / 1024)} KB: parse + validate + preview ${round(x.preview)} ms (target ≤ ${TARGETS.preview}): ${verdict(x.preview <= TARGETS.preview)}`,
  );
  console.log(`  commit ${round(x.commit)} ms (target ≤ ${TARGETS.commit}): ${verdict(x.commit <= TARGETS.commit)}`);
  console.log(
    `  raw IndexedDB put of the same ${floor.count} records (floor) ${round(floor.ms)} ms; commit ÷ floor ${ratio.toFixed(2)}× (target ≤ ${TARGETS.ratio}×): ${verdict(ratio <= TARGETS.ratio)}`,
  );
  console.log(
    `  GBK .csv ${Math.round(csv.length / 1024)} KB end to end ${round(c.total)} ms (preview ${round(c.preview)}, commit ${round(c.commit)}; target ≤ ${TARGETS.csv}): ${verdict(c.total <= TARGETS.csv)}`,
  );
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(
    OUT,
    JSON.stringify({ count: COUNT, xlsx: x, floorMs: floor.ms, ratio, csv: c, targets: TARGETS }, null, 2),
  );
} finally {
  await browser.close();
}
