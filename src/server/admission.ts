/**
 * A bounded queue in front of the store. At most `concurrency` API requests run against the store at once; up to
 * `queue` more wait their turn, each at most `maxWaitMs`; past that the server answers 503 with `Retry-After` at
 * once instead of letting requests pile up behind one database until clients time out. Under a load the store
 * cannot serve, some requests are refused quickly and the rest keep a short latency; nothing waits unbounded.
 * Beyond a few waiting, a request is also refused at once when the wait it can expect (the queue ahead of it, at
 * the pace turns have taken of late) passes `targetWaitMs`: the queue is then as long as the store can clear in
 * that time, whatever the pages cost.
 *
 * PGlite runs one query at a time (on a thread of its own in the server, store/pglite-thread.ts), so a few
 * requests in flight are enough to keep it busy and more only lengthen every request; a Postgres server works on
 * several at once (its pool's size).
 */
import type { Context, MiddlewareHandler } from 'hono';

export interface AdmissionOptions {
  /** Requests running at once. */
  concurrency: number;
  /** Requests waiting for a turn; one more is refused. */
  queue: number;
  /** How long a request may wait for its turn before it is refused. */
  maxWaitMs: number;
  /**
   * Refuse at once a request whose wait, judged from the queue ahead of it and the time recent requests took, would
   * pass this: under a load the store cannot serve, the requests let in are then answered in about this time plus
   * their own, instead of each waiting out most of `maxWaitMs` before its answer. Unset: only `queue` and
   * `maxWaitMs` bound the wait.
   */
  targetWaitMs?: number;
  /** The `Retry-After` a refused request is told, in seconds. */
  retryAfterSeconds: number;
}

export const ADMISSION_DEFAULTS = {
  pglite: { concurrency: 2, queue: 64, maxWaitMs: 2000, targetWaitMs: 400, retryAfterSeconds: 1 },
  postgres: { concurrency: 8, queue: 128, maxWaitMs: 2000, targetWaitMs: 400, retryAfterSeconds: 1 },
} satisfies Record<string, AdmissionOptions>;

export interface AdmissionStats {
  running: number;
  waiting: number;
  /** Requests refused since start: queue full, or waited too long. */
  shed: number;
  /** The time a turn has taken of late (a moving average), in ms: what the expected wait is judged by. */
  turnMs: number;
}

/**
 * Waiting places never refused by the expected wait (only by `queue` and `maxWaitMs`): a view of the web UI asks
 * several calls at once, and one user after a few slow pages (a graph, the map) must not be turned away.
 */
export const ALWAYS_QUEUED = 8;

interface Waiter {
  admit: () => void;
  timer: ReturnType<typeof setTimeout>;
  /** Refused by its timer: a turn handed to it afterwards goes straight on to the next. */
  refused?: boolean;
}

/** The counting part, apart from HTTP: `enter()` resolves true with a turn, or false when refused. */
export class Admission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private shed = 0;
  /** Moving average of a turn's length; 0 until a turn has ended. */
  private turnMs = 0;
  /**
   * When each running turn began. A turn that ends is matched with the oldest start, not its own: one length may
   * be off, but the sum over every turn (the sum of ends less the sum of starts) is right, and so is the average.
   */
  private readonly began: number[] = [];

  /** `now`: the clock turns are timed by (a test's own). */
  constructor(readonly opts: AdmissionOptions, private readonly now: () => number = () => performance.now()) {}

  /** The wait a request joining the queue now can expect: the turns ahead of it, `concurrency` at a time. */
  expectedWaitMs(): number {
    return ((this.waiting.length + 1) * this.turnMs) / this.opts.concurrency;
  }

  /**
   * `signal`: the request's own (aborted when its client goes away). A request whose client has gone while it
   * waits leaves the queue at once: nobody would read its answer, and the turn it would take is a user's. Superseded
   * requests (a view that asked again after a filter changed) would otherwise each run a query in turn.
   */
  enter(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.running < this.opts.concurrency) {
      this.running++;
      this.began.push(this.now());
      return Promise.resolve(true);
    }
    const target = this.opts.targetWaitMs;
    const tooLong = target !== undefined && this.waiting.length >= ALWAYS_QUEUED && this.expectedWaitMs() > target;
    if (this.waiting.length >= this.opts.queue || tooLong) {
      this.shed++;
      return Promise.resolve(false);
    }
    return new Promise<boolean>((resolve) => {
      const since = performance.now();
      const gone = () => {
        if (waiter.refused) return;
        waiter.refused = true; // a turn handed to it meanwhile goes straight on (admit below)
        clearTimeout(waiter.timer);
        const k = this.waiting.indexOf(waiter);
        if (k >= 0) this.waiting.splice(k, 1);
        resolve(false);
      };
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          signal?.removeEventListener('abort', gone);
          // Its timer fired after the turn was handed over but before this ran (the timer's clock is the loop's,
          // coarser than performance.now): the request was already answered 503, so it must not take the turn,
          // which it would never give back.
          if (waiter.refused) {
            this.handOver();
            return;
          }
          // A timer held back by a busy thread: the request waited too long all the same.
          if (performance.now() - since > this.opts.maxWaitMs) {
            this.shed++;
            resolve(false);
            this.handOver();
          } else {
            this.began.push(this.now());
            resolve(true);
          }
        },
        timer: setTimeout(() => {
          signal?.removeEventListener('abort', gone);
          if (waiter.refused) return;
          waiter.refused = true;
          const k = this.waiting.indexOf(waiter);
          if (k >= 0) this.waiting.splice(k, 1);
          this.shed++;
          resolve(false);
        }, this.opts.maxWaitMs),
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', gone, { once: true });
    });
  }

  /**
   * Ends a turn: the longest-waiting request takes it over, on the next turn of the event loop. With PGlite on
   * this thread (DOSSIER_STORE_THREAD=0, or a caller's own store) its promises settle as microtasks, so handing the
   * turn over at once would chain one request after another without the loop ever reading the sockets or firing
   * the wait timers: new requests would sit unread in the kernel (no 503, a client timeout) as long as the queue.
   */
  leave(): void {
    const since = this.began.shift();
    if (since !== undefined) {
      const ms = this.now() - since;
      // A tenth of the newest turn: a few dozen turns follow a change of load, one slow page does not swing it.
      this.turnMs = this.turnMs ? 0.9 * this.turnMs + 0.1 * ms : ms;
    }
    this.handOver();
  }

  /** The turn to the longest-waiting request, or back to the pool. */
  private handOver(): void {
    const next = this.waiting.shift();
    if (next) setImmediate(next.admit);
    else this.running--;
  }

  stats(): AdmissionStats {
    return { running: this.running, waiting: this.waiting.length, shed: this.shed, turnMs: Math.round(this.turnMs * 10) / 10 };
  }
}

/** The middleware: a turn for the request, or a 503 with `Retry-After`. */
export function admit(admission: Admission): MiddlewareHandler {
  return async (c: Context, next) => {
    if (!(await admission.enter(c.req.raw.signal))) {
      c.header('Retry-After', String(admission.opts.retryAfterSeconds));
      return c.json({ error: 'the server is busy: try again shortly' }, 503);
    }
    try {
      await next();
    } finally {
      admission.leave();
    }
  };
}
