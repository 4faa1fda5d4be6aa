/**
 * A bounded queue in front of the store. At most `concurrency` API requests run against the store at once; up to
 * `queue` more wait their turn, each at most `maxWaitMs`; past that the server answers 503 with `Retry-After` at
 * once instead of letting requests pile up behind one database until clients time out. Under a load the store
 * cannot serve, some requests are refused quickly and the rest keep a short latency; nothing waits unbounded.
 *
 * PGlite runs one query at a time inside this process, so a few requests in flight are enough to keep it busy and
 * more only lengthen every request; a Postgres server works on several at once (its pool's size).
 */
import type { Context, MiddlewareHandler } from 'hono';

export interface AdmissionOptions {
  /** Requests running at once. */
  concurrency: number;
  /** Requests waiting for a turn; one more is refused. */
  queue: number;
  /** How long a request may wait for its turn before it is refused. */
  maxWaitMs: number;
  /** The `Retry-After` a refused request is told, in seconds. */
  retryAfterSeconds: number;
}

export const ADMISSION_DEFAULTS = {
  pglite: { concurrency: 2, queue: 64, maxWaitMs: 2000, retryAfterSeconds: 1 },
  postgres: { concurrency: 8, queue: 128, maxWaitMs: 2000, retryAfterSeconds: 1 },
} satisfies Record<string, AdmissionOptions>;

export interface AdmissionStats {
  running: number;
  waiting: number;
  /** Requests refused since start: queue full, or waited too long. */
  shed: number;
}

interface Waiter {
  admit: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The counting part, apart from HTTP: `enter()` resolves true with a turn, or false when refused. */
export class Admission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private shed = 0;

  constructor(readonly opts: AdmissionOptions) {}

  enter(): Promise<boolean> {
    if (this.running < this.opts.concurrency) {
      this.running++;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.opts.queue) {
      this.shed++;
      return Promise.resolve(false);
    }
    return new Promise<boolean>((resolve) => {
      const since = performance.now();
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          // A timer held back by a busy thread: the request waited too long all the same.
          if (performance.now() - since > this.opts.maxWaitMs) {
            this.shed++;
            resolve(false);
            this.leave();
          } else resolve(true);
        },
        timer: setTimeout(() => {
          const k = this.waiting.indexOf(waiter);
          if (k >= 0) this.waiting.splice(k, 1);
          this.shed++;
          resolve(false);
        }, this.opts.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /**
   * Ends a turn: the longest-waiting request takes it over, on the next turn of the event loop. PGlite's queries
   * run on this thread and their promises settle as microtasks, so handing the turn over at once would chain one
   * request after another without the loop ever reading the sockets or firing the wait timers: new requests would
   * sit unread in the kernel (no 503, a client timeout) for as long as the queue lasts.
   */
  leave(): void {
    const next = this.waiting.shift();
    if (next) setImmediate(next.admit);
    else this.running--;
  }

  stats(): AdmissionStats {
    return { running: this.running, waiting: this.waiting.length, shed: this.shed };
  }
}

/** The middleware: a turn for the request, or a 503 with `Retry-After`. */
export function admit(admission: Admission): MiddlewareHandler {
  return async (c: Context, next) => {
    if (!(await admission.enter())) {
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
