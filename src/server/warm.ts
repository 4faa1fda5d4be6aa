/**
 * The graph view's first answers, computed once when the server starts (issue 13: the first graph visit after a
 * start took 1.5–3 s). The first computation in a fresh process is the slow one (cold JIT, the store's pages not
 * yet in memory: the store's graph took 550–1,100 ms then, 190–400 ms after), and the read cache (read-cache.ts)
 * then holds the answers until the first write, so a user who opens the graph first is answered from it.
 *
 * The paths are the ones the web view asks first (web/src/graph/prefetch.ts, filters.ts `graphUrl` with no filter):
 * the read cache is keyed by the exact path and query. They go through the app as any request does (the cache,
 * the admission queue), one at a time, so a user's request arriving meanwhile waits at most one of them.
 */

/** The store's graph as the view first asks for it (limits.ts `BASE_NODES`). */
export const WARM_GRAPH = '/api/graph?maxNodes=150';

/** The neighbourhood of `actor` as the view asks for it (limits.ts `NEIGHBOURHOOD_NODES`). */
export const warmNeighbourhood = (actor: string) => `/api/graph?${new URLSearchParams({ actor, maxNodes: '60' })}`;

export interface Warming {
  /** Settles when the warm-up has ended (done, failed or stopped); never rejects. */
  done: Promise<void>;
  /** Asks no more after the request under way. */
  stop(): void;
}

/**
 * Asks `request` for the graph view's first answers: the store's graph, the entity list's first actor (the one a
 * large store's view starts from) and its neighbourhood. Failures are ignored: a warm-up only saves time.
 */
export function warmGraphView(request: (path: string) => Response | Promise<Response>): Warming {
  let stopped = false;
  const ask = async (path: string): Promise<any> => {
    if (stopped) return null;
    const res = await request(path);
    return res.ok ? res.json() : null;
  };
  const done = (async () => {
    await ask(WARM_GRAPH);
    const top = (await ask('/api/entities?limit=1')) as { items?: { id: string }[] } | null;
    const id = top?.items?.[0]?.id;
    if (id) await ask(warmNeighbourhood(id));
  })().catch(() => {});
  return { done, stop: () => void (stopped = true) };
}
