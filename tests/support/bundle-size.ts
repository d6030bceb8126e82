import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './browser';

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Files an extension page loads before it can paint: the HTML, its scripts and styles, and their static imports. */
export function pageFiles(html: string, dir = EXTENSION_DIR): string[] {
  const files = new Set<string>([html]);
  const queue = [...readFileSync(join(dir, html), 'utf8').matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/(?:import|from)\s*["'`]\.?\/?([^"'`]+\.js)["'`]/g)) {
      const spec = m[1] as string;
      queue.push(spec.startsWith('chunks/') ? spec : join(file, '..', spec));
    }
  }
  return [...files];
}

/** Gzip bytes (level 9) of the given files of the built extension. */
export function gzipBytes(files: string[], dir = EXTENSION_DIR): number {
  return files.reduce((sum, f) => sum + gz(join(dir, f)), 0);
}

/** The content scripts the manifest declares, as files. */
export function contentScriptFiles(dir = EXTENSION_DIR): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return [...new Set<string>((manifest.content_scripts ?? []).flatMap((cs: { js?: string[] }) => cs.js ?? []))];
}
