/**
 * A read the server refused because it was busy, asked again when the server says to. Past its queue the API
 * answers 503 with `Retry-After` (src/server/admission.ts) rather than letting requests wait unbounded; a view
 * that asks several things at once on a loaded machine (the graph after a few quick filter changes) meets that
 * answer, and without a second try it showed "the server is busy" until the page was reloaded.
 *
 * Only reads (GET) are asked again: an import or a deletion is the user's to repeat. The waits are bounded and
 * spread a little, so requests refused together do not come back together.
 */

export interface RetryOptions {
  /** Times a refused read is asked again. */
  retries: number;
  /** The longest wait honoured, in seconds (a `Retry-After` beyond it is cut to it). */
  maxWaitSeconds: number;
  /** Waits `ms` (a test's own clock). */
  sleep: (ms: number) => Promise<void>;
  /** 0..1, for the spread (a test's own). */
  random: () => number;
}

export const RETRY_DEFAULTS: RetryOptions = {
  retries: 4,
  maxWaitSeconds: 5,
  sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)),
  random: Math.random,
};

/** The wait before asking again after `res`, in ms: its `Retry-After` in seconds (1 when unreadable), capped. */
export function retryDelayMs(res: Response, opts: RetryOptions = RETRY_DEFAULTS): number {
  const given = Number(res.headers.get('retry-after'));
  const seconds = Number.isFinite(given) && given > 0 ? Math.min(given, opts.maxWaitSeconds) : 1;
  return Math.round(seconds * 1000 * (1 + opts.random() * 0.5));
}

/** `fetch(path, init)`, asking a read again while the server answers 503, at most `retries` times. */
export async function fetchRetrying(
  fetcher: (path: string, init?: RequestInit) => Promise<Response>, path: string, init?: RequestInit,
  opts: RetryOptions = RETRY_DEFAULTS,
): Promise<Response> {
  const read = (init?.method ?? 'GET').toUpperCase() === 'GET';
  for (let attempt = 0; ; attempt++) {
    const res = await fetcher(path, init);
    if (res.status !== 503 || !read || attempt >= opts.retries || init?.signal?.aborted) return res;
    const wait = retryDelayMs(res, opts);
    await res.body?.cancel().catch(() => {}); // the refusal is not read: its connection is free for the next ask
    await opts.sleep(wait);
    if (init?.signal?.aborted) return res;
  }
}
