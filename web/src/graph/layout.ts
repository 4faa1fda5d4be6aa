/**
 * Where the drawn actors go: Louvain communities (graphology-communities-louvain), each community started in its
 * own place, ForceAtlas2 for a fixed number of iterations, then Noverlap so no two discs overlap at the size they
 * are drawn. Every step is seeded or fixed, so the same graph always gets the same picture.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import louvainModule from 'graphology-communities-louvain';
import noverlapModule from 'graphology-layout-noverlap';
import type { Graph as GraphData, GraphNode } from '../../../src/service/graph.js';

/**
 * The three layout packages are CommonJS (`module.exports = fn`): the bundler and Node hand the function itself
 * to a default import, while TypeScript's NodeNext reading of their types (which the node tests of this module
 * get) says `.default`. Either way this is the function.
 */
const cjs = <T>(m: T): T extends { default: infer D } ? D : T => (m as { default?: unknown }).default as never ?? m;
const forceAtlas2 = cjs(forceAtlas2Module);
const louvain = cjs(louvainModule);
const noverlap = cjs(noverlapModule);

export interface Community {
  /** 0 for the largest community, 1 for the next… */
  index: number;
  /** Its most documented actor, to name it in the legend. */
  name: string;
  size: number;
}

export interface Layout {
  positions: Map<string, { x: number; y: number }>;
  /** Drawn radius in pixels. */
  sizes: Map<string, number>;
  community: Map<string, number>;
  communities: Community[];
}

const ITERATIONS = 200;
/** Fewer when most actors start where they were: enough to settle the new ones. */
const CONTINUE_ITERATIONS = 80;
/** Pixels the layout is fitted to (about the canvas height): lets Noverlap turn pixel sizes into layout units. */
const FIT_PX = 520;
/** Pixels of space kept between two discs. */
const MARGIN_PX = 4;

/** A disc's radius in pixels: 4 to 18 by the square root of its share of documents. */
export const nodeSize = (n: GraphNode, maxDocs: number) => 4 + 14 * Math.sqrt(n.documents / Math.max(1, maxDocs));

/** A deterministic random stream (xorshift32), for Louvain's tie-breaking. */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** One undirected link per pair of actors, weighted by every edge between them (Louvain needs a simple graph). */
function simpleGraph(data: GraphData, maxDocs: number): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const n of data.nodes) g.addNode(n.id, { size: nodeSize(n, maxDocs) });
  for (const e of data.edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    if (g.hasEdge(e.source, e.target)) g.updateEdgeAttribute(e.source, e.target, 'weight', (w: number) => w + e.weight);
    else g.addEdge(e.source, e.target, { weight: e.weight });
  }
  return g;
}

/** `previous`: the layout drawn before, when this graph grows from it (see below). */
/** The larger side of the points' bounding box. */
function spread(ps: { x: number; y: number }[]): number {
  const xs = ps.map((p) => p.x);
  const ys = ps.map((p) => p.y);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
}

/** A fixed angle per id, so new actors around one neighbour do not start on one point. */
function hashAngle(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 4294967296) * 2 * Math.PI;
}

export function layoutGraph(data: GraphData, previous: Layout | null = null): Layout {
  const maxDocs = Math.max(1, ...data.nodes.map((n) => n.documents));
  const g = simpleGraph(data, maxDocs);
  const raw = g.size ? louvain(g, { getEdgeWeight: 'weight', rng: seeded(17) }) : Object.fromEntries(g.nodes().map((id, i) => [id, i]));

  // Communities numbered by size (largest first), each named after its most documented actor.
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const members = new Map<number, string[]>();
  for (const id of g.nodes()) members.set(raw[id]!, [...(members.get(raw[id]!) ?? []), id]);
  const ordered = [...members.values()].map((ids) => ids.sort((a, b) => byId.get(b)!.documents - byId.get(a)!.documents || a.localeCompare(b)))
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const community = new Map<string, number>();
  const communities: Community[] = ordered.map((ids, index) => {
    for (const id of ids) community.set(id, index);
    return { index, name: byId.get(ids[0]!)!.name, size: ids.length };
  });

  // Each community starts on its own small circle, the circles around a large one: ForceAtlas2 then only has to
  // settle them, and communities come out apart. When the graph grows from one already drawn (an expansion),
  // the actors already there start where they were and a new one beside its drawn neighbours, so the picture
  // moves as little as it can.
  const k = ordered.length;
  ordered.forEach((ids, c) => {
    const a = (2 * Math.PI * c) / k;
    const [cx, cy] = k > 1 ? [10 * Math.cos(a), 10 * Math.sin(a)] : [0, 0];
    const r = Math.sqrt(ids.length);
    ids.forEach((id, i) => {
      const b = (2 * Math.PI * i) / ids.length;
      g.mergeNodeAttributes(id, { x: cx + r * Math.cos(b), y: cy + r * Math.sin(b) });
    });
  });
  const kept = previous ? g.filterNodes((id) => previous.positions.has(id)) : [];
  if (previous && kept.length) {
    for (const id of kept) g.mergeNodeAttributes(id, previous.positions.get(id)!);
    const span = spread(kept.map((id) => previous.positions.get(id)!));
    g.forEachNode((id) => {
      if (previous.positions.has(id)) return;
      const near = g.neighbors(id).map((n) => previous.positions.get(n)).filter((p): p is { x: number; y: number } => !!p);
      const h = hashAngle(id);
      const at = near.length
        ? { x: near.reduce((t, p) => t + p.x, 0) / near.length, y: near.reduce((t, p) => t + p.y, 0) / near.length }
        : { x: 0, y: 0 };
      g.mergeNodeAttributes(id, { x: at.x + 0.15 * span * Math.cos(h), y: at.y + 0.15 * span * Math.sin(h) });
    });
  }
  const iterations = previous && kept.length ? CONTINUE_ITERATIONS : ITERATIONS;
  if (g.size) forceAtlas2.assign(g, { iterations, getEdgeWeight: 'weight', settings: { ...forceAtlas2.inferSettings(g), edgeWeightInfluence: 1 } });

  // Noverlap works in layout units; a disc is drawn in pixels once the layout is fitted to the canvas.
  const xs = g.mapNodes((_, a) => a.x as number);
  const ys = g.mapNodes((_, a) => a.y as number);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-6);
  const unitsPerPx = extent / FIT_PX;
  if (g.order > 1) {
    noverlap.assign(g, {
      maxIterations: 300,
      inputReducer: (_, a) => ({ x: a.x, y: a.y, size: ((a.size ?? 4) + MARGIN_PX) * unitsPerPx }),
      settings: { margin: 0, ratio: 1, expansion: 1.05, speed: 3 },
    });
  }
  const positions = new Map<string, { x: number; y: number }>();
  const sizes = new Map<string, number>();
  g.forEachNode((id, a) => {
    positions.set(id, { x: a.x as number, y: a.y as number });
    sizes.set(id, a.size as number);
  });
  return { positions, sizes, community, communities };
}
