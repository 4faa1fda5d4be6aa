/**
 * The `/api/graph` answers the graph view holds, by URL: each fetched once and kept while the view is open, and
 * every arrival announced to whoever subscribed, whatever asked for it.
 *
 * The announcement is the point. The view reads what is kept while it renders and asks for what is missing from
 * an effect, which runs later (after the paint, a task of its own). An answer that lands between the two was
 * not there when the render looked, and is no longer missing when the effect looks: if only the effect's own
 * request could trigger the next render, nothing would, and the view would say "Loading neighbours…" for good
 * (the e2e flake of a first graph visit on a loaded machine). With the arrival announced, useGraphs re-renders
 * on every answer (useSyncExternalStore also checks the version once more after it subscribes).
 */
import type { Graph } from '../../../src/service/graph.js';

export class GraphAnswers {
  private readonly kept = new Map<string, Graph>();
  private readonly inflight = new Map<string, Promise<Graph>>();
  private readonly listeners = new Set<() => void>();
  private arrivals = 0;

  constructor(private readonly fetchGraph: (url: string) => Promise<Graph>) {}

  /** The kept answer for `url`, if it has arrived. */
  get = (url: string): Graph | undefined => this.kept.get(url);

  /** Grows by one with every answer kept: the snapshot a render compares. */
  version = (): number => this.arrivals;

  /** Calls `listener` after each answer is kept; returns how to stop. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The answer for `url`: the kept one, the request already on its way, or a new request. A failure is not kept. */
  fetch = (url: string): Promise<Graph> => {
    const known = this.kept.get(url);
    if (known) return Promise.resolve(known);
    let p = this.inflight.get(url);
    if (!p) {
      p = this.fetchGraph(url).then(
        (g) => {
          this.inflight.delete(url);
          // An answer that is no graph (a 200 whose body could not be read is null) is a failure: kept, it would
          // count as arrived and never be drawn, and the view would wait for it for good.
          if (!Array.isArray(g?.nodes) || !Array.isArray(g?.edges)) throw new Error(`${url}: the answer is not a graph`);
          this.kept.set(url, g);
          this.arrivals++;
          for (const l of [...this.listeners]) l();
          return g;
        },
        (err: unknown) => {
          this.inflight.delete(url);
          throw err;
        },
      );
      this.inflight.set(url, p);
    }
    return p;
  };
}
