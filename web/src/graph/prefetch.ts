/**
 * The graph view's first requests, started as the app's script runs when it opens on `#/graph`, before the view's
 * own code (sigma, graphology, the layouts: a chunk of its own) is loaded and before the header asks for its
 * counts. On PGlite the server answers one query at a time, so what is asked first is answered first: the store's
 * graph, and the most documented actor's neighbourhood, which a large store's view starts from. The view asks for
 * the same URLs and takes these answers (api.ts `prefetch`). docs/graph-view.md has the figures.
 */
import { prefetch, type EntitySummary, type Page } from '../api';
import { graphUrl } from './filters';
import { BASE_NODES, NEIGHBOURHOOD_NODES } from './limits';
import { readGraphState } from './url-state';

export function startGraphRequests(hash: string): void {
  const m = /^#\/graph(?:\?(.*))?$/.exec(hash);
  if (!m) return;
  // The view's own code first: the server that answers the queries also serves the files, and a chunk asked for
  // after a graph waits for it (on a first visit, a second).
  void import('../views/Graph');
  const s = readGraphState(new URLSearchParams(m[1] ?? ''));
  const filters = { from: s.from, to: s.to, kinds: s.kinds, types: s.types };
  prefetch(graphUrl(filters, { maxNodes: BASE_NODES }));
  for (const id of s.expanded) prefetch(graphUrl(filters, { actor: id, maxNodes: NEIGHBOURHOOD_NODES }));
  if (s.actor || s.mode) return;
  // With nothing in the URL, the view explores from the entity list's first actor when the store is large.
  prefetch('/api/entities?limit=1').then((top) => {
    const id = (top as Page<EntitySummary>).items[0]?.id;
    if (id) prefetch(graphUrl(filters, { actor: id, maxNodes: NEIGHBOURHOOD_NODES }));
  }, () => {});
}
