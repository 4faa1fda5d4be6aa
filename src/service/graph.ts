/**
 * The actor graph: who appears with whom (co-occurrence in a document) and who did what to whom (PLOVER events,
 * split cooperative/conflictual and verbal/material), with weights and the date range each edge spans.
 */
import type { Queryable } from '../store/db.js';
import { Where } from './where.js';
import { loadOverrides } from './corrections.js';
import { correctGraph } from './corrected.js';
import { nationFolds, type NationFold, type NationMode } from './nations.js';
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
  const dem = (w: Where): string => folds.length
    ? `(SELECT m.document_id, coalesce(fo.into_id, m.entity_id) AS entity_id, sum(m.mentions)::int AS mentions
          FROM document_entities m LEFT JOIN unnest(${w.param(folds.map((x) => x.from))}::text[], ${w.param(folds.map((x) => x.into))}::text[]) AS fo(from_id, into_id)
            ON fo.from_id = m.entity_id GROUP BY 1, 2)`
    : 'document_entities';
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
    if (f.actor) w.add(`m.document_id IN (SELECT document_id FROM ${dem(w)} a WHERE a.entity_id = ${w.param(f.actor)})`);
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
    const w = docs();
    const idList = w.param(ids);
    const rows = (await db.query<{ a: string; b: string; weight: number; first: string | null; last: string | null }>(
      `WITH em AS (SELECT m.document_id, m.entity_id, d.date FROM ${dem(w)} m JOIN documents d ON d.id = m.document_id
                    ${w.sql} AND m.entity_id = ANY(${idList}::text[]))
       SELECT a.entity_id AS a, b.entity_id AS b, count(*)::int AS weight,
              to_char(min(a.date), 'YYYY-MM-DD') AS first, to_char(max(a.date), 'YYYY-MM-DD') AS last
         FROM em a JOIN em b ON a.document_id = b.document_id AND a.entity_id < b.entity_id
        GROUP BY a.entity_id, b.entity_id`, w.params)).rows;
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
    const idList = w.param(ids);
    const rows = (await db.query<{ source: string; target: string; type: string; n: number; first: string | null; last: string | null }>(
      `SELECT ${source} AS source, ${target} AS target, v.type, count(*)::int AS n, min(${EVENT_DAY}) AS first, max(${EVENT_DAY}) AS last
         FROM events v JOIN documents d ON d.id = v.document_id
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
