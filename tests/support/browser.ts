import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/**
 * The content script runs on the national platform's hosts only. Tests and the demo serve the fixture portal on
 * 127.0.0.1 and let Chromium resolve a platform host name to it, so the extension runs exactly as built.
 */
export const PLATFORM_HOST = 'dppt.guangdong.chinatax.gov.cn';

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (Playwright's own download does not work here), or a clear way to get one. */
export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) ' +
        'or point CHROMIUM_PATH at a Chromium binary. Branded Google Chrome ignores --load-extension.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Stops the extension's service worker, as Chrome does after 30 seconds without events; the next message starts a
 * fresh one (Playwright keeps `worker` pointing at it). Stopped through DevTools' ServiceWorker domain.
 */
export async function stopWorker(extension: ExtensionBrowser): Promise<void> {
  const page = await extension.context.newPage();
  const cdp = await extension.context.newCDPSession(page);
  type Version = { versionId: string; runningStatus: string; scriptURL: string };
  const ours = (versions: Version[]) => versions.find((v) => v.scriptURL.startsWith(extension.url('')));
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const version = ours(versions);
      if (version?.runningStatus === 'running') cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
      if (version?.runningStatus === 'stopped') resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await stopped;
  await cdp.detach();
  await page.close();
}

/** Starts Chromium with the built extension loaded in a fresh profile. */
export async function launchWithExtension(
  options: { headless?: boolean; extraArgs?: string[]; profileDir?: string; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extension = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`No built extension in ${extension}: run \`npm run build\` first.`);
  }
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'taitou-profile-'));
  // A kept profile holds the service worker's script from the last build, and Chromium would run that one rather
  // than the new build's: drop the cached copies (the book and settings stay).
  for (const cache of ['Service Worker', 'Code Cache'])
    rmSync(join(profile, 'Default', cache), { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP ${PLATFORM_HOST} 127.0.0.1`,
      ...(options.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
