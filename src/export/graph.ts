/**
 * The actor graph behind the GEXF and GraphML exports: actors as nodes (dated by the documents that mention
 * them), and two kinds of edges: co-occurrence (two actors named in the same documents; weight = how many, dated
 * first to last) and events (one per timeline entry with both a source and a target, dated by the event).
 */
import type { Queryable } from '../store/db.js';
import { dateInterval } from '../resolve/dates.js';
import type { KnowledgeBase } from '../model/types.js';
import { nationFolds, type NationMode } from '../service/nations.js';

export interface GraphNode {
  /** A short id valid in any XML id attribute (n0, n1, ...). */
  key: string;
  entityId: string;
  label: string;
  type: string;
  kbId: string | null;
  wikidata: string | null;
  documents: number;
  start: string | null;
  end: string | null;
}

export interface GraphEdge {
  key: string;
  source: string;
  target: string;
  relation: 'co-occurrence' | 'event';
  directed: boolean;
  /** PLOVER type for event edges. */
  eventType: string | null;
  cameo: string | null;
  weight: number;
  start: string | null;
  end: string | null;
}

export interface ActorGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * `nations`: NORP actors are one node with their states ("Russian" with Russia, service/nations.ts) unless
 * 'separate'; a document naming both counts once.
 */
export async function actorGraph(db: Queryable, o: { nations?: NationMode; kb?: KnowledgeBase } = {}): Promise<ActorGraph> {
  const folds = o.nations === 'separate' ? [] : await nationFolds(db, o.kb);
  const fold = [folds.map((x) => x.from), folds.map((x) => x.into)];
  // Each document's actors, one row per document and actor as counted.
  const DE = `de AS (SELECT DISTINCT m.document_id, coalesce(fo.into_id, m.entity_id) AS entity_id FROM document_entities m
                      LEFT JOIN unnest($1::text[], $2::text[]) AS fo(from_id, into_id) ON fo.from_id = m.entity_id)`;
  const nodeRows = (await db.query<any>(
    `WITH ${DE}
     SELECT e.id, e.name, e.type, e.kb_id, e.wikidata, count(*)::int AS documents,
            to_char(min(d.date), 'YYYY-MM-DD') AS start, to_char(max(d.date), 'YYYY-MM-DD') AS "end"
       FROM de m
       JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id
      GROUP BY e.id, e.name, e.type, e.kb_id, e.wikidata ORDER BY e.id`, fold)).rows;
  const nodes: GraphNode[] = nodeRows.map((r, i) => ({
    key: `n${i}`, entityId: r.id, label: r.name, type: r.type, kbId: r.kb_id, wikidata: r.wikidata, documents: r.documents, start: r.start, end: r.end,
  }));
  const keyOf = new Map(nodes.map((n) => [n.entityId, n.key]));
  const co = (await db.query<any>(
    `WITH ${DE}
     SELECT a.entity_id AS a, b.entity_id AS b, count(*)::int AS documents,
            to_char(min(d.date), 'YYYY-MM-DD') AS start, to_char(max(d.date), 'YYYY-MM-DD') AS "end"
       FROM de a JOIN de b ON b.document_id = a.document_id AND a.entity_id < b.entity_id
       JOIN documents d ON d.id = a.document_id
      GROUP BY a.entity_id, b.entity_id ORDER BY a.entity_id, b.entity_id`, fold)).rows;
  const into = new Map(folds.map((x) => [x.from, x.into]));
  const edges: GraphEdge[] = [];
  for (const r of co) {
    const [s, t] = [keyOf.get(r.a), keyOf.get(r.b)];
    if (!s || !t) continue;
    edges.push({ key: `c${edges.length}`, source: s, target: t, relation: 'co-occurrence', directed: false, eventType: null, cameo: null,
      weight: r.documents, start: r.start, end: r.end });
  }
  const ev = (await db.query<any>(
    `SELECT t.id::text AS id, t.type, t.cameo, t.source_id, t.target_id, t.date_value, to_char(t.doc_date, 'YYYY-MM-DD') AS doc_date, t.mention_count
       FROM timeline_entries t WHERE t.source_id IS NOT NULL AND t.target_id IS NOT NULL AND t.source_id <> t.target_id
      ORDER BY t.date_from NULLS LAST, t.id`)).rows;
  for (const r of ev) {
    const [s, t] = [keyOf.get(into.get(r.source_id) ?? r.source_id), keyOf.get(into.get(r.target_id) ?? r.target_id)];
    if (!s || !t || s === t) continue;
    // An event dated only to a month spans that month; an undated one is placed at its first report.
    const when = dateInterval(r.date_value) ?? (r.doc_date ? { from: r.doc_date, to: r.doc_date } : null);
    edges.push({ key: `v${r.id}`, source: s, target: t, relation: 'event', directed: true, eventType: r.type, cameo: r.cameo,
      weight: r.mention_count, start: when?.from ?? null, end: when?.to ?? null });
  }
  return { nodes, edges };
}
