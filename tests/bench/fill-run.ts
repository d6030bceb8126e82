// `npm run bench`, second part: the fill engine in Chromium on the demo portal's form, and on a 2,000-input page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../support/browser';
import { bundleScript } from '../support/bundle-script';
import { startPortalServer } from '../support/portal-server';
import type { benchFill, benchLargePage } from './fill.bench';

const OUT = resolve(import.meta.dirname, '../../test-results/bench-fill.json');
const TARGETS = { fillP95Ms: 100, focusCheckP95Ms: 5 };

const code = await bundleScript(resolve(import.meta.dirname, 'fill.bench.ts'), 'TaitouFillBench');
const portal = await startPortalServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${portal.url}dppt-blue-invoice.html#/blue-invoice-makeout`);
  await page.getByRole('button', { name: '立即开票' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.locator('.blue-invoice').waitFor();
  await page.getByRole('button', { name: '更多' }).click();
  await page.waitForTimeout(500); // the dialog's closing animation must not cover the form
  await page.evaluate(code);
  type Bench = { benchFill: typeof benchFill; benchLargePage: typeof benchLargePage };
  const fill = await page.evaluate(() =>
    (globalThis as unknown as { TaitouFillBench: Bench }).TaitouFillBench.benchFill(200),
  );
  const large = await page.evaluate(() =>
    (globalThis as unknown as { TaitouFillBench: Bench }).TaitouFillBench.benchLargePage(2000, 30),
  );
  const report = {
    fill,
    large,
    verdict: {
      fill: { target: TARGETS.fillP95Ms, p95: fill.fill.p95, pass: fill.fill.p95 <= TARGETS.fillP95Ms },
      focusCheck: {
        target: TARGETS.focusCheckP95Ms,
        p95: large.focusCheck.p95,
        pass: large.focusCheck.p95 <= TARGETS.focusCheckP95Ms,
      },
    },
  };
  const f = (s: { p50: number; p95: number; max: number }) =>
    `p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  max ${s.max.toFixed(2)} ms`;
  console.log(
    `\nfill of ${fill.fieldsPerFill} fields on the TDesign form (${fill.verified} verified): ${f(fill.fill)}`,
  );
  console.log(`2,000-input page, finding the buyer fields: ${f(large.collect)}`);
  console.log(`2,000-input page, focus check per field:   ${f(large.focusCheck)}`);
  console.log(`fill p95 ≤ ${TARGETS.fillP95Ms} ms: ${report.verdict.fill.pass ? 'PASS' : 'FAIL'}`);
  console.log(`focus check p95 ≤ ${TARGETS.focusCheckP95Ms} ms: ${report.verdict.focusCheck.pass ? 'PASS' : 'FAIL'}`);
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report));
} finally {
  await browser.close();
  await portal.close();
}
