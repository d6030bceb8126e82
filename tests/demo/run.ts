// `npm run demo`: the built extension in Chromium, on the local demo portal, with the sample customers loaded.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, PLATFORM_HOST } from '../support/browser';
import { customerWorkbook, uscc } from '../support/import-files';
import { startPortalServer } from '../support/portal-server';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const SCREENSHOTS = [
  'demo-portal.png',
  'demo-inline.png',
  'demo-popup.png',
  'demo-quick-add.png',
  'demo-manager.png',
  'demo-import.png',
];
/** What a customer sends in chat; the demo pastes it into quick add. */
const PASTED = [
  '您好，我司开票信息如下：',
  '单位名称：宁波港湾物流有限公司',
  '纳税人识别号：91330206MA2H3K5P7T',
  '地址、电话：宁波市北仑区明州路88号 0574-86881234',
  '开户行及账号：中国工商银行宁波北仑支行 3901 1100 0920 0012 345',
].join('\n');
/** The customer list the demo imports: new customers, one the samples have already, one whose account Excel rounded. */
const DEMO_IMPORT = [
  [
    '宁波港湾物流有限公司',
    '91330206MA2H3K5P7T',
    '宁波市北仑区明州路88号',
    '0574-86881234',
    '中国工商银行宁波北仑支行',
    '3901110009200012345',
    '',
  ],
  ['成都天府软件园有限公司', uscc('91510100MA6C7D8E9'), '成都市高新区天府大道中段1366号', '028-85181234', '', '', ''],
  [
    '上海明珠贸易有限公司',
    uscc('91310115MA1H2J3K4'),
    '上海市浦东新区张杨路500号',
    '021-58881234',
    '招商银行上海浦东支行',
    6222021234567890000,
  ],
  [
    '北京星河数码科技有限公司',
    '91110108MA01K7H205',
    '北京市海淀区中关村大街27号11层1105室',
    '010-65521234',
    '',
    '',
    '',
  ],
];
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || !hasDisplay;

const portal = await startPortalServer();
// A profile kept between runs, so customers the clerk adds in the demo are still there next time.
const profileDir = resolve(OUTPUT, 'demo-profile');
mkdirSync(profileDir, { recursive: true });
const browser = await launchWithExtension({ headless, profileDir });

const popup = await browser.context.newPage();
await popup.goto(browser.url('popup.html'));
await popup.locator('.count').waitFor(); // the book has answered
const load = popup.getByRole('button', { name: '载入示例客户' });
if (await load.isVisible()) {
  await load.click();
  console.log(await popup.getByRole('status').textContent());
}

// Chromium resolves the platform's host name to the local demo portal, so the content script runs there as built.
const demoUrl = `http://${PLATFORM_HOST}:${new URL(portal.url).port}/dppt-blue-invoice.html#/blue-invoice-makeout`;
const page = await browser.context.newPage();
await page.goto(demoUrl);
console.log(`Demo portal: ${demoUrl} (served from ${portal.url})`);
console.log(`Extension popup: ${browser.url('popup.html')}`);

if (headless) {
  console.log(
    hasDisplay ? 'Running headless as asked.' : 'No display found (DISPLAY is not set): running headless instead.',
  );
  await popup.getByRole('combobox').fill('cq');
  await popup.setViewportSize({ width: 420, height: 520 });
  await popup.screenshot({ path: resolve(OUTPUT, 'demo-popup.png') });
  // Quick add with smart paste: a chat message becomes the form, checked as it is filled in.
  await popup.keyboard.press('Alt+N');
  await popup.getByLabel('智能粘贴').fill(PASTED);
  await popup.getByLabel('智能粘贴').blur();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.screenshot({ path: resolve(OUTPUT, 'demo-quick-add.png') });
  await popup.keyboard.press('Escape');
  await popup.setViewportSize({ width: 420, height: 520 });
  // The manager page with the whole book.
  const manager = await browser.context.newPage();
  await manager.setViewportSize({ width: 1280, height: 720 });
  await manager.goto(browser.url('manager.html'));
  await manager.locator('tbody tr:not(.spacer)').first().waitFor();
  await manager.locator('tbody button').first().click();
  await manager.screenshot({ path: resolve(OUTPUT, 'demo-manager.png') });
  // An import's preview: a customer list with title rows, one row already in the book, one Excel rounded.
  await manager.getByRole('button', { name: '导入', exact: true }).click();
  await manager.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '客户资料.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: customerWorkbook(DEMO_IMPORT),
  });
  await manager.locator('.preview-rows [role=status]').waitFor();
  await manager.screenshot({ path: resolve(OUTPUT, 'demo-import.png') });
  await manager.close();
  await page.getByRole('button', { name: '立即开票' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.locator('.blue-invoice').waitFor();
  await page.bringToFront();
  // The inline list under the buyer's name, as the clerk types.
  await page.getByPlaceholder('请输入名称').click();
  await page.keyboard.type('hz');
  await page
    .frameLocator('taitou-menu iframe')
    .getByRole('option')
    .first()
    .waitFor()
    .catch(() => undefined);
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(OUTPUT, 'demo-inline.png'), clip: { x: 0, y: 180, width: 760, height: 460 } });
  await page.keyboard.press('Escape');
  await page.getByPlaceholder('请输入名称').fill('');
  await popup.getByRole('combobox').fill('hzxhlj');
  await popup.getByRole('combobox').press('Enter');
  await popup.getByRole('status').filter({ hasText: '已填入' }).waitFor();
  console.log((await popup.getByRole('status').textContent()) ?? '');
  await page.screenshot({ path: resolve(OUTPUT, 'demo-portal.png'), fullPage: true });
  console.log(`Screenshots: ${SCREENSHOTS.map((f) => resolve(OUTPUT, f)).join(', ')}`);
  await browser.close();
  await portal.close();
} else {
  await page.bringToFront();
  console.log('Close the browser window to end the demo.');
  browser.context.on('close', () => {
    portal.close().then(() => process.exit(0));
  });
}
