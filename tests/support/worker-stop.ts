import type { CDPSession } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

type Version = { versionId: string; runningStatus: string; scriptURL: string };

/**
 * A DevTools session kept open on the extension's service worker, to stop it at a chosen moment, as Chrome does
 * when it ends a worker (idle, a crash, an update). Kept ready beforehand so that the stop lands when asked rather
 * than after a page opens. `stop` resolves once the worker has stopped; the next message starts a new one.
 */
export async function workerStopper(extension: ExtensionBrowser) {
  const page = await extension.context.newPage();
  const cdp: CDPSession = await extension.context.newCDPSession(page);
  let ours: Version | undefined;
  const waiters: { status: string; resolve: () => void }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(extension.url(''))) continue;
      ours = v;
      for (const w of waiters.filter((w) => w.status === v.runningStatus)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  // Enabling reports the versions there are; the worker's own is needed before anything can be stopped.
  for (const end = Date.now() + 5000; !ours && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
  if (!ours) throw new Error('the extension has no service worker');
  const until = (status: string) =>
    ours?.runningStatus === status
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ status, resolve }));
  return {
    /** Stops the worker (once it has started, if it is starting) and waits until it has stopped. */
    async stop(): Promise<{ wasRunning: boolean }> {
      if (ours?.runningStatus === 'starting') await until('running');
      const wasRunning = ours?.runningStatus === 'running';
      if (ours && wasRunning) {
        const stopped = until('stopped');
        await cdp.send('ServiceWorker.stopWorker', { versionId: ours.versionId });
        await stopped;
      }
      return { wasRunning };
    },
    async close() {
      await cdp.detach();
      await page.close();
    },
  };
}
