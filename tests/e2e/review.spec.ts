import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

test('the review queue lists customers to verify with why; 今天已核实 takes one out, by keyboard, and undo puts it back', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await page.getByRole('button', { name: '待核实' }).click();
  await expect(page.getByRole('heading', { name: '待核实的客户' })).toBeFocused();

  const count = page.getByRole('status').filter({ hasText: /个客户需要核实/ });
  const before = Number((await count.textContent())?.match(/\d+/)?.[0]);
  expect(before).toBeGreaterThan(1);
  const items = page.getByRole('listitem');
  await expect(items).toHaveCount(before);
  await expect(items.first()).toContainText(/信息有误|专票信息不全|从未核实|上次核实/);
  // One that only waits for a check: verified, it leaves the queue (a wrong detail would keep it there).
  const onlyUnchecked = items.filter({ hasText: '从未核实' }).filter({ hasNotText: /信息有误|专票信息不全/ });
  const first = (await onlyUnchecked.first().locator('strong').textContent()) ?? '';
  // By the whole name: a branch's name holds its head office's (广州羊城智造电子有限公司深圳分公司).
  const firstItem = items.filter({ has: page.getByText(first, { exact: true }) });

  // Keyboard only: the first 今天已核实, then the focus stays in the list, on the customer that took its place.
  await page.getByRole('button', { name: `“${first}”今天已核实` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `已标为核实：${first}` })).toBeVisible();
  await expect(items).toHaveCount(before - 1);
  await expect(count).toHaveText(`共 ${before - 1} 个客户需要核实`);
  await expect(page.locator('button.verify:focus')).toHaveCount(1);
  await expect(firstItem).toHaveCount(0);

  await page.getByRole('button', { name: '撤销' }).click();
  await expect(count).toHaveText(`共 ${before} 个客户需要核实`);
  await expect(firstItem).toHaveCount(1);

  // Open takes the clerk to the customer's editor in the book.
  await page.getByRole('button', { name: `打开“${first}”` }).click();
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue(first);
});
