/**
 * Fetching articles and feeds safely: http(s) only, no private, loopback or link-local addresses unless allowed,
 * at most 5 redirects (each one checked again), a timeout and a size cap.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface Fetched {
  url: string;
  contentType: string;
  body: Buffer;
}

export class FetchError extends Error {}

export const DEFAULT_FETCH: Required<FetchOptions> = {
  allowPrivate: false,
  timeoutMs: 15000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts = { ...DEFAULT_FETCH, ...options };
  let current = url;
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  for (let hop = 0; ; hop++) {
    const parsed = parseHttpUrl(current);
    if (!opts.allowPrivate) await assertPublic(parsed);
    let res: Response;
    try {
      res = await fetch(parsed, {
        redirect: 'manual',
        signal: deadline,
        headers: { 'user-agent': 'Dossier/0.1 (+self-hosted news analysis)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml,text/plain;q=0.9,*/*;q=0.5' },
      });
    } catch (err) {
      const e = err as Error;
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new FetchError(`timed out after ${opts.timeoutMs / 1000} s`);
      throw new FetchError(`could not be fetched: ${describeCause(e)}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      if (hop >= opts.maxRedirects) throw new FetchError(`more than ${opts.maxRedirects} redirects`);
      current = new URL(res.headers.get('location')!, parsed).href;
      await res.body?.cancel();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new FetchError(`answered HTTP ${res.status} ${res.statusText}`.trim());
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > opts.maxBytes) {
      await res.body?.cancel();
      throw new FetchError(`is ${(declared / 1048576).toFixed(1)} MB, over the ${(opts.maxBytes / 1048576).toFixed(0)} MB limit`);
    }
    const body = await readCapped(res, opts.maxBytes);
    return { url: current, contentType: res.headers.get('content-type') ?? '', body };
  }
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('is not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(`uses ${parsed.protocol} (only http and https are fetched)`);
  return parsed;
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new FetchError(`is larger than the ${(maxBytes / 1048576).toFixed(0)} MB limit`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

async function assertPublic(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw new FetchError(`host ${host} not found`);
    }
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw new FetchError(`resolves to a private or local address (${bad}); pass --allow-private to fetch it`);
}

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, unspecified and similar non-public ranges. */
export function isPrivateAddress(ip: string): boolean {
  if (ip.startsWith('::ffff:')) return isPrivateAddress(ip.slice(7));
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const v6 = ip.toLowerCase();
  return v6 === '::1' || v6 === '::' || v6.startsWith('fe8') || v6.startsWith('fe9') || v6.startsWith('fea') ||
    v6.startsWith('feb') || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('ff');
}

function describeCause(err: Error): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? err.message;
}
