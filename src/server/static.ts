/**
 * Serves the built web UI: files under the root with their types, and index.html for any other path that is not
 * the API (the UI routes on the hash, so that is only `/`). Headers keep the page to its own scripts.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** No inline or foreign script can run, even if article text ever reached the page as markup. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

export function serveWeb(app: Hono, root: string): void {
  const base = normalize(root + sep);
  app.get('*', async (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path).replace(/^\/+/, '') || 'index.html';
    } catch {
      return c.json({ error: 'not found' }, 404);
    }
    let file = normalize(join(base, rel));
    if (!file.startsWith(base)) return c.json({ error: 'not found' }, 404);
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) file = join(base, 'index.html');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return c.text('The web UI is not built: run `npm run build:web`.', 503);
    }
    const immutable = file.includes(`${sep}assets${sep}`);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
}
