import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

// axe-core on the extension's own pages, in each state a clerk sees: nothing serious or critical.

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the popup: search results, and the quick-add form with findings', async ({ extension }) => {
  const popup = await popupWithSamples(extension);
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hz');
  await expect(popup.getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.keyboard.press('Alt+N');
  await popup.getByLabel('纳税人识别号').fill('91330206MA2H3K5P7X');
  await expect(popup.locator('#f-taxId-msg')).toBeVisible();
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the manager: the table, a selection and the editor', async ({ extension }) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(page.getByRole('row').nth(5)).toBeVisible();
  await page.getByRole('checkbox', { name: '全选' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('row').nth(2).getByRole('button').click();
  await expect(page.getByRole('complementary')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
