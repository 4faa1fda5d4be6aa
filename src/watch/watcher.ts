/**
 * The schedule: polls every watched feed when it is due, one at a time, and sleeps until the next is due (at most
 * `maxSleepMs`, so a feed added meanwhile is seen; `wake()` cuts the sleep short). `dossier watch` runs it in the
 * foreground; the server runs the same schedule while it serves.
 */
import type { Store } from '../store/store.js';
import { dueFeeds, msUntilNextPoll, pollFeed, type Feed, type FeedLogLine, type PollOptions } from './feeds.js';

export interface WatchOptions extends PollOptions {
  /** The longest sleep between two looks at the schedule. */
  maxSleepMs?: number;
  /** Called after each poll (the CLI prints a line). */
  onPoll?: (feed: Feed, line: FeedLogLine) => void;
  /** Called when the schedule itself fails (the store went away); the watcher goes on after a pause. */
  onError?: (err: Error) => void;
}

export interface Watcher {
  /** Looks at the schedule now. */
  wake(): void;
  /** Stops after the poll in progress, if any. */
  stop(): Promise<void>;
}

export function startWatcher(store: Store, opts: WatchOptions): Watcher {
  const maxSleep = opts.maxSleepMs ?? 30_000;
  let running = true;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((ok) => {
    wakeUp = ok;
    timer = setTimeout(ok, ms);
  }).finally(() => {
    if (timer) clearTimeout(timer);
    timer = null;
    wakeUp = null;
  });
  const loop = (async () => {
    while (running) {
      let pause = maxSleep;
      try {
        for (const feed of await dueFeeds(store.db)) {
          if (!running) break;
          const line = await pollFeed(store, feed, opts);
          opts.onPoll?.(feed, line);
        }
        const next = await msUntilNextPoll(store.db);
        pause = next === null ? maxSleep : Math.min(maxSleep, Math.max(50, next));
      } catch (err) {
        if (!running) break;
        opts.onError?.(err as Error);
      }
      if (running) await sleep(pause);
    }
  })();
  return {
    wake: () => wakeUp?.(),
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}

/** Polls the feeds that are due now, once (`dossier watch --once`). */
export async function pollDueOnce(store: Store, opts: WatchOptions): Promise<FeedLogLine[]> {
  const lines: FeedLogLine[] = [];
  for (const feed of await dueFeeds(store.db)) {
    const line = await pollFeed(store, feed, opts);
    opts.onPoll?.(feed, line);
    lines.push(line);
  }
  return lines;
}
