/**
 * The actor graph: who appears with whom (co-occurrence in a document) and who did what to whom (PLOVER events,
 * split cooperative/conflictual and verbal/material), with weights and the date range each edge spans.
 */
import type { Queryable } from '../store/db.js';
import { Where } from './where.js';
import { loadOverrides, type Overrides } from './corrections.js';
import { dateInterval } from '../resolve/dates.js';
import { correctGraph } from './corrected.js';
import { nationFolds, type NationFold, type NationMode } from './nations.js';
import { graphWindow } from './graph-window.js';
import type { KnowledgeBase } from '../model/types.js';

export type EdgeKind = 'cooccurrence' | 'cooperative' | 'conflictual';
export const EDGE_KINDS: readonly EdgeKind[] = ['cooccurrence', 'cooperative', 'conflictual'];

/** PLOVER's quad classes: the sign of an event (cooperative or conflictual) and whether it is talk or action. */
export const EVENT_CLASS: Record<string, { kind: 'cooperative' | 'conflictual'; mode: 'verbal' | 'material' }> = {
  AGREE: { kind: 'cooperative', mode: 'verbal' },
  CONSULT: { kind: 'cooperative', mode: 'verbal' },
  SUPPORT: { kind: 'cooperative', mode: 'verbal' },
  CONCEDE: { kind: 'cooperative', mode: 'material' },
  COOPERATE: { kind: 'cooperative', mode: 'material' },
  AID: { kind: 'cooperative', mode: 'material' },
  RETREAT: { kind: 'cooperative', mode: 'material' },
  REQUEST: { kind: 'conflictual', mode: 'verbal' },
  ACCUSE: { kind: 'conflictual', mode: 'verbal' },
  REJECT: { kind: 'conflictual', mode: 'verbal' },
  THREATEN: { kind: 'conflictual', mode: 'verbal' },
  PROTEST: { kind: 'conflictual', mode: 'material' },
  SANCTION: { kind: 'conflictual', mode: 'material' },
  MOBILIZE: { kind: 'conflictual', mode: 'material' },
  COERCE: { kind: 'conflictual', mode: 'material' },
  ASSAULT: { kind: 'conflictual', mode: 'material' },
};

export interface GraphNode {
  id: string;
  name: string;
  type: string;
  kbId: string | null;
  documents: number;
  mentions: number;
  /** The analyst's corrections behind this actor as drawn (merged, split off, renamed…), when any. */
  corrections?: string[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** For event edges: talk or action; null for co-occurrence. */
  mode: 'verbal' | 'material' | null;
  /** Documents (co-occurrence) or events (event edges). */
  weight: number;
  /** Event edges: how many events of each PLOVER type. */
  types: Record<string, number>;
  from: string | null;
  to: string | null;
  /** The analyst's corrections behind this link (an event corrected, a split), when any. */
  corrections?: string[];
}

export interface GraphFilter {
  from?: string;
  to?: string;
  kinds?: EdgeKind[];
  /** PLOVER types to keep among event edges. */
  types?: string[];
  /** Only this actor and its neighbours. */
  actor?: string;
  /** Entity types to keep among the actors (the `actor` itself is always kept). */
  entityTypes?: string[];
  /** Most connected actors kept (by documents). */
  maxNodes?: number;
  /** NORP actors counted with their states (default) or apart (service/nations.ts). */
  nations?: NationMode;
  /** The KB whose demonyms lead a NORP actor to its state; the bundled one when absent. */
  kb?: KnowledgeBase;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The day an event happened when the text gives it, else its document's date; a string compares as a date. (A
 * stored date is ISO, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: LIKE tells a day from the others at a fraction of a
 * regular expression's cost, which was evaluated twice for each of the window's ~6,000 linked events.)
 */
const EVENT_DAY = `coalesce(CASE WHEN v.date_value LIKE '____-__-__' THEN v.date_value END, to_char(d.date, 'YYYY-MM-DD'))`;

/** Co-occurrence links kept per actor (its strongest). */
export const CO_LINKS_PER_ACTOR = 8;

/**
 * The graph as corrected: actors merged by an analyst are one node, renamed ones carry their new name and type, an
 * actor split off is a node of its own with the documents, mentions and links it took; a rejected event is no
 * link, and an event given another type, actors or date is the link it was corrected to. A people is one node with
 * its state ("Russian" with Russia) unless `nations: 'separate'`. Documents an analyst's correction touches are
 * read report by report (few); the rest is counted in SQL as stored.
 */
export async function buildGraph(db: Queryable, f: GraphFilter = {}): Promise<Graph> {
  const ov = await loadOverrides(db);
  const folds = f.nations === 'separate' ? [] : await nationFolds(db, f.kb);
  // A folded actor reads as its state everywhere, the actor asked for too.
  const into = new Map(folds.map((x) => [x.from, x.into]));
  const actor = f.actor ? ov.canonical(into.get(f.actor) ?? f.actor) : undefined;
  const stored = await buildStoredGraph(db, { ...f, actor }, folds, ov);
  let g = ov.empty ? stored : await correctGraph(db, ov, stored);
  if (!ov.empty && f.entityTypes?.length) {
    // A corrected type counts for the filter (the SQL read the stored types, widened by the corrected ones).
    const types = new Set(f.entityTypes);
    const keepNode = new Set(g.nodes.filter((n) => types.has(n.type) || n.id === actor).map((n) => n.id));
    g = { nodes: g.nodes.filter((n) => keepNode.has(n.id)), edges: g.edges.filter((e) => keepNode.has(e.source) && keepNode.has(e.target)) };
  }
  if (!actor) return g;
  const edges = g.edges.filter((e) => e.source === actor || e.target === actor);
  const keep = new Set([actor, ...edges.flatMap((e) => [e.source, e.target])]);
  return { nodes: g.nodes.filter((n) => keep.has(n.id)), edges };
}

/** Documents read report by report because a correction touches them: an event corrected there, or a split. */
function touchedDocuments(ov: Overrides): Set<string> {
  const out = new Set<string>();
  for (const key of ov.events.keys()) out.add(key.slice(0, key.indexOf('|')));
  for (const s of ov.splitEntities()) for (const d of s.documents) out.add(d);
  return out;
}

async function buildStoredGraph(db: Queryable, f: GraphFilter, folds: NationFold[], ov: Overrides): Promise<Graph> {
  const into = new Map(folds.map((x) => [x.from, x.into]));
  // The actor asked for is read from every stored id that reads as it (merged into it; a split's own documents).
  const split = f.actor?.startsWith('c:') ? ov.splitEntities().find((x) => x.id === f.actor) : undefined;
  const members = f.actor ? (split ? [split.from] : ov.members(f.actor).filter((id) => !id.startsWith('c:'))) : [];
  // With folds, each document's actors are read through them (`dem`: one row per document and folded actor), so a
  // document naming Russia and "Russian" counts once for Russia; without, the stored rows are read as they are.
  // Only the latest documents are read (graph-window.ts): the rows of those, folded or not.
  const windowed = await graphWindow(db, f, folds, f.actor && (split || members.length > 1) ? { ids: members, only: split?.documents } : {});
  const window = windowed.map((d) => d.id);
  const dayOf = new Map(windowed.map((d) => [d.id, d.date]));
  const dem = (w: Where): string => folds.length
    ? `(SELECT m.document_id, coalesce(fo.into_id, m.entity_id) AS entity_id, sum(m.mentions)::int AS mentions, min(m.doc_date) AS doc_date
          FROM document_entities m LEFT JOIN unnest(${w.param(folds.map((x) => x.from))}::text[], ${w.param(folds.map((x) => x.into))}::text[]) AS fo(from_id, into_id)
            ON fo.from_id = m.entity_id WHERE m.document_id = ANY(${w.param(window)}::text[]) GROUP BY 1, 2)`
    : `(SELECT * FROM document_entities WHERE document_id = ANY(${w.param(window)}::text[]))`;
  const touched = ov.empty ? new Set<string>() : touchedDocuments(ov);
  // A split is read per document: which stored id reads as which in a touched document.
  const asIn = (doc: string, id: string) => ov.splitIn(doc, id)?.into ?? id;
  const kinds = new Set(f.kinds?.length ? f.kinds : EDGE_KINDS);
  const maxNodes = f.maxNodes ?? 120;
  // Every query below keeps the same documents: originals (not near-duplicates) in the date range.
  const docs = () => new Where().add('d.near_duplicate_of IS NULL').dateRange('d.date', f.from, f.to);
  const types = f.entityTypes?.length ? f.entityTypes : null;
  const splits = ov.empty ? [] : ov.splitEntities();
  // The type filter is widened by the ids a correction may give another type, or split off; buildGraph narrows it.
  const widen = [...new Set([...members, ...ov.typeEdits().keys(), ...splits.map((x) => x.from)])].filter((id) => !id.startsWith('c:'));
  const typeCondition = (w: Where) => (widen.length
    ? `(e.type = ANY(${w.param(types)}::text[]) OR e.id = ANY(${w.param(widen)}::text[]))`
    : `e.type = ANY(${w.param(types)}::text[])`);
  const unfiltered = !f.from && !f.to && !f.actor && !folds.length;
  let nodes: GraphNode[];
  if (unfiltered) {
    // Unfiltered, the running counts on the actors answer at once.
    const w = new Where().add('e.document_count > 0');
    if (types) w.add(typeCondition(w));
    nodes = (await db.query<GraphNode>(
      `SELECT e.id, e.name, e.type, e.kb_id AS "kbId", e.document_count AS documents, e.mention_count AS mentions
         FROM entities e ${w.sql} ORDER BY e.document_count DESC, e.mention_count DESC, e.name LIMIT ${w.param(maxNodes + splits.length)}`, w.params)).rows;
  } else {
    const w = docs();
    const rows = dem(w);
    // (The window is the actor's own documents: every one names it.)
    if (types) w.add(typeCondition(w));
    nodes = (await db.query<GraphNode>(
      `SELECT e.id, e.name, e.type, e.kb_id AS "kbId", count(*)::int AS documents, sum(m.mentions)::int AS mentions
         FROM ${rows} m JOIN documents d ON d.id = m.document_id JOIN entities e ON e.id = m.entity_id
        ${w.sql} GROUP BY e.id, e.name, e.type, e.kb_id
        ORDER BY documents DESC, mentions DESC, e.name LIMIT ${w.param(maxNodes + splits.length)}`, w.params)).rows;
  }
  if (splits.length) nodes = await withSplits(db, nodes, splits, unfiltered ? null : window, maxNodes);
  else nodes = nodes.slice(0, maxNodes);
  if (!nodes.length) return { nodes, edges: [] };
  const nodeSet = new Set(nodes.map((n) => n.id));
  // The stored ids the rows name: a split-off actor is read from the one it was split from.
  const splitFrom = new Map(splits.map((x) => [x.id, x.from]));
  const ids = [...new Set(nodes.map((n) => splitFrom.get(n.id) ?? n.id))];
  const edges: GraphEdge[] = [];

  if (kinds.has('cooccurrence')) {
    // Each document's actors are read once and paired here: a self-join of the rows in SQL made and grouped every
    // pair (150,000 for 500 documents), three quarters of the graph's time. The window holds originals in range
    // only, so the rows need no join to their documents (doc_date is the document's).
    // One row per document (its actors joined in one string): PGlite hands rows over one by one, and 12,000 rows
    // of 300 documents took ten times as long as 300.
    const w = new Where();
    // (Dated by the window's dates: a min() of each document's rows with its to_char had doubled the query.)
    const byDoc = (await db.query<{ doc: string; ids: string }>(
      `SELECT m.document_id AS doc, string_agg(m.entity_id, '|') AS ids FROM ${dem(w)} m
        WHERE m.entity_id = ANY(${w.param(ids)}::text[]) GROUP BY m.document_id`, w.params)).rows;
    // Pairs counted in arrays indexed by the two actors' places in id order (a key string per pair and a Map
    // lookup for each of the ~250,000 pairs of 300 busy documents was most of the graph's time).
    const order = [...nodeSet].sort();
    const at = new Map(order.map((id, i) => [id, i]));
    const N = order.length;
    const weight = new Int32Array(N * N);
    const first: (string | null)[] = new Array(N * N).fill(null);
    const last: (string | null)[] = new Array(N * N).fill(null);
    const pairFixes = new Map<number, string[]>();
    for (const { doc, ids: joined } of byDoc) {
      const date = dayOf.get(doc) ?? null;
      // ('|' is in no entity id: KB ids are slugs, a discovered one's name is normalised to letters, digits, spaces.)
      let here = joined.split('|');
      // In a document a split names, its actor reads as the one split off.
      const made = touched.has(doc) ? here.map((id) => ov.splitIn(doc, id)).filter((x) => !!x) : [];
      const fixes = made.map((x) => x.id);
      const splitOff = new Set(made.map((x) => x.into));
      if (made.length) here = [...new Set(here.map((id) => asIn(doc, id)))];
      const idx = here.map((id) => at.get(id)).filter((i): i is number => i !== undefined).sort((a, b) => a - b);
      for (let x = 0; x < idx.length; x++) {
        for (let y = x + 1; y < idx.length; y++) {
          const k = idx[x]! * N + idx[y]!;
          weight[k]!++;
          if (date && (!first[k] || date < first[k]!)) first[k] = date;
          if (date && (!last[k] || date > last[k]!)) last[k] = date;
          if (made.length && (splitOff.has(order[idx[x]!]!) || splitOff.has(order[idx[y]!]!))) pairFixes.set(k, [...new Set([...(pairFixes.get(k) ?? []), ...fixes])]);
        }
      }
    }
    const pairs: { a: string; b: string; weight: number; first: string | null; last: string | null; corrections?: string[] }[] = [];
    for (let k = 0; k < weight.length; k++) {
      if (!weight[k]) continue;
      const fixed = pairFixes.get(k);
      pairs.push({ a: order[Math.floor(k / N)]!, b: order[k % N]!, weight: weight[k]!, first: first[k]!, last: last[k]!, ...(fixed ? { corrections: fixed } : {}) });
    }
    const rows = pairs;
    // Everything co-occurs with everything in a busy store: keep each actor's strongest links only.
    const kept = new Map<string, number>();
    rows.sort((x, y) => y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
    for (const r of rows) {
      if ((kept.get(r.a) ?? 0) >= CO_LINKS_PER_ACTOR && (kept.get(r.b) ?? 0) >= CO_LINKS_PER_ACTOR) continue;
      kept.set(r.a, (kept.get(r.a) ?? 0) + 1);
      kept.set(r.b, (kept.get(r.b) ?? 0) + 1);
      edges.push({ id: `co:${r.a}|${r.b}`, source: r.a, target: r.b, kind: 'cooccurrence', mode: null, weight: r.weight, types: {}, from: r.first, to: r.last,
        ...(r.corrections ? { corrections: r.corrections } : {}) });
    }
  }

  if (kinds.has('cooperative') || kinds.has('conflictual')) {
    const w = docs();
    // An event's actors read through the folds too.
    const actor = (col: string) => folds.length
      ? `coalesce((${w.param(folds.map((x) => x.into))}::text[])[array_position(${w.param(folds.map((x) => x.from))}::text[], ${col})], ${col})`
      : col;
    const source = actor('v.source_id');
    const target = actor('v.target_id');
    w.add('NOT v.negated').add(`${source} <> ${target}`);
    // The window's events first (OFFSET 0 keeps the planner from reading the actors' event indexes across the
    // store instead: 400,000 entries for every actor at 10,000 documents), and only the window's documents.
    // Documents a correction touches are read report by report below, the rest counted here.
    const stored = touched.size ? window.filter((d) => !touched.has(d)) : window;
    const inWindow = w.param(stored);
    w.add(`d.id = ANY(${inWindow}::text[])`);
    const idList = w.param(ids);
    type Row = { source: string; target: string; type: string; n: number; first: string | null; last: string | null; corrections?: string[] };
    // Each linked event's day is worked out once (in the inner query), then the min and max of each link taken;
    // only the columns the link needs are read from the events.
    const rows: Row[] = (await db.query<Row>(
      `SELECT source, target, type, count(*)::int AS n, min(day) AS first, max(day) AS last FROM (
         SELECT ${source} AS source, ${target} AS target, v.type, ${EVENT_DAY} AS day
           FROM (SELECT document_id, source_id, target_id, type, date_value, negated FROM events WHERE document_id = ANY(${inWindow}::text[]) OFFSET 0) v
           JOIN documents d ON d.id = v.document_id
          ${w.sql} AND ${source} = ANY(${idList}::text[]) AND ${target} = ANY(${idList}::text[])) x
        GROUP BY 1, 2, 3`, w.params)).rows;
    const own = window.filter((d) => touched.has(d));
    if (own.length) rows.push(...await correctedEventRows(db, ov, own, (id) => into.get(id) ?? id, (id) => nodeSet.has(id) || nodeSet.has(ov.canonical(id))));
    const wanted = f.types?.length ? new Set(f.types.map((t) => t.toUpperCase())) : null;
    const merged = new Map<string, GraphEdge>();
    for (const r of rows) {
      const cls = EVENT_CLASS[r.type];
      if (!cls || !kinds.has(cls.kind) || (wanted && !wanted.has(r.type))) continue;
      const id = `${cls.kind}:${cls.mode}:${r.source}>${r.target}`;
      let e = merged.get(id);
      if (!e) merged.set(id, (e = { id, source: r.source, target: r.target, kind: cls.kind, mode: cls.mode, weight: 0, types: {}, from: r.first, to: r.last }));
      if (r.corrections) e.corrections = [...new Set([...(e.corrections ?? []), ...r.corrections])];
      e.weight += r.n;
      e.types[r.type] = (e.types[r.type] ?? 0) + r.n;
      if (r.first && (!e.from || r.first < e.from)) e.from = r.first;
      if (r.last && (!e.to || r.last > e.to)) e.to = r.last;
    }
    edges.push(...merged.values());
  }
  return { nodes, edges };
}

/**
 * The actors as corrected by splits: in the documents a split names, the actor split from gives its documents and
 * mentions to the one split off (`window`: the documents counted, null for the running counts over the store).
 */
async function withSplits(db: Queryable, nodes: GraphNode[], splits: ReturnType<Overrides['splitEntities']>, window: string[] | null, maxNodes: number): Promise<GraphNode[]> {
  const params: unknown[] = [[...new Set(splits.map((x) => x.from))], [...new Set(splits.flatMap((x) => x.documents))]];
  if (window) params.push(window);
  const rows = (await db.query<{ document_id: string; entity_id: string; mentions: number }>(
    `SELECT m.document_id, m.entity_id, m.mentions FROM document_entities m JOIN documents d ON d.id = m.document_id
      WHERE m.entity_id = ANY($1::text[]) AND m.document_id = ANY($2::text[]) AND d.near_duplicate_of IS NULL${window ? ' AND m.document_id = ANY($3::text[])' : ''}`,
    params)).rows;
  const byId = new Map(nodes.map((n) => [n.id, { ...n }]));
  for (const s of splits) {
    const took = rows.filter((r) => r.entity_id === s.from && s.documents.includes(r.document_id));
    if (!took.length) continue;
    const mentions = took.reduce((k, r) => k + r.mentions, 0);
    const from = byId.get(s.from);
    if (from) Object.assign(from, { documents: from.documents - took.length, mentions: from.mentions - mentions });
    byId.set(s.id, { id: s.id, name: s.name, type: s.type, kbId: null, documents: took.length, mentions });
  }
  return [...byId.values()].filter((n) => n.documents > 0)
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, maxNodes);
}

/**
 * The events of documents a correction touches, one by one as corrected: a rejected or negated one is none, a
 * corrected type, actor or date is read as given, an actor a split names in that document is the one split off
 * (`fold`: a people read as its state, as the SQL reads the rest). Only events between actors `drawn` are kept.
 */
async function correctedEventRows(db: Queryable, ov: Overrides, documents: string[], fold: (id: string) => string, drawn: (id: string) => boolean) {
  const rows = (await db.query<{ document_id: string; trigger_start: number; trigger_end: number; source_id: string | null; target_id: string | null; type: string; negated: boolean; day: string | null; doc_day: string | null }>(
    `SELECT v.document_id, v.trigger_start, v.trigger_end, v.source_id, v.target_id, v.type, v.negated, ${EVENT_DAY} AS day, to_char(d.date, 'YYYY-MM-DD') AS doc_day
       FROM events v JOIN documents d ON d.id = v.document_id WHERE v.document_id = ANY($1::text[])`, [documents])).rows;
  const out: { source: string; target: string; type: string; n: number; first: string | null; last: string | null; corrections?: string[] }[] = [];
  for (const r of rows) {
    if (r.negated) continue;
    const o = ov.event(r.document_id, r.trigger_start, r.trigger_end);
    if (o?.rejected) continue;
    const fixes = [...(o?.corrections ?? [])];
    const read = (id: string | null) => {
      if (!id) return null;
      const split = ov.splitIn(r.document_id, id);
      if (split) fixes.push(split.id);
      return fold(split?.into ?? id);
    };
    const source = read(o && 'source' in o ? o.source ?? null : r.source_id);
    const target = read(o && 'target' in o ? o.target ?? null : r.target_id);
    if (!source || !target || source === target || !drawn(source) || !drawn(target)) continue;
    const span = o && 'date' in o ? dateInterval(o.date ?? null) : null;
    const [first, last] = o && 'date' in o ? [span?.from ?? r.doc_day, span?.to ?? r.doc_day] : [r.day, r.day];
    out.push({ source, target, type: o?.type ?? r.type, n: 1, first, last, ...(fixes.length ? { corrections: [...new Set(fixes)] } : {}) });
  }
  return out;
}
