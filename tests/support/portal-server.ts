import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures/portals');
const NODE_MODULES = resolve(import.meta.dirname, '../../node_modules');

/** Vendor files the demo pages load; served straight from node_modules so nothing is copied into the repo. */
const VENDOR = new Map<string, string>([
  ['vue.global.prod.js', join(NODE_MODULES, 'vue/dist/vue.global.prod.js')],
  ['tdesign.min.js', join(NODE_MODULES, 'tdesign-vue-next/dist/tdesign.min.js')],
  ['tdesign.min.css', join(NODE_MODULES, 'tdesign-vue-next/dist/tdesign.min.css')],
  ['element-plus.js', join(NODE_MODULES, 'element-plus/dist/index.full.min.js')],
  ['element-plus.css', join(NODE_MODULES, 'element-plus/dist/index.css')],
  ['element-plus-zh-cn.js', join(NODE_MODULES, 'element-plus/dist/locale/zh-cn.min.js')],
  ['react.production.min.js', join(NODE_MODULES, 'react/umd/react.production.min.js')],
  ['react-dom.production.min.js', join(NODE_MODULES, 'react-dom/umd/react-dom.production.min.js')],
  ['dayjs.min.js', join(NODE_MODULES, 'dayjs/dayjs.min.js')],
  ['antd.min.js', join(NODE_MODULES, 'antd/dist/antd.min.js')],
  ['antd-reset.css', join(NODE_MODULES, 'antd/dist/reset.css')],
]);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

export interface PortalServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

/** Maps a request path to a file on disk, or null when it is outside the served roots. */
function resolveFile(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.startsWith('/vendor/')) return VENDOR.get(decoded.slice('/vendor/'.length)) ?? null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(FIXTURES_DIR, relative);
  // resolve() collapses `..`; anything that lands outside the fixtures directory is refused.
  if (file !== FIXTURES_DIR && !file.startsWith(FIXTURES_DIR + sep)) return null;
  return file;
}

/** Serves tests/fixtures/portals/ and a few vendor files on 127.0.0.1 at a free port. */
export async function startPortalServer(): Promise<PortalServer> {
  const server = createServer(async (req, res) => {
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers ask for it on their own; answering keeps the pages' consoles free of 404 noise.
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    const file = resolveFile(pathname);
    if (!file) return send(403, 'forbidden');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        // Vendor files never change during a run: pages in one browser context then reuse the 1.3 MB
        // TDesign build from the cache. Fixture pages stay uncached so edits show up at once.
        'cache-control': pathname.startsWith('/vendor/') ? 'public, max-age=3600, immutable' : 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
