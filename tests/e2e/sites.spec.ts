import { formWithSamples } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { expect, test } from './fixtures';

// Enabling a site (popup: 在此网站启用 Taitou) injects the content script into its open tabs at once. Chrome's
// permission prompt cannot be answered in an automated browser, so the injection is driven here on the platform's
// host, where a copy already runs from the manifest: the newer copy must replace the older one, not join it.

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

test('the content script injected into portal tabs replaces the running copy: one agent per frame', async ({
  extension,
}) => {
  const page = await formWithSamples(extension, portal.url);
  // Into every tab, as the background does for the tabs of a new site; only the portal's tab lets it in.
  const injected = await extension.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    let frames = 0;
    for (const tab of await chrome.tabs.query({})) {
      const target = { tabId: tab.id ?? -1, allFrames: true };
      const runs = await chrome.scripting
        .executeScript({ target, files: ['/content-scripts/portal.js'] })
        .catch(() => []);
      frames += runs.length;
    }
    return frames;
  });
  expect(injected).toBeGreaterThan(0);

  await page.getByPlaceholder('请输入名称').focus();
  await page.keyboard.type('hzxhlj');
  await expect.poll(() => page.locator('taitou-menu').count()).toBe(1);
  await page.waitForTimeout(300); // a second agent would open its own list by now
  expect(await page.locator('taitou-menu').count()).toBe(1);
});
