import { build } from 'vite';

/**
 * Bundles a module and what it imports into one classic script that defines the global `name`, for evaluating in
 * a page (page.evaluate goes through the DevTools protocol, so the extension's CSP does not stop it).
 */
export async function bundleScript(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, target: 'esnext', lib: { entry, formats: ['iife'], name } },
  });
  for (const out of Array.isArray(result) ? result : [result]) {
    if (!('output' in out)) continue;
    const chunk = out.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no bundle');
}
