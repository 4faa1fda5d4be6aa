/**
 * Fetching articles and feeds safely: http(s) only, at most 5 redirects, a timeout and a size cap, and no
 * private, local or special-purpose address unless allowed (address.ts says which, in every IPv6 form).
 *
 * The address is checked where the connection is made, not beforehand: the socket resolves host names through
 * a lookup that refuses a special-purpose answer, so the address checked is the address connected to, and the
 * connected socket's remote address is checked once more. A host name that answers a public address to a first
 * look and a private one to the connection (DNS rebinding) gets nowhere, and every redirect hop is a new request
 * through the same check. IP literals in the URL are checked before anything is sent.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { blockedReason as specialPurpose } from './address.js';

/** Resolves a host name to all its addresses (dns.lookup by default; tests give their own). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** How host names are resolved (tests); the answer goes through the address check all the same. */
  resolve?: Resolver;
  /** Why an address is refused, or null (tests; default: address.ts's special-purpose ranges). */
  guard?: (ip: string) => string | null;
  /**
   * A conditional request (a watched feed): sent as If-None-Match / If-Modified-Since, and a 304 answer is then
   * returned (status 304, empty body) instead of refused.
   */
  conditional?: { etag?: string | null; lastModified?: string | null };
}

export interface Fetched {
  url: string;
  contentType: string;
  body: Buffer;
  /** 200-299, or 304 for a conditional request whose resource has not changed. */
  status?: number;
  /** The validators to send next time (ETag, Last-Modified), when the server gave them. */
  etag?: string | null;
  lastModified?: string | null;
}

export class FetchError extends Error {}

export const DEFAULT_FETCH: Required<Omit<FetchOptions, 'resolve' | 'guard' | 'conditional'>> = {
  allowPrivate: false,
  timeoutMs: 15000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

const HEADERS = {
  'user-agent': 'Dossier/0.1 (+self-hosted news analysis)',
  accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml,text/plain;q=0.9,*/*;q=0.5',
  'accept-encoding': 'gzip, deflate, br',
};

const systemResolve: Resolver = (host) =>
  new Promise((ok, fail) => dnsLookup(host, { all: true }, (err, addresses) => (err ? fail(err) : ok(addresses))));

/** Raised inside the connection when the address is refused; becomes a FetchError with the same message. */
class RefusedAddress extends Error {}

const refusal = (ip: string, why: string) =>
  new RefusedAddress(`resolves to a private or local address (${ip}: ${why}); pass --allow-private to fetch it`);

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts = { ...DEFAULT_FETCH, ...options };
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    const parsed = parseHttpUrl(current);
    const via = hop ? ` (redirected to ${parsed.href})` : '';
    let res: IncomingMessage;
    try {
      res = await send(parsed, opts, deadline);
    } catch (err) {
      throw asFetchError(err, opts.timeoutMs, via, 'could not be fetched');
    }
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status === 304 && opts.conditional) {
      res.destroy();
      return { url: current, contentType: '', body: Buffer.alloc(0), status, ...validators(res) };
    }
    if (status >= 300 && status < 400 && location) {
      res.destroy();
      if (hop >= opts.maxRedirects) throw new FetchError(`more than ${opts.maxRedirects} redirects`);
      try {
        current = new URL(location, parsed).href;
      } catch {
        throw new FetchError(`redirects to an invalid URL: ${JSON.stringify(location.slice(0, 200))}`);
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw new FetchError(`answered HTTP ${status} ${res.statusMessage ?? ''}`.trim() + via);
    }
    const declared = Number(res.headers['content-length'] ?? 0);
    if (declared > opts.maxBytes) {
      res.destroy();
      throw new FetchError(`is ${(declared / 1048576).toFixed(1)} MB, over the ${size(opts.maxBytes)} limit`);
    }
    let body: Buffer;
    try {
      body = await readCapped(res, opts.maxBytes, deadline);
    } catch (err) {
      throw asFetchError(err, opts.timeoutMs, via, 'could not be read', ' while reading the body');
    }
    return { url: current, contentType: String(res.headers['content-type'] ?? ''), body, status, ...validators(res) };
  }
}

function validators(res: IncomingMessage): { etag: string | null; lastModified: string | null } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 500) ?? null;
  return { etag: one(res.headers.etag), lastModified: one(res.headers['last-modified']) };
}

function asFetchError(err: unknown, timeoutMs: number, via: string, what: string, during = ''): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof RefusedAddress) return new FetchError(err.message + via);
  const e = err as Error;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return new FetchError(`timed out after ${timeoutMs / 1000} s${during}${via}`);
  return new FetchError(`${what}: ${describeCause(e)}${via}`);
}

/** One request, answered with the response head; the address is checked on the way to the connection. */
function send(url: URL, opts: typeof DEFAULT_FETCH & FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const blockedReason = opts.guard ?? specialPurpose;
  if (!opts.allowPrivate && isIP(host)) {
    const why = blockedReason(host);
    if (why) return Promise.reject(refusal(host, why));
  }
  const resolve = opts.resolve ?? systemResolve;
  const lookup: LookupFunction = (hostname, lookupOpts, callback) => {
    resolve(hostname).then((all) => {
      const wanted = lookupOpts.family === 4 || lookupOpts.family === 6 ? all.filter((a) => a.family === lookupOpts.family) : all;
      if (!wanted.length) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
      if (!opts.allowPrivate) {
        // Any special-purpose answer refuses the host: a name that points inside is not an article's host.
        for (const a of all) {
          const why = blockedReason(a.address);
          if (why) throw refusal(a.address, why);
        }
      }
      if (lookupOpts.all) callback(null, wanted);
      else callback(null, wanted[0]!.address, wanted[0]!.family);
    }).catch((err) => callback(err, '', 0));
  };
  const conditional: Record<string, string> = {};
  if (opts.conditional?.etag) conditional['if-none-match'] = opts.conditional.etag;
  if (opts.conditional?.lastModified) conditional['if-modified-since'] = opts.conditional.lastModified;
  const reqOpts: RequestOptions = { method: 'GET', headers: { ...HEADERS, ...conditional }, lookup, signal, agent: false };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((ok, fail) => {
    const req = request(url, reqOpts, ok);
    req.on('error', fail);
    if (opts.allowPrivate) return req.end();
    req.on('socket', (socket: Socket) => {
      // The address actually connected to, whatever resolved it: refused before the request is written.
      socket.once('connect', () => {
        const ip = socket.remoteAddress ?? '';
        const why = blockedReason(ip);
        if (why) req.destroy(refusal(ip, why));
      });
    });
    req.end();
  });
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

/** The body, decompressed, refused past `maxBytes` (decompressed: a small gzip bomb is refused too). */
async function readCapped(res: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  let stream: Readable = res;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
  else if (encoding === 'deflate') stream = res.pipe(createInflate());
  else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
  const onAbort = () => {
    const reason = signal.reason instanceof Error ? signal.reason : new Error('aborted');
    res.destroy(reason);
    stream.destroy(reason);
  };
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  res.once('error', (err) => stream.destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new FetchError(`is larger than the ${size(maxBytes)} limit`);
      chunks.push(chunk as Buffer);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    res.destroy();
  }
  return Buffer.concat(chunks);
}

const size = (bytes: number) => (bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function describeCause(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${code})`;
  if (/^Z_|BROTLI/.test(code ?? '')) return `the compressed body is corrupt (${code})`;
  return code ?? cause?.code ?? cause?.message ?? err.message;
}
