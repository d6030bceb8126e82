import { expect, type Page } from '@playwright/test';
import { type ExtensionBrowser, PLATFORM_HOST } from './browser';

/** A fixture page's address under the platform's host name, which Chromium resolves to the local portal server. */
export const onPlatformHost = (portalUrl: string, path: string) =>
  `http://${PLATFORM_HOST}:${new URL(portalUrl).port}/${path}`;

/** The demo portal's invoice form, reached as a clerk does: 立即开票 → 选择票类 → 确定. */
export async function openInvoiceForm(
  extension: ExtensionBrowser,
  portalUrl: string,
  type: '普通发票' | '增值税专用发票' = '普通发票',
): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(onPlatformHost(portalUrl, 'dppt-blue-invoice.html#/blue-invoice-makeout'));
  await page.getByRole('button', { name: '立即开票' }).click();
  await page.getByText(type, { exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.locator('.blue-invoice').waitFor();
  // The 选择票类 dialog fades out over the form; until it has gone it keeps focus from the fields.
  await expect(page.locator('.t-dialog__ctx').first()).toBeHidden();
  return page;
}

/** The invoice form, with the sample customers in the book (loaded through a popup that is closed again). */
export async function formWithSamples(extension: ExtensionBrowser, portalUrl: string): Promise<Page> {
  await (await popupWithSamples(extension)).close();
  return openInvoiceForm(extension, portalUrl);
}

/** Opens the popup in a tab and loads the sample customers; returns the popup page. */
export async function popupWithSamples(extension: ExtensionBrowser): Promise<Page> {
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  await popup.getByRole('button', { name: '载入示例客户' }).click();
  await expect(popup.getByRole('status')).toContainText('已载入');
  return popup;
}

/** The popup, with the samples loaded, showing the results for `query`. */
export async function searchInPopup(extension: ExtensionBrowser, query: string): Promise<Page> {
  const popup = await popupWithSamples(extension);
  await popup.getByRole('combobox', { name: '搜索客户' }).fill(query);
  return popup;
}

/**
 * Presses Enter in the popup with the portal as the active tab, as the real popup fills the page it was opened on,
 * and waits for the popup's report of the fill.
 */
export async function fillActiveTab(popup: Page, portalPage: Page): Promise<void> {
  await portalPage.bringToFront();
  await popup.getByRole('combobox', { name: '搜索客户' }).press('Enter');
  await expect(popup.getByRole('status')).not.toHaveText(/载入/);
}
