import type { Frame, Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { ExtensionBrowser } from '../support/browser';
import { formWithSamples } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { closedShadowText } from '../support/shadow-text';
import { expect, test } from './fixtures';

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

const longjing = SAMPLE_CUSTOMERS.find((c) => c.name === '杭州西湖龙井茶业有限公司');

/** The inline menu's frame: an extension page, reached through Playwright's frame tree (the page cannot reach it). */
async function menuFrame(page: Page, extension: ExtensionBrowser): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('menu.html'))).toBe(true);
  return page.frames().find((f) => f.url() === extension.url('menu.html')) as Frame;
}

/** Types into the buyer's 名称 and waits for the list's first suggestion; returns the list's frame. */
async function typeInName(page: Page, extension: ExtensionBrowser, text: string): Promise<Frame> {
  await page.getByPlaceholder('请输入名称').focus();
  await page.keyboard.type(text);
  const menu = await menuFrame(page, extension);
  await expect(menu.getByRole('option').first()).toBeVisible();
  return menu;
}

async function submitted(page: Page) {
  await page.getByRole('button', { name: '发票开具' }).click();
  return (await page.waitForFunction(() => (window as { __submitted?: unknown }).__submitted)).jsonValue();
}

test('keyboard only: type in 名称, ArrowDown, Enter fills every buyer field', async ({ extension }) => {
  const page = await formWithSamples(extension, portal.url);
  const menu = await typeInName(page, extension, 'hzxhlj');
  await expect(menu.getByRole('option').first()).toContainText('杭州西湖龙井茶业有限公司');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByPlaceholder('请输入统一社会信用代码/纳税人识别号')).toHaveValue(longjing?.taxId ?? '');
  // The confirmation sits in a closed shadow root (its text is checked through the popup's copy in fill.spec.ts);
  // Esc dismisses it.
  await expect(page.locator('taitou-toast')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('taitou-toast')).toHaveCount(0);
  expect(await submitted(page)).toMatchObject({
    gmfmc: longjing?.name,
    gmfnsrsbh: longjing?.taxId,
    gmfdz: longjing?.entries[0]?.address,
    gmfzh: longjing?.entries[0]?.bankAccount,
  });
});

test('Enter before choosing does not fill, Esc closes the list', async ({ extension }) => {
  const page = await formWithSamples(extension, portal.url);
  await typeInName(page, extension, 'hzxhlj');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('menu.html'))).toBe(false);
  expect(
    await page.evaluate(() => (window as { __buyerModel?: () => { gmfnsrsbh: string } }).__buyerModel?.()),
  ).toMatchObject({
    gmfnsrsbh: '',
  });
});

test('moving to another field closes the list at once', async ({ extension }) => {
  const page = await formWithSamples(extension, portal.url);
  await typeInName(page, extension, 'hzxhlj');
  await page.getByPlaceholder('请输入购买方地址').focus();
  // No wait: the list must be gone by the time focus has moved, not after the focusout grace for clicks in it.
  expect(await page.evaluate(() => document.querySelector('taitou-menu'))).toBeNull();
});

test('新增客户 for what was typed: ↓ past the suggestions, Enter opens quick add with it filled in', async ({
  extension,
}) => {
  const page = await formWithSamples(extension, portal.url);
  await page.getByPlaceholder('请输入名称').focus();
  await page.keyboard.type('宁波港湾物流');
  const menu = await menuFrame(page, extension);
  await expect(menu.getByRole('button', { name: '新增客户：宁波港湾物流' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('button', { name: '新增客户：宁波港湾物流' })).toHaveClass(/selected/);
  const opened = extension.context.waitForEvent('page');
  await page.keyboard.press('Enter');
  const add = await opened;
  await expect(add.getByLabel('名称', { exact: true })).toHaveValue('宁波港湾物流');
  await expect(add.getByRole('button', { name: '保存' })).toBeVisible();
});

test('mouse: a click on a suggestion fills; the tax-ID field offers the list too', async ({ extension }) => {
  const page = await formWithSamples(extension, portal.url);
  await page.getByPlaceholder('请输入统一社会信用代码/纳税人识别号').click();
  await page.keyboard.type((longjing?.taxId ?? '').slice(0, 8));
  const menu = await menuFrame(page, extension);
  await menu.getByRole('option').filter({ hasText: '杭州西湖龙井茶业有限公司' }).click();
  await expect(page.getByPlaceholder('请输入名称')).toHaveValue(longjing?.name ?? '');
  expect(await submitted(page)).toMatchObject({ gmfmc: longjing?.name, gmfnsrsbh: longjing?.taxId });
});

test('a page script cannot find the suggestion list or any customer in the page', async ({ extension }) => {
  const page = await formWithSamples(extension, portal.url);
  await typeInName(page, extension, 'hzxhlj');
  const seen = await page.evaluate(() => {
    const host = document.querySelector('taitou-menu');
    // Every frame the page can enumerate, read where the same-origin policy allows it.
    const readable: string[] = [];
    for (let i = 0; i < window.frames.length; i++) {
      try {
        readable.push(String(window.frames[i]?.document.body.textContent));
      } catch {
        // cross-origin frames cannot be read
      }
    }
    return {
      hostFound: host !== null,
      shadowRoot: host?.shadowRoot ?? null,
      inPage: document.documentElement.outerHTML.includes('龙井茶业'),
      inFrames: readable.some((text) => text.includes('龙井茶业')),
    };
  });
  expect(seen).toEqual({ hostFound: true, shadowRoot: null, inPage: false, inFrames: false });
});

test('the list follows the language chosen in the popup', async ({ extension }) => {
  const page = await formWithSamples(extension, portal.url);
  await extension.worker.evaluate(() =>
    (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ locale: 'en' }),
  );
  await page.getByPlaceholder('请输入名称').focus();
  await page.keyboard.type('zzzz');
  const menu = await menuFrame(page, extension);
  await expect(menu.getByText('No matching customer')).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Add customer: zzzz' })).toBeVisible();
});

test('the confirmation after a fill speaks the language chosen in the popup', async ({ extension }) => {
  const page = await formWithSamples(extension, portal.url);
  await typeInName(page, extension, 'hzxhlj');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('taitou-toast')).toHaveCount(1);
  expect(await closedShadowText(page, 'taitou-toast')).toMatch(/^已填入 \d+ 项/);

  await extension.worker.evaluate(() =>
    (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ locale: 'en' }),
  );
  await page.getByPlaceholder('请输入名称').fill('');
  await typeInName(page, extension, 'hzxhlj');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => closedShadowText(page, 'taitou-toast')).toMatch(/^Filled \d+ fields?/);
});
