import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumPath } from '../support/browser';
import { bundleScript } from '../support/bundle-script';
import { EXPECTED, type Field, frameOf, openFixture, runFixtureStep } from '../support/expected-roles';
import { type PortalServer, startPortalServer } from '../support/portal-server';

// The labelled-field accuracy test: the fill engine's collect → classify → visibility, run in each fixture page's
// own frames, against the role expected-roles.json gives every control. A control counts as predicted when the
// engine would write into it. Fields in closed shadow roots are left out here: only the content script can open
// them (chrome.dom), a page-world probe cannot.

const REPORT = resolve(import.meta.dirname, '../../test-results/field-accuracy.json');

interface Tally {
  page: string;
  fields: number;
  expected: number;
  predicted: number;
  correct: number;
  mistakes: string[];
}

let server: PortalServer;
let browser: Browser;
let page: Page;
let probe: string;
const tallies: Tally[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  probe = await bundleScript(resolve(import.meta.dirname, '../support/fill-probe.ts'), 'TaitouProbe');
  server = await startPortalServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function predictedRoles(fields: Field[]): Promise<string[]> {
  const out: string[] = [];
  for (const field of fields) {
    const frame = await frameOf(page, field.frames);
    if (!(await frame.evaluate('typeof TaitouProbe !== "undefined"'))) await frame.evaluate(probe);
    const [role] = await frame.evaluate(
      (target) =>
        (globalThis as unknown as { TaitouProbe: { rolesOf(t: unknown[]): string[] } }).TaitouProbe.rolesOf([target]),
      { selector: field.selector, shadowHost: field.shadowHost },
    );
    out.push(role ?? 'none');
  }
  return out;
}

for (const portal of EXPECTED.pages) {
  test(`field roles on ${portal.page}`, async () => {
    await openFixture(page, server.url, portal);
    for (const step of portal.expand) await runFixtureStep(page, step);
    const fields = portal.fields.filter((f) => !f.closed);
    const predicted = await predictedRoles(fields);
    const tally: Tally = {
      page: portal.page,
      fields: fields.length,
      expected: 0,
      predicted: 0,
      correct: 0,
      mistakes: [],
    };
    fields.forEach((field, i) => {
      const got = predicted[i] ?? 'none';
      if (field.role !== 'none') tally.expected++;
      if (got !== 'none') tally.predicted++;
      if (got !== 'none' && got === field.role) tally.correct++;
      if (got !== field.role) tally.mistakes.push(`${field.label}: expected ${field.role}, got ${got}`);
    });
    tallies.push(tally);
    // Every page must at least avoid writing where it should not: the distractor has no buyer field at all.
    if (tally.expected === 0) expect(tally.predicted, tally.mistakes.join('\n')).toBe(0);
  });
}

test('precision ≥ 98% and recall ≥ 95% over all fixture pages', () => {
  const sum = (k: 'expected' | 'predicted' | 'correct') => tallies.reduce((n, t) => n + t[k], 0);
  const rows = tallies.map((t) => ({
    page: t.page,
    fields: t.fields,
    precision: t.predicted ? t.correct / t.predicted : 1,
    recall: t.expected ? t.correct / t.expected : 1,
    mistakes: t.mistakes,
  }));
  const precision = sum('predicted') ? sum('correct') / sum('predicted') : 1;
  const recall = sum('expected') ? sum('correct') / sum('expected') : 1;
  mkdirSync(resolve(REPORT, '..'), { recursive: true });
  writeFileSync(REPORT, JSON.stringify({ precision, recall, pages: rows }, null, 2));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(
    [
      'page                 fields  precision  recall',
      ...rows.map((r) => `${r.page.padEnd(20)} ${String(r.fields).padStart(6)}  ${pct(r.precision)}  ${pct(r.recall)}`),
      `${'all'.padEnd(20)} ${' '.repeat(6)}  ${pct(precision)}  ${pct(recall)}`,
    ].join('\n'),
  );
  expect(tallies).toHaveLength(EXPECTED.pages.length);
  expect(precision, rows.flatMap((r) => r.mistakes).join('\n')).toBeGreaterThanOrEqual(0.98);
  expect(recall, rows.flatMap((r) => r.mistakes).join('\n')).toBeGreaterThanOrEqual(0.95);
});
