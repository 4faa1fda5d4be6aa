/**
 * The actor graph of the GEXF and GraphML exports (graph.ts reads the store as analysed) read through the analyst's
 * corrections, as the API's graph is: actors merged into one are one node and their links join; a split-off actor
 * is a node of its own with the documents and links it took; names, types and KB links are the corrected ones;
 * event links follow the timeline's corrections (a rejected report leaves its entry, an entry left without reports
 * goes, a report corrected to another type, actors or date is a link of its own). Whatever a correction changed
 * carries the correction ids (`corrections`).
 */
import type { Queryable } from '../store/db.js';
import { dateInterval } from '../resolve/dates.js';
import { entityNames, loadOverrides, type EventOverride, type Overrides } from '../service/corrections.js';
import { timelinePlan } from '../service/corrected.js';
import { actorGraph, type ActorGraph, type GraphEdge, type GraphNode } from './graph.js';
import { nationFolds } from '../service/nations.js';

export type CorrectedNode = GraphNode & { corrections?: string[] };
export type CorrectedEdge = GraphEdge & { corrections?: string[] };
export interface CorrectedGraph extends ActorGraph {
  nodes: CorrectedNode[];
  edges: CorrectedEdge[];
}

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);
const union = (a: string[] | undefined, b: string[]) => [...new Set([...(a ?? []), ...b])];

export async function correctedActorGraph(db: Queryable): Promise<CorrectedGraph> {
  const g = await actorGraph(db);
  const ov = await loadOverrides(db);
  if (ov.empty) return g;
  const idOf = new Map(g.nodes.map((n) => [n.key, n.entityId]));
  // Work by entity id; keys are given again at the end.
  const nodes = new Map<string, CorrectedNode>();
  const addNode = (n: CorrectedNode) => {
    const prev = nodes.get(n.entityId);
    if (!prev) return void nodes.set(n.entityId, { ...n });
    prev.documents += n.documents;
    prev.start = minDate(prev.start, n.start);
    prev.end = maxDate(prev.end, n.end);
    prev.corrections = union(prev.corrections, n.corrections ?? []);
  };
  const edges = new Map<string, CorrectedEdge>();
  const addEdge = (e: CorrectedEdge, source: string, target: string) => {
    if (source === target) return;
    const [a, b] = e.directed || source < target ? [source, target] : [target, source];
    const key = e.directed ? `${e.relation}|${e.eventType}|${e.key}|${a}|${b}` : `co|${a}|${b}`;
    const prev = edges.get(key);
    if (!prev) return void edges.set(key, { ...e, source: a, target: b });
    prev.weight += e.weight;
    prev.start = minDate(prev.start, e.start);
    prev.end = maxDate(prev.end, e.end);
    prev.corrections = union(prev.corrections, e.corrections ?? []);
  };

  // Splits first: what a split-off actor took from the one it was split from.
  const split = await splitParts(db, ov);
  for (const n of g.nodes) {
    const taken = split.nodes.filter((s) => s.from === n.entityId);
    const documents = n.documents - taken.reduce((k, s) => k + s.documents, 0);
    if (documents > 0) addNode({ ...n, documents, entityId: ov.canonical(n.entityId), corrections: ov.entityCorrections(null, n.entityId) });
  }
  for (const s of split.nodes) addNode({ key: '', entityId: ov.canonical(s.id), label: s.id, type: 'PERSON', kbId: null, wikidata: null, documents: s.documents, start: s.start, end: s.end, corrections: [s.correction] });
  const coTaken = new Map(split.links.map((l) => [`${l.from}|${l.other}`, l]));
  for (const e of g.edges.filter((x) => x.relation === 'co-occurrence')) {
    const [a, b] = [idOf.get(e.source)!, idOf.get(e.target)!];
    // Links the split took away from either end.
    const taken = [coTaken.get(`${a}|${b}`), coTaken.get(`${b}|${a}`)].filter((x) => !!x);
    const weight = e.weight - taken.reduce((k, l) => k + l!.documents, 0);
    const fixes = [...ov.entityCorrections(null, a), ...ov.entityCorrections(null, b), ...taken.map((l) => l!.correction)];
    if (weight > 0) addEdge({ ...e, weight, corrections: fixes.length ? [...new Set(fixes)] : undefined }, ov.canonical(a), ov.canonical(b));
  }
  for (const l of split.links) {
    addEdge({ key: '', source: '', target: '', relation: 'co-occurrence', directed: false, eventType: null, cameo: null, weight: l.documents,
      start: l.start, end: l.end, corrections: [l.correction] }, ov.canonical(l.splitId), ov.canonical(l.other));
  }

  // Event links: one per timeline entry, as the timeline reads it.
  const plan = await timelinePlan(db, ov);
  const hidden = new Set(plan.hidden);
  const fixesOf = new Map<string, EventOverride[]>();
  for (const [key, entry] of plan.byKey) fixesOf.set(entry, [...(fixesOf.get(entry) ?? []), ov.events.get(key)!]);
  for (const e of g.edges.filter((x) => x.relation === 'event')) {
    const entry = e.key.slice(1);
    if (hidden.has(entry)) continue;
    let [source, target] = [idOf.get(e.source)!, idOf.get(e.target)!];
    let { eventType, start, end } = e;
    const own = fixesOf.get(entry) ?? [];
    if (plan.whole.has(entry)) {
      const live = own.filter((o) => !o.rejected);
      const last = <K extends 'source' | 'target' | 'date' | 'type'>(k: K) => live.filter((o) => k in o).map((o) => o[k]).pop();
      if (last('type')) eventType = last('type')!;
      if (last('source') !== undefined) source = last('source') ?? '';
      if (last('target') !== undefined) target = last('target') ?? '';
      if (last('date') !== undefined) {
        const span = dateInterval(last('date'));
        if (span) [start, end] = [span.from, span.to];
      }
    }
    if (!source || !target) continue;
    const corrections = [...own.flatMap((o) => o.corrections), ...ov.entityCorrections(null, source), ...ov.entityCorrections(null, target)];
    addEdge({ ...e, eventType, start, end, weight: e.weight - (plan.goneFrom.get(entry) ?? 0), corrections: corrections.length ? [...new Set(corrections)] : undefined },
      ov.canonical(source), ov.canonical(target));
  }
  for (const m of plan.moved) {
    if (!m.sourceId || !m.targetId) continue;
    addEdge({ key: m.id, source: '', target: '', relation: 'event', directed: true, eventType: m.type, cameo: m.cameo, weight: m.mentionCount ?? 1,
      start: m.dateFrom ?? m.docDate, end: m.dateTo ?? m.docDate, corrections: m.corrections }, m.sourceId, m.targetId);
  }

  // An event link to an actor the graph has no node for (a corrected actor named nowhere else) gets one.
  const missing = [...edges.values()].flatMap((e) => [e.source, e.target]).filter((id) => !nodes.has(id));
  for (const id of new Set(missing)) addNode({ key: '', entityId: id, label: id, type: 'PERSON', kbId: null, wikidata: null, documents: 0, start: null, end: null });
  const names = await entityNames(db, ov, nodes.keys());
  const out = [...nodes.values()].sort((a, b) => a.entityId.localeCompare(b.entityId)).map((n, i): CorrectedNode => {
    const c = names.get(n.entityId);
    return { ...n, key: `n${i}`, label: c?.name ?? n.label, type: c?.type ?? n.type, kbId: c ? c.kbId : n.kbId, ...(n.corrections?.length ? { corrections: n.corrections } : { corrections: undefined }) };
  });
  const keyOf = new Map(out.map((n) => [n.entityId, n.key]));
  const outEdges = [...edges.values()].map((e, i): CorrectedEdge => ({
    ...e, key: e.relation === 'event' ? (e.key.startsWith('moved-') ? `m${i}` : e.key) : `c${i}`, source: keyOf.get(e.source)!, target: keyOf.get(e.target)!,
  }));
  return { nodes: out, edges: outEdges };
}

/**
 * What each active split took: its documents (and dates), and its co-occurrence with the other actors there, those
 * read through the demonym folds as the graph's own rows are ("Russian" with Russia; a document naming both once).
 */
async function splitParts(db: Queryable, ov: Overrides): Promise<{
  nodes: { id: string; from: string; correction: string; documents: number; start: string | null; end: string | null }[];
  links: { splitId: string; from: string; other: string; correction: string; documents: number; start: string | null; end: string | null }[];
}> {
  const out: Awaited<ReturnType<typeof splitParts>> = { nodes: [], links: [] };
  const splits = ov.splitEntities();
  if (!splits.length) return out;
  const into = new Map((await nationFolds(db)).map((x) => [x.from, x.into]));
  for (const s of splits) {
    const correction = s.id.slice(2);
    // One row per document and actor named there: a split names few documents.
    const rows = (await db.query<{ document_id: string; entity_id: string; date: string | null }>(
      `SELECT o.document_id, o.entity_id, to_char(d.date, 'YYYY-MM-DD') AS date
         FROM document_entities m JOIN document_entities o ON o.document_id = m.document_id JOIN documents d ON d.id = m.document_id
        WHERE m.entity_id = $1 AND m.document_id = ANY($2::text[])`, [s.from, s.documents])).rows;
    if (!rows.length) continue;
    const span = (dates: (string | null)[]) => {
      const ds = dates.filter((x): x is string => !!x).sort();
      return { start: ds[0] ?? null, end: ds[ds.length - 1] ?? null };
    };
    const docs = new Map(rows.map((r) => [r.document_id, r.date]));
    out.nodes.push({ id: s.id, from: s.from, correction, documents: docs.size, ...span([...docs.values()]) });
    const byOther = new Map<string, Map<string, string | null>>();
    for (const r of rows) {
      const other = into.get(r.entity_id) ?? r.entity_id;
      if (r.entity_id === s.from || other === s.from) continue;
      const seen = byOther.get(other) ?? new Map<string, string | null>();
      seen.set(r.document_id, r.date);
      byOther.set(other, seen);
    }
    for (const [other, seen] of byOther) {
      out.links.push({ splitId: s.id, from: s.from, other, correction, documents: seen.size, ...span([...seen.values()]) });
    }
  }
  return out;
}
