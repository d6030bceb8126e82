import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { BASIC_HEADERS, basicExport, invoiceWorkbook, SELLER, XIAOMI } from '../support/invoice-export';
import { expect, test } from './fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openManager(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  return page;
}

const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

async function openCustomer(page: Page, name: string) {
  await page.getByRole('searchbox', { name: /筛选/ }).fill(name);
  await rowOf(page, name).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  return page.getByRole('complementary', { name: `编辑 ${name}` });
}

async function openTiers(page: Page) {
  await page.getByRole('button', { name: '等级与开票默认' }).click();
  await expect(page.getByRole('heading', { name: '等级与开票默认' })).toBeFocused();
}

/** The tiers as extension storage keeps them, read in the extension's own origin. */
const storedTiers = (page: Page) =>
  page.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const { tiers } = await chrome.storage.local.get('tiers');
    return tiers as { id: string; label: string; defaults: Record<string, unknown> }[];
  });

const SHOP = '上海申城百味餐饮管理有限公司'; // a sample: tier 普通, contact mobile 13916627788, no e-mail

test('a tier with invoice defaults, given to a customer in the editor, with its own remark over it, is all kept', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await openManager(extension);
  await expect(page.locator('.count')).toHaveText(/^显示 \d+ \/ 共 \d+ 个客户$/);
  await openTiers(page);
  const list = page.getByRole('list', { name: '等级', exact: true });
  await expect(list.getByRole('button')).toHaveText([/^普通.*内置/, /^VIP.*内置/]);

  // Keyboard only: name the tier, Enter, and the focus is on its invoice type.
  await page.getByLabel('新等级名称').fill('VIP');
  await page.keyboard.press('Enter');
  await expect(page.locator('#tier-new-msg')).toHaveText('已有同名的等级');
  await page.getByLabel('新等级名称').fill('金牌');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/已添加等级：金牌/);
  await expect(page.getByLabel('默认发票类型')).toBeFocused();
  await page.getByLabel('默认发票类型').selectOption({ label: '专票' });
  await page.getByLabel('票面展示购买方信息').selectOption({ label: '显示' });
  const template = '合同{合同号}，{客户名称}，{月份}';
  await page.getByLabel('备注模板').fill('合同');
  await page.getByRole('button', { name: '插入 {合同号}' }).click();
  await expect(page.getByLabel('备注模板')).toBeFocused();
  await page.keyboard.type('，{客户名称}，{月份}');
  await expect(page.getByLabel('备注模板')).toHaveValue(template);
  // The preview fills the template for a customer of the tier (none yet: the first in the book) and counts it.
  const preview = page.locator('.remarks-preview');
  await expect(preview).toContainText(/预览（示例客户：.+）/);
  await expect(preview.locator('.preview-text')).toHaveText(/^合同\{合同号\}，.+，\d{4}年\d{1,2}月$/);
  await expect(preview).toContainText('需手工填写：{合同号}');
  await expect(preview).toContainText(/\d+ \/ 230 字/);

  await page.getByLabel('交付邮箱').fill('caiwu@example.com');
  await page.getByLabel('交付手机').fill('1391662');
  await page.getByLabel('交付手机').press('Control+s');
  await expect(page.locator('#tier-mobile-msg')).toHaveText('手机号应为 11 位');
  await expect(page.getByRole('button', { name: /^金牌.*未保存/ })).toBeVisible();
  await page.getByLabel('交付手机').fill('');
  await page.getByRole('button', { name: '保存开票默认' }).click();
  await expect(page.getByRole('status')).toHaveText(/已保存“金牌”的开票默认/);

  // Renaming changes the label only: the id customers hold stays.
  await page.getByLabel('等级名称', { exact: true }).fill('金牌客户');
  await page.getByLabel('等级名称', { exact: true }).press('Enter');
  await expect(page.getByRole('status')).toHaveText(/已改名：金牌 → 金牌客户/);
  await expect(page.getByText('等级标识“金牌”不变')).toBeVisible();
  expect((await storedTiers(page)).at(-1)).toEqual({
    id: '金牌',
    label: '金牌客户',
    defaults: { invoiceType: 'special', remarks: template, deliveryEmail: 'caiwu@example.com', showAddressBank: true },
  });
  await page.getByRole('button', { name: '关闭' }).click();

  // The editor: the tier by its label, and what it gives where the customer sets nothing.
  let editor = await openCustomer(page, SHOP);
  await editor.getByLabel('等级', { exact: true }).selectOption({ label: '金牌客户' });
  await expect(editor.locator('#e-invoiceType-hint')).toHaveText('跟随等级“金牌客户”：专票');
  await expect(editor.getByLabel('默认发票类型')).toHaveValue('');
  await expect(editor.locator('#e-remarks-hint')).toHaveText(`跟随等级“金牌客户”：${template}`);
  await expect(editor.locator('#e-deliveryEmail-hint')).toHaveText('跟随等级“金牌客户”：caiwu@example.com');
  await expect(editor.locator('#e-deliveryMobile-hint')).toHaveText('未设置时用联系方式：13916627788');
  await expect(editor.locator('#e-showAddressBank-hint')).toHaveText('跟随等级“金牌客户”：显示');
  await editor.getByLabel('默认备注').fill('本客户自己的备注 {合同号}');
  await editor.getByLabel('交付手机').fill('13800138000');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toHaveText(`已保存：${SHOP}`);

  // The table: its filter names the tier by its label, and finds the customer in it.
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('searchbox', { name: /筛选/ }).fill('');
  await page.getByRole('combobox', { name: '等级', exact: true }).selectOption({ label: '金牌客户' });
  await expect(page.locator('tbody tr:not(.spacer)')).toHaveCount(1);
  await expect(rowOf(page, SHOP).getByRole('cell').nth(3)).toHaveText('金牌客户');

  // All of it kept, in a fresh page.
  await page.reload();
  editor = await openCustomer(page, SHOP);
  await expect(editor.getByLabel('等级', { exact: true })).toHaveValue('金牌');
  await expect(editor.getByLabel('等级', { exact: true }).locator('option:checked')).toHaveText('金牌客户');
  await expect(editor.getByLabel('默认备注')).toHaveValue('本客户自己的备注 {合同号}');
  await expect(editor.getByLabel('交付手机')).toHaveValue('13800138000');
  await expect(editor.locator('#e-invoiceType-hint')).toHaveText('跟随等级“金牌客户”：专票');
  await expect(editor.locator('#e-deliveryEmail-hint')).toHaveText('跟随等级“金牌客户”：caiwu@example.com');
  await page.getByRole('button', { name: '关闭' }).click();

  // A tier in use is deleted by moving its customers to 普通; undo brings back both the tier and them.
  await openTiers(page);
  await expect(list.getByRole('button', { name: /金牌客户/ })).toContainText('1 个客户');
  await list.getByRole('button', { name: /金牌客户/ }).click();
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    d.accept();
  });
  await page.getByRole('button', { name: '删除等级' }).click();
  await expect(page.getByRole('status')).toHaveText(/已删除等级：金牌客户；1 个客户改为普通/);
  await expect(list.getByRole('button')).toHaveCount(2);
  expect(asked).toContain('“金牌客户”等级有 1 个客户');
  expect((await storedTiers(page)).map((t) => t.id)).toEqual(['normal', 'vip']);
  await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('status')).toHaveText('已撤销');
  await expect(list.getByRole('button', { name: /金牌客户/ })).toContainText('1 个客户');
  expect((await storedTiers(page)).at(-1)?.label).toBe('金牌客户');
  await page.getByRole('button', { name: '关闭' }).click();
  editor = await openCustomer(page, SHOP);
  await expect(editor.getByLabel('等级', { exact: true })).toHaveValue('金牌');
});

/** An export with the basic rows and `extra` more blue invoices of Xiaomi, one a day back from 2025-02-28. */
function exportWith(extra: number): Buffer {
  const [title, note, header, ...rest] = basicExport();
  const rows = rest.slice(0, -1);
  for (let i = 0; i < extra; i++) {
    const day = new Date(Date.UTC(2025, 1, 28 - i)).toISOString().slice(0, 10);
    rows.push([
      100 + i,
      '',
      '',
      `2544200000009${String(i).padStart(7, '0')}`,
      ...SELLER,
      ...XIAOMI,
      `${day} 09:00:00`,
      100,
      13,
      113,
      '电子发票服务平台',
      '数电发票（普通发票）',
      '正常',
      '是',
      '正常',
      '王会计',
      '',
    ]);
  }
  expect(header).toEqual([...BASIC_HEADERS]);
  return Buffer.from(invoiceWorkbook({ 发票基础信息: [title ?? [], note ?? [], header ?? [], ...rows] }));
}

test('a customer’s page lists its imported invoices, newest first, 50 at a time, and its credit', async ({
  extension,
}) => {
  const page = await openManager(extension);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '全量发票查询导出.xlsx',
    mimeType: XLSX,
    buffer: exportWith(55),
  });
  await page.getByRole('button', { name: /^导入 \d+ 张发票$/ }).click();
  await expect(page.getByRole('status').first()).toContainText('发票已导入');
  await page.getByRole('button', { name: '完成' }).click();

  const [, name] = XIAOMI;
  const editor = await openCustomer(page, name);
  const invoices = editor.getByRole('region', { name: '发票', exact: true });
  // The blue 1130.00, its red −565.00, the voided 226.00 (not counted), 113.00, and 55 × 113.00.
  const total = (113_000 - 56_500 + 11_300 + 55 * 11_300) / 100;
  await expect(invoices).toContainText(`共 59 张，合计 ${total.toFixed(2)} 元（红字冲减，作废不计）`);
  const rows = invoices.locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(rows.nth(0)).toHaveText(/^2025-03-16.*-500\.00-65\.00-565\.00红字$/);
  await expect(rows.nth(1)).toHaveText(/^2025-03-02.*100\.0013\.00113\.00正常$/);
  await expect(rows.nth(2)).toHaveText(`2025-03-01${'25442000000012345678'}1000.00130.001130.00正常`);
  await expect(rows.nth(3)).toHaveText(/^2025-03-01.*200\.0026\.00226\.00已作废$/);
  await invoices.getByRole('button', { name: '再显示 9 张（还有 9 张）' }).click();
  await expect(rows).toHaveCount(59);
  await expect(rows.last()).toHaveText(/^2025-01-05/);
  await expect(invoices.getByRole('button', { name: /再显示/ })).toHaveCount(0);

  // Its credit: the running total in total against the limit typed, with the level in words.
  await editor.getByLabel('开票额度（元）').fill('10000');
  await editor.getByLabel('额度周期').selectOption({ label: '累计' });
  const credit = editor.locator('.credit-line');
  await expect(credit).toHaveText(
    `正常 累计已开 ${total.toFixed(2)} 元 / 额度 10000.00 元 · 剩余 ${(10_000 - total).toFixed(2)} 元（已用 ${Math.floor(total / 100)}%）`,
  );
  await editor.getByLabel('开票额度（元）').fill('7000');
  await expect(credit).toContainText(`接近额度 累计已开 ${total.toFixed(2)} 元 / 额度 7000.00 元`);
  await editor.getByLabel('开票额度（元）').fill('5000');
  await expect(credit).toContainText(
    `已超出额度 累计已开 ${total.toFixed(2)} 元 / 额度 5000.00 元 · 超出 ${(total - 5000).toFixed(2)} 元`,
  );
  // The month of today has no invoices of 2025.
  await editor.getByLabel('额度周期').selectOption({ label: '每月' });
  await expect(credit).toContainText('正常 本月已开 0.00 元 / 额度 5000.00 元');
});
