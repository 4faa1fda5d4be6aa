/**
 * What the graph view shows, as plain data (no DOM, no canvas, so node tests pin it): the API's answers merged,
 * the part being explored (expanded actors and their neighbours, or everything), isolated actors left out, and
 * the search over actor names.
 */
import type { Graph as GraphData, GraphEdge, GraphNode } from '../../../src/service/graph.js';

/** The API's graphs (the whole-store one and each expanded neighbourhood) as one; the first copy of an id wins. */
export function mergeGraphs(parts: readonly GraphData[]): GraphData {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const p of parts) {
    for (const n of p.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of p.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  // An edge whose end no answer described cannot be drawn.
  return { nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)) };
}

/** Every actor linked to `id` by some edge of `data`. */
export function neighbours(data: GraphData, id: string): Set<string> {
  const out = new Set<string>();
  for (const e of data.edges) {
    if (e.source === id && e.target !== id) out.add(e.target);
    else if (e.target === id && e.source !== id) out.add(e.source);
  }
  return out;
}

/** The expanded actors and their neighbours: what the view explores when the whole graph is too large to read. */
export function exploredSet(data: GraphData, expanded: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of expanded) {
    out.add(id);
    for (const n of neighbours(data, id)) out.add(n);
  }
  return out;
}

export interface Visible {
  graph: GraphData;
  /** Actors left out because no shown edge reaches them. */
  isolated: number;
}

/**
 * The drawn part: the actors in `only` (all when null) with the edges between them; an actor no drawn edge
 * reaches is left out, except those in `keep` (the selection, the actors expanded: the user asked for them).
 */
export function visibleGraph(data: GraphData, only: ReadonlySet<string> | null, keep: ReadonlySet<string> = new Set()): Visible {
  const inScope = (id: string) => !only || only.has(id);
  const edges = data.edges.filter((e) => e.source !== e.target && inScope(e.source) && inScope(e.target));
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const scoped = data.nodes.filter((n) => inScope(n.id));
  const nodes = scoped.filter((n) => linked.has(n.id) || keep.has(n.id));
  return { graph: { nodes, edges }, isolated: scoped.length - nodes.length };
}

/** Lower case without diacritics, so "vucic" finds Vučić. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Actors whose name contains the query (diacritics ignored): names that start with it first, then those with a
 * word that does, then the rest, each group by documents.
 */
export function searchNodes(nodes: readonly GraphNode[], query: string, limit = 8): GraphNode[] {
  const q = fold(query.trim());
  if (!q) return [];
  const rank = (n: GraphNode): number => {
    const name = fold(n.name);
    if (name.startsWith(q)) return 0;
    if (name.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q))) return 1;
    return name.includes(q) || fold(n.id).includes(q) ? 2 : -1;
  };
  return nodes
    .map((n) => ({ n, r: rank(n) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || b.n.documents - a.n.documents || a.n.name.localeCompare(b.n.name))
    .slice(0, limit)
    .map((x) => x.n);
}

/** The actor to start exploring from: the one asked for, else the most documented. */
export function seedActor(data: GraphData, asked: string | null): string | null {
  if (asked) return asked;
  let best: GraphNode | null = null;
  for (const n of data.nodes) if (!best || n.documents > best.documents) best = n;
  return best?.id ?? null;
}
