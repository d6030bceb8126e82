import type { Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { ExtensionBrowser } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

const COUNT = SAMPLE_CUSTOMERS.length;

async function openManager(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  return page;
}

/** The sample customers in the manager, sorted by name; `names` in the table's order. */
async function samplesByName(extension: ExtensionBrowser) {
  await (await popupWithSamples(extension)).close();
  const page = await openManager(extension);
  await expect(page.locator('.count')).toHaveText(`显示 ${COUNT} / 共 ${COUNT} 个客户`);
  await page.getByRole('button', { name: '名称' }).click(); // ascending
  return { page, names: SAMPLE_CUSTOMERS.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'zh-CN')) };
}

const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

/** Filters the table down to one customer (the table only renders rows in view) and opens it in the editor. */
async function openCustomer(page: Page, name: string) {
  await page.getByRole('searchbox', { name: /筛选/ }).fill(name);
  await rowOf(page, name).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}

test('the manager lists the whole book, filters it, and bulk-deletes with undo', async ({ extension }) => {
  await (await popupWithSamples(extension)).close();
  const page = await openManager(extension);
  await expect(page.locator('.count')).toHaveText(`显示 ${COUNT} / 共 ${COUNT} 个客户`);

  await page.getByRole('searchbox', { name: /筛选/ }).fill('hzxhlj');
  await expect(page.locator('tbody tr:not(.spacer)')).toHaveCount(1);
  await expect(rowOf(page, '杭州西湖龙井茶业有限公司')).toBeVisible();
  await page.getByRole('searchbox', { name: /筛选/ }).fill('');

  await page.getByRole('checkbox', { name: '专票信息不全' }).check();
  const incomplete = SAMPLE_CUSTOMERS.filter((c) => c.kind !== 'naturalPerson').length;
  const shown = await page.locator('tbody tr:not(.spacer)').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(incomplete);
  await page.getByRole('checkbox', { name: '专票信息不全' }).uncheck();

  await page.getByRole('searchbox', { name: /筛选/ }).fill('杭州');
  await expect(page.locator('tbody tr:not(.spacer)')).toHaveCount(5);
  await page.getByRole('checkbox', { name: '选择 杭州西湖龙井茶业有限公司' }).check();
  await page.getByRole('checkbox', { name: '选择 杭州市西湖区小李水果店' }).check();
  await page.getByRole('region', { name: '批量操作' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('status')).toContainText('已删除 2 个客户');
  await expect(page.locator('.count')).toHaveText(`显示 3 / 共 ${COUNT - 2} 个客户`);
  await expect(rowOf(page, '杭州西湖龙井茶业有限公司')).toHaveCount(0);

  await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('status')).toHaveText('已撤销');
  await expect(page.locator('.count')).toHaveText(`显示 5 / 共 ${COUNT} 个客户`);
  // The book agrees: a fresh manager sees them too.
  const again = await openManager(extension);
  await again.getByRole('searchbox', { name: /筛选/ }).fill('小李水果');
  await expect(rowOf(again, '杭州市西湖区小李水果店')).toBeVisible();
});

test('an edit that meets a change from another tab is not saved over it, and nothing typed is lost', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const [first, second] = [await openManager(extension), await openManager(extension)];
  for (const page of [first, second]) await openCustomer(page, '杭州西湖龙井茶业有限公司');
  await first.getByLabel('地址').fill('杭州市西湖区梅灵北路9号');
  await first.getByRole('button', { name: '保存' }).click();
  await expect(first.getByRole('status')).toHaveText('已保存：杭州西湖龙井茶业有限公司');

  await second.getByLabel('电话').fill('0571-86660000');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(second.getByRole('alert')).toContainText('已在别处被修改');
  await expect(second.getByRole('status')).toHaveText('未保存：这个客户已在别处被修改');
  await expect(second.getByLabel('电话')).toHaveValue('0571-86660000');

  await second.getByRole('button', { name: '放弃我的修改，载入最新' }).click();
  await expect(second.getByLabel('地址')).toHaveValue('杭州市西湖区梅灵北路9号');
  await second.getByLabel('电话').fill('0571-86660000');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(second.getByRole('status')).toHaveText('已保存：杭州西湖龙井茶业有限公司');

  const check = await openManager(extension);
  await openCustomer(check, '杭州西湖龙井茶业有限公司');
  await expect(check.getByLabel('地址')).toHaveValue('杭州市西湖区梅灵北路9号');
  await expect(check.getByLabel('电话')).toHaveValue('0571-86660000');
});

test('a customer whose name is HTML shows it as text in the manager', async ({ extension }) => {
  const popup = await popupWithSamples(extension);
  const name = '<img src=x onerror=alert(1)>有限公司';
  await popup.keyboard.press('Alt+N');
  await popup.getByLabel('名称', { exact: true }).fill(name);
  await popup.getByRole('button', { name: '保存' }).click();
  await expect(popup.getByRole('status')).toContainText('已保存');
  const page = await openManager(extension);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  await openCustomer(page, name);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('the editor keeps several address-and-bank entries, the account fields and a licence scan', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await openManager(extension);
  const name = '杭州西湖龙井茶业有限公司';
  await openCustomer(page, name);
  const editor = page.getByRole('complementary', { name: `编辑 ${name}` });
  const licence = await page.screenshot(); // a real PNG, standing in for a scanned business licence

  await page.getByRole('button', { name: '＋ 添加一组地址、开户行' }).click();
  const second = page.getByRole('group', { name: '开票信息 2' });
  await second.getByLabel('说明').fill('仓库');
  await second.getByLabel('地址').fill('杭州市余杭区仓前街道文一西路1号');
  await second.getByLabel('电话').fill('0571-88881234');
  await second.getByLabel('开户行').fill('招商银行杭州分行');
  await second.getByLabel('银行账号').fill('571908765432101');
  await second.getByLabel('开票默认用这组').check();

  await editor.getByLabel('等级').selectOption({ label: 'VIP' });
  await editor.getByLabel('标签').fill('长期，月结、华东');
  await editor.getByLabel('默认备注').fill('合同号：HT-2026-001');
  await editor.getByLabel('内部备注').fill('每月 25 日前开票');
  await editor.getByLabel('开票额度（元）').fill('5万');
  await expect(page.getByText('额度应为金额')).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('请先改正标出的错误');
  await editor.getByLabel('开票额度（元）').fill('50,000');
  await editor.getByLabel('额度周期').selectOption({ label: '累计' });
  await editor.getByLabel('核实人').fill('王会计');
  await page.getByRole('button', { name: '今天已核实' }).click();
  await expect(page.getByText(/^核实于/)).toBeVisible();

  const files = editor.getByLabel('添加附件');
  await files.setInputFiles({ name: 'not-really.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>') });
  await expect(page.getByRole('status')).toHaveText('not-really.pdf 不是 PNG、JPEG、WebP 图片或 PDF');
  await files.setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: licence });
  await expect(page.getByRole('status')).toHaveText('已添加附件：营业执照.png');
  await page.getByRole('button', { name: '预览 营业执照.png' }).click();
  const preview = page.getByRole('dialog', { name: '营业执照.png' });
  const image = preview.getByRole('img', { name: '营业执照.png' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
    await page.evaluate(() => window.innerWidth),
  );
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  await editor.getByLabel('内部备注').press('Control+s');
  await expect(page.getByRole('status')).toHaveText(`已保存：${name}`);
  await expect(rowOf(page, name)).toContainText('VIP');

  const check = await openManager(extension);
  await openCustomer(check, name);
  const again = check.getByRole('complementary', { name: `编辑 ${name}` });
  await expect(check.getByRole('group', { name: '开票信息 1' }).getByLabel('开票默认用这组')).not.toBeChecked();
  const stored = check.getByRole('group', { name: '开票信息 2' });
  await expect(stored.getByLabel('开票默认用这组')).toBeChecked();
  await expect(stored.getByLabel('地址')).toHaveValue('杭州市余杭区仓前街道文一西路1号');
  await expect(stored.getByLabel('银行账号')).toHaveValue('571908765432101');
  await expect(again.getByLabel('标签')).toHaveValue('长期，月结，华东');
  await expect(again.getByLabel('开票额度（元）')).toHaveValue('50000');
  await expect(again.getByLabel('额度周期')).toHaveValue('total');
  await expect(again.getByLabel('核实', { exact: true })).toHaveValue('verified');
  await expect(again.getByLabel('核实人')).toHaveValue('王会计');
  await expect(again.getByLabel('默认备注')).toHaveValue('合同号：HT-2026-001');
  await expect(check.getByRole('button', { name: '预览 营业执照.png' })).toBeVisible();
  await expect(check.getByRole('button', { name: '删除开票信息 1' })).toBeVisible();
});

test('keyboard: arrows, PageUp, PageDown, Home and End move through the table, scrolling rows in; Enter opens, Space selects', async ({
  extension,
}) => {
  const { page, names } = await samplesByName(extension);
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'));

  await page.getByRole('button', { name: names[0], exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).toBe('4');
  await page.keyboard.press('ArrowUp');
  await expect.poll(focusedRow).toBe('3');
  await page.keyboard.press('End'); // the last row is far below the rendered ones
  await expect.poll(focusedRow).toBe(String(COUNT + 1));
  await expect(page.getByRole('button', { name: names[COUNT - 1], exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: names[COUNT - 1], exact: true })).toBeInViewport();
  const pageRows = await page.evaluate(() => {
    const box = document.querySelector('.table-scroll') as HTMLElement;
    return Math.floor((box.clientHeight - (box.querySelector('thead')?.clientHeight ?? 0)) / 34);
  });
  await page.keyboard.press('PageUp');
  await expect.poll(focusedRow).toBe(String(COUNT + 1 - pageRows));
  await page.keyboard.press('PageDown');
  await expect.poll(focusedRow).toBe(String(COUNT + 1));
  // The table is two tab stops, not two per row: Tab from the focused row leaves it.
  await page.keyboard.press('Tab');
  await expect.poll(focusedRow).toBeUndefined();
  await page.keyboard.press('Shift+Tab'); // back onto the row the keyboard was on
  await expect.poll(focusedRow).toBe(String(COUNT + 1));

  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: names[0], exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab'); // the same row's checkbox
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('checkbox', { name: `选择 ${names[1]}` })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: '批量操作' })).toContainText('已选 1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: names[1], exact: true })).toBeVisible();
});

test('edits not yet saved are never dropped without asking; Ctrl+S saves from anywhere in the editor', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await openManager(extension);
  const [first, second] = ['杭州西湖龙井茶业有限公司', '杭州市西湖区小李水果店'];
  await openCustomer(page, first);
  const editor = page.getByRole('complementary', { name: `编辑 ${first}` });
  await editor.getByLabel('内部备注').fill('只开专票，月底前');

  const asked: string[] = [];
  let answer = false;
  page.on('dialog', (d) => {
    asked.push(d.message());
    answer ? d.accept() : d.dismiss();
  });
  await editor.getByRole('button', { name: '关闭' }).click();
  expect(asked).toEqual(['这个客户的修改还没有保存。放弃这些修改吗？']);
  await expect(editor.getByLabel('内部备注')).toHaveValue('只开专票，月底前');

  // Ctrl+S with the focus outside the form (on the attachments) saves, and nothing is asked after that.
  await editor.getByLabel('添加附件').focus();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toHaveText(`已保存：${first}`);
  await openCustomer(page, second);
  expect(asked).toHaveLength(1);

  await page
    .getByRole('complementary', { name: `编辑 ${second}` })
    .getByLabel('内部备注')
    .fill('草稿');
  answer = true;
  await openCustomer(page, first);
  expect(asked).toHaveLength(2);
  await expect(page.getByRole('complementary', { name: `编辑 ${first}` }).getByLabel('内部备注')).toHaveValue(
    '只开专票，月底前',
  );
});

test('a focused row scrolled far away lets go of the focus: Space then selects no other customer', async ({
  extension,
}) => {
  const { page, names } = await samplesByName(extension);
  const first = names[0] as string;
  await page.getByRole('checkbox', { name: `选择 ${first}` }).focus();
  // The table draws only the rows in view, and reuses the elements of rows scrolled away for those coming in.
  await page.locator('.table-scroll').hover();
  await page.mouse.wheel(0, COUNT * 34);
  await expect(page.getByRole('checkbox', { name: `选择 ${first}` })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tbody') ?? null)).toBeNull();
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: '批量操作' })).toHaveCount(0);
  await expect(page.locator('tbody input[type="checkbox"]:checked')).toHaveCount(0);
});
