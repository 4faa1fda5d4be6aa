/**
 * The actor graph: who appears with whom (co-occurrence in a document) and who did what to whom (PLOVER events,
 * split cooperative/conflictual and verbal/material), with weights and the date range each edge spans.
 */
import type { Queryable } from '../store/db.js';
import { Where } from './where.js';
import { loadOverrides } from './corrections.js';
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

/** The day an event happened when the text gives it, else its document's date; a string compares as a date. */
const EVENT_DAY = `coalesce(CASE WHEN v.date_value ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN v.date_value END, to_char(d.date, 'YYYY-MM-DD'))`;

/** Co-occurrence links kept per actor (its strongest). */
export const CO_LINKS_PER_ACTOR = 8;

/**
 * The graph as corrected: actors merged by an analyst are one node, renamed ones carry their new name; a people
 * is one node with its state ("Russian" with Russia) unless `nations: 'separate'`.
 */
export async function buildGraph(db: Queryable, f: GraphFilter = {}): Promise<Graph> {
  const ov = await loadOverrides(db);
  const folds = f.nations === 'separate' ? [] : await nationFolds(db, f.kb);
  const g = await buildStoredGraph(db, f, folds);
  return ov.empty ? g : correctGraph(db, ov, g);
}

async function buildStoredGraph(db: Queryable, f0: GraphFilter, folds: NationFold[]): Promise<Graph> {
  // A folded actor reads as its state everywhere, the actor asked for too.
  const into = new Map(folds.map((x) => [x.from, x.into]));
  const f = f0.actor && into.has(f0.actor) ? { ...f0, actor: into.get(f0.actor)! } : f0;
  // With folds, each document's actors are read through them (`dem`: one row per document and folded actor), so a
  // document naming Russia and "Russian" counts once for Russia; without, the stored rows are read as they are.
  // Only the latest documents are read (graph-window.ts): the rows of those, folded or not.
  const window = await graphWindow(db, f, folds);
  const dem = (w: Where): string => folds.length
    ? `(SELECT m.document_id, coalesce(fo.into_id, m.entity_id) AS entity_id, sum(m.mentions)::int AS mentions, min(m.doc_date) AS doc_date
          FROM document_entities m LEFT JOIN unnest(${w.param(folds.map((x) => x.from))}::text[], ${w.param(folds.map((x) => x.into))}::text[]) AS fo(from_id, into_id)
            ON fo.from_id = m.entity_id WHERE m.document_id = ANY(${w.param(window)}::text[]) GROUP BY 1, 2)`
    : `(SELECT * FROM document_entities WHERE document_id = ANY(${w.param(window)}::text[]))`;
  const kinds = new Set(f.kinds?.length ? f.kinds : EDGE_KINDS);
  const maxNodes = f.maxNodes ?? 120;
  // Every query below keeps the same documents: originals (not near-duplicates) in the date range.
  const docs = () => new Where().add('d.near_duplicate_of IS NULL').dateRange('d.date', f.from, f.to);
  const types = f.entityTypes?.length ? f.entityTypes : null;
  let nodes: GraphNode[];
  if (!f.from && !f.to && !f.actor && !folds.length) {
    // Unfiltered, the running counts on the actors answer at once.
    const w = new Where().add('e.document_count > 0');
    if (types) w.add('e.type = ANY($::text[])', types);
    nodes = (await db.query<GraphNode>(
      `SELECT e.id, e.name, e.type, e.kb_id AS "kbId", e.document_count AS documents, e.mention_count AS mentions
         FROM entities e ${w.sql} ORDER BY e.document_count DESC, e.mention_count DESC, e.name LIMIT ${w.param(maxNodes)}`, w.params)).rows;
  } else {
    const w = docs();
    const rows = dem(w);
    // (The window is the actor's own documents: every one names it.)
    if (types && f.actor) w.add(`(e.type = ANY(${w.param(types)}::text[]) OR e.id = ${w.param(f.actor)})`);
    else if (types) w.add('e.type = ANY($::text[])', types);
    nodes = (await db.query<GraphNode>(
      `SELECT e.id, e.name, e.type, e.kb_id AS "kbId", count(*)::int AS documents, sum(m.mentions)::int AS mentions
         FROM ${rows} m JOIN documents d ON d.id = m.document_id JOIN entities e ON e.id = m.entity_id
        ${w.sql} GROUP BY e.id, e.name, e.type, e.kb_id
        ORDER BY documents DESC, mentions DESC, e.name LIMIT ${w.param(maxNodes)}`, w.params)).rows;
  }
  if (!nodes.length) return { nodes, edges: [] };
  const ids = nodes.map((n) => n.id);
  const edges: GraphEdge[] = [];

  if (kinds.has('cooccurrence')) {
    // Each document's actors are read once and paired here: a self-join of the rows in SQL made and grouped every
    // pair (150,000 for 500 documents), three quarters of the graph's time. The window holds originals in range
    // only, so the rows need no join to their documents (doc_date is the document's).
    // One row per document (its actors joined in one string): PGlite hands rows over one by one, and 12,000 rows
    // of 300 documents took ten times as long as 300.
    const w = new Where();
    const byDoc = (await db.query<{ date: string | null; ids: string }>(
      `SELECT to_char(min(m.doc_date), 'YYYY-MM-DD') AS date, string_agg(m.entity_id, '|') AS ids FROM ${dem(w)} m
        WHERE m.entity_id = ANY(${w.param(ids)}::text[]) GROUP BY m.document_id`, w.params)).rows;
    const pairs = new Map<string, { a: string; b: string; weight: number; first: string | null; last: string | null }>();
    for (const { date, ids: joined } of byDoc) {
      // ('|' is in no entity id: KB ids are slugs, a discovered one's name is normalised to letters, digits, spaces.)
      const here = joined.split('|').sort();
      for (let x = 0; x < here.length; x++) {
        for (let y = x + 1; y < here.length; y++) {
          const [a, b] = [here[x]!, here[y]!];
          const key = `${a}|${b}`;
          const p = pairs.get(key);
          if (!p) pairs.set(key, { a, b, weight: 1, first: date, last: date });
          else {
            p.weight++;
            if (date && (!p.first || date < p.first)) p.first = date;
            if (date && (!p.last || date > p.last)) p.last = date;
          }
        }
      }
    }
    const rows = [...pairs.values()];
    // Everything co-occurs with everything in a busy store: keep each actor's strongest links only.
    const kept = new Map<string, number>();
    rows.sort((x, y) => y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
    for (const r of rows) {
      if ((kept.get(r.a) ?? 0) >= CO_LINKS_PER_ACTOR && (kept.get(r.b) ?? 0) >= CO_LINKS_PER_ACTOR) continue;
      kept.set(r.a, (kept.get(r.a) ?? 0) + 1);
      kept.set(r.b, (kept.get(r.b) ?? 0) + 1);
      edges.push({ id: `co:${r.a}|${r.b}`, source: r.a, target: r.b, kind: 'cooccurrence', mode: null, weight: r.weight, types: {}, from: r.first, to: r.last });
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
    const inWindow = w.param(window);
    w.add(`d.id = ANY(${inWindow}::text[])`);
    const idList = w.param(ids);
    const rows = (await db.query<{ source: string; target: string; type: string; n: number; first: string | null; last: string | null }>(
      `SELECT ${source} AS source, ${target} AS target, v.type, count(*)::int AS n, min(${EVENT_DAY}) AS first, max(${EVENT_DAY}) AS last
         FROM (SELECT * FROM events WHERE document_id = ANY(${inWindow}::text[]) OFFSET 0) v JOIN documents d ON d.id = v.document_id
        ${w.sql} AND ${source} = ANY(${idList}::text[]) AND ${target} = ANY(${idList}::text[])
        GROUP BY 1, 2, v.type`, w.params)).rows;
    const wanted = f.types?.length ? new Set(f.types.map((t) => t.toUpperCase())) : null;
    const merged = new Map<string, GraphEdge>();
    for (const r of rows) {
      const cls = EVENT_CLASS[r.type];
      if (!cls || !kinds.has(cls.kind) || (wanted && !wanted.has(r.type))) continue;
      const id = `${cls.kind}:${cls.mode}:${r.source}>${r.target}`;
      let e = merged.get(id);
      if (!e) merged.set(id, (e = { id, source: r.source, target: r.target, kind: cls.kind, mode: cls.mode, weight: 0, types: {}, from: r.first, to: r.last }));
      e.weight += r.n;
      e.types[r.type] = (e.types[r.type] ?? 0) + r.n;
      if (r.first && (!e.from || r.first < e.from)) e.from = r.first;
      if (r.last && (!e.to || r.last > e.to)) e.to = r.last;
    }
    edges.push(...merged.values());
  }
  const keep = f.actor ? new Set([f.actor, ...edges.filter((e) => e.source === f.actor || e.target === f.actor).flatMap((e) => [e.source, e.target])]) : null;
  return keep
    ? { nodes: nodes.filter((n) => keep.has(n.id)), edges: edges.filter((e) => e.source === f.actor || e.target === f.actor) }
    : { nodes, edges };
}
