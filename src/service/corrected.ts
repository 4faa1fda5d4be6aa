/**
 * Applying corrections on read: each read function of src/service hands what it found to one of these, with the
 * active `Overrides`, and answers the corrected picture. Anything a correction changed carries `corrections` (the
 * ids of the corrections behind it), which the UI and the exports show as "corrected". Offsets and texts are never
 * touched: a correction changes what a span is said to be, not the span.
 */
import type { Queryable } from '../store/db.js';
import { entityNames, type Overrides } from './corrections.js';
import type { DocumentDetail } from './documents.js';
import type { QuoteEntry, StanceEntry, TimelineEntry } from './statements.js';
import type { Graph, GraphEdge, GraphNode } from './graph.js';
import { stanceLabel } from '../extract/stance.js';

const withIds = <T extends object>(x: T, ids: string[]): T & { corrections?: string[] } => (ids.length ? { ...x, corrections: [...new Set(ids)] } : x);

/** A document's entities, quotes, events and stances as corrected. Rejected events stay listed, marked `rejected`. */
export async function correctDocument(db: Queryable, ov: Overrides, d: DocumentDetail): Promise<DocumentDetail> {
  if (ov.empty) return d;
  const doc = d.id;
  const ids = new Set<string>();
  const to = (id: string | null) => {
    const out = ov.entityIn(doc, id);
    if (out) ids.add(out);
    return out;
  };
  for (const e of d.entities) to(e.id);
  for (const q of d.quotes) {
    to(q.speakerId);
    const o = ov.quote(doc, q.start, q.end);
    if (o?.speaker) to(o.speaker);
  }
  for (const v of d.events) {
    [v.sourceId, v.targetId, v.locationId].forEach(to);
    const o = ov.event(doc, v.trigger.start, v.trigger.end);
    if (o?.source) to(o.source);
    if (o?.target) to(o.target);
  }
  for (const s of d.stances) to(s.holderId);
  const names = await entityNames(db, ov, ids);
  const nameOf = (id: string | null) => (id ? names.get(id)?.name ?? null : null);

  // Two entities merged into one become one entry, its mentions in text order.
  const entities = new Map<string, DocumentDetail['entities'][number] & { corrections?: string[] }>();
  for (const e of d.entities) {
    const id = ov.entityIn(doc, e.id)!;
    const fixes = ov.entityCorrections(doc, e.id);
    const n = names.get(id);
    const prev = entities.get(id);
    if (prev) {
      prev.mentions = [...prev.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
      if (fixes.length) prev.corrections = [...new Set([...(prev.corrections ?? []), ...fixes])];
    } else {
      entities.set(id, withIds({ ...e, id, name: n?.name ?? e.name, type: n?.type ?? e.type, kbId: n ? n.kbId : e.kbId }, fixes));
    }
  }
  const quotes = d.quotes.map((q) => {
    const o = ov.quote(doc, q.start, q.end);
    const speakerId = o ? ov.entityIn(doc, o.speaker) : ov.entityIn(doc, q.speakerId);
    const fixes = [...(o?.corrections ?? []), ...(!o && q.speakerId ? ov.entityCorrections(doc, q.speakerId) : [])];
    return withIds({ ...q, speakerId, speakerName: nameOf(speakerId) }, fixes);
  });
  const events = d.events.map((v) => {
    const o = ov.event(doc, v.trigger.start, v.trigger.end);
    const sourceId = o && 'source' in o ? ov.entityIn(doc, o.source ?? null) : ov.entityIn(doc, v.sourceId);
    const targetId = o && 'target' in o ? ov.entityIn(doc, o.target ?? null) : ov.entityIn(doc, v.targetId);
    const locationId = ov.entityIn(doc, v.locationId);
    const fixes = [...(o?.corrections ?? []), ...[v.sourceId, v.targetId, v.locationId].flatMap((id) => (id ? ov.entityCorrections(doc, id) : []))];
    return withIds({
      ...v, type: o?.type ?? v.type, sourceId, sourceName: nameOf(sourceId), targetId, targetName: nameOf(targetId), locationId, locationName: nameOf(locationId),
      date: o && 'date' in o ? o.date ?? null : v.date,
      ...(o?.rejected ? { rejected: true } : {}), ...(o?.confirmed ? { confirmed: true } : {}),
    }, fixes);
  });
  const stances = d.stances.map((s) => {
    const holderId = ov.entityIn(doc, s.holderId)!;
    return withIds({ ...s, holderId, holderName: nameOf(holderId) ?? s.holderName }, ov.entityCorrections(doc, s.holderId));
  });
  return { ...d, entities: [...entities.values()], quotes, events, stances };
}

/** Where the events a correction names sit in the timeline (entry ids), found by their spans. */
export async function correctedEventEntries(db: Queryable, ov: Overrides): Promise<Map<string, string>> {
  const keys = [...ov.events.keys()];
  if (!keys.length) return new Map();
  const parts = keys.map((k) => k.split('|'));
  const rows = (await db.query<{ document_id: string; trigger_start: number; trigger_end: number; entry_id: string | null }>(
    `SELECT v.document_id, v.trigger_start, v.trigger_end, v.entry_id::text AS entry_id
       FROM events v JOIN unnest($1::text[], $2::int[], $3::int[]) AS k(d, s, e)
         ON v.document_id = k.d AND v.trigger_start = k.s AND v.trigger_end = k.e`,
    [parts.map((p) => p[0]), parts.map((p) => Number(p[1])), parts.map((p) => Number(p[2]))])).rows;
  return new Map(rows.filter((r) => r.entry_id).map((r) => [`${r.document_id}|${r.trigger_start}|${r.trigger_end}`, r.entry_id!]));
}

/**
 * What the timeline query must know before it runs: entries every report of which was rejected (left out), and
 * entries whose type a correction changed (a type filter drops them, or takes them in).
 */
export async function timelinePlan(db: Queryable, ov: Overrides): Promise<{ hidden: string[]; retyped: Map<string, string>; byKey: Map<string, string> }> {
  const byKey = await correctedEventEntries(db, ov);
  const rejectedPerEntry = new Map<string, number>();
  const retyped = new Map<string, string>();
  for (const [key, entry] of byKey) {
    const o = ov.events.get(key)!;
    if (o.rejected) rejectedPerEntry.set(entry, (rejectedPerEntry.get(entry) ?? 0) + 1);
    if (o.type) retyped.set(entry, o.type);
  }
  const hidden: string[] = [];
  if (rejectedPerEntry.size) {
    const counts = (await db.query<{ id: string; n: number }>('SELECT id::text AS id, mention_count AS n FROM timeline_entries WHERE id = ANY($1::bigint[])',
      [[...rejectedPerEntry.keys()]])).rows;
    for (const c of counts) if ((rejectedPerEntry.get(c.id) ?? 0) >= c.n) hidden.push(c.id);
  }
  return { hidden, retyped, byKey };
}

/**
 * Timeline entries as corrected: actors read through merges, splits and renames; a report rejected is left out of
 * its entry; an entry takes the type, actors and date its reports were corrected to.
 */
export async function correctTimeline(db: Queryable, ov: Overrides, items: TimelineEntry[], byKey: Map<string, string>): Promise<TimelineEntry[]> {
  if (ov.empty) return items;
  const fixesOfEntry = new Map<string, ReturnType<Overrides['event']>[]>();
  for (const [key, entry] of byKey) fixesOfEntry.set(entry, [...(fixesOfEntry.get(entry) ?? []), ov.events.get(key)]);
  const ids = new Set<string>();
  const out = items.map((e) => {
    const doc = e.mentions[0]?.documentId ?? null;
    const fixes = (fixesOfEntry.get(e.id) ?? []).filter((o) => o && !o.rejected);
    const last = <K extends 'source' | 'target' | 'date' | 'type'>(k: K) => fixes.filter((o) => o && k in o).map((o) => o![k]).pop();
    const sourceId = ov.entityIn(doc, last('source') !== undefined ? last('source') ?? null : e.sourceId);
    const targetId = ov.entityIn(doc, last('target') !== undefined ? last('target') ?? null : e.targetId);
    const locationId = ov.entityIn(doc, e.locationId);
    [sourceId, targetId, locationId].forEach((id) => id && ids.add(id));
    const mentions = e.mentions.filter((m) => !(m.triggerStart !== undefined && ov.event(m.documentId, m.triggerStart, m.triggerEnd!)?.rejected));
    const corrections = [
      ...(fixesOfEntry.get(e.id) ?? []).flatMap((o) => o?.corrections ?? []),
      ...[e.sourceId, e.targetId, e.locationId].flatMap((id) => (id ? ov.entityCorrections(doc, id) : [])),
    ];
    return withIds({
      ...e, type: last('type') ?? e.type, sourceId, targetId, locationId, date: last('date') !== undefined ? last('date') ?? null : e.date, mentions,
      mentionCount: (e.mentionCount ?? mentions.length) - (e.mentions.length - mentions.length),
    }, corrections);
  });
  const names = await entityNames(db, ov, ids);
  return out.map((e) => ({
    ...e, sourceName: e.sourceId ? names.get(e.sourceId)?.name ?? e.sourceName : null,
    targetName: e.targetId ? names.get(e.targetId)?.name ?? e.targetName : null,
    locationName: e.locationId ? names.get(e.locationId)?.name ?? e.locationName : null,
  }));
}

/** Quote groups whose members a speaker correction names, and the speaker each is corrected to. */
export async function quotePlan(db: Queryable, ov: Overrides): Promise<Map<string, string | null>> {
  const keys = [...ov.quotes.keys()];
  if (!keys.length) return new Map();
  const parts = keys.map((k) => k.split('|'));
  const rows = (await db.query<{ document_id: string; span_start: number; span_end: number; group_id: string | null }>(
    `SELECT q.document_id, q.span_start, q.span_end, q.group_id::text AS group_id
       FROM quotes q JOIN unnest($1::text[], $2::int[], $3::int[]) AS k(d, s, e)
         ON q.document_id = k.d AND q.span_start = k.s AND q.span_end = k.e`,
    [parts.map((p) => p[0]), parts.map((p) => Number(p[1])), parts.map((p) => Number(p[2]))])).rows;
  const out = new Map<string, string | null>();
  for (const r of rows) if (r.group_id) out.set(r.group_id, ov.entityIn(r.document_id, ov.quote(r.document_id, r.span_start, r.span_end)!.speaker));
  return out;
}

/** Quotes as corrected: the speaker a correction gave (the group takes it), else the analysis's through merges. */
export async function correctQuotes(db: Queryable, ov: Overrides, items: QuoteEntry[], groups: Map<string, string | null>): Promise<QuoteEntry[]> {
  if (ov.empty) return items;
  const ids = new Set<string>();
  const out = items.map((q) => {
    const doc = q.sources[0]?.documentId ?? null;
    const fixed = groups.has(q.id);
    const speakerId = fixed ? groups.get(q.id)! : ov.entityIn(doc, q.speakerId);
    if (speakerId) ids.add(speakerId);
    const corrections = fixed
      ? q.sources.flatMap((s) => ov.quote(s.documentId, s.start, s.end)?.corrections ?? [])
      : q.speakerId ? ov.entityCorrections(doc, q.speakerId) : [];
    return withIds({ ...q, speakerId }, corrections);
  });
  const names = await entityNames(db, ov, ids);
  return out.map((q) => ({ ...q, speakerName: q.speakerId ? names.get(q.speakerId)?.name ?? q.speakerName : null }));
}

/** Stances with their holders and objects read through merges, splits and renames; the label follows the object. */
export async function correctStances(db: Queryable, ov: Overrides, items: StanceEntry[]): Promise<StanceEntry[]> {
  if (ov.empty) return items;
  const out = items.map((s) => withIds({
    ...s, holderId: ov.entityIn(s.documentId, s.holderId)!, objectId: s.objectId ? ov.entityIn(s.documentId, s.objectId) : s.objectId ?? null,
  }, [...ov.entityCorrections(s.documentId, s.holderId), ...(s.objectId ? ov.entityCorrections(s.documentId, s.objectId) : [])]));
  const names = await entityNames(db, ov, out.flatMap((s) => (s.objectId ? [s.holderId, s.objectId] : [s.holderId])));
  return out.map((s) => {
    const objectName = s.objectId ? names.get(s.objectId)?.name ?? s.objectName ?? null : null;
    return { ...s, holderName: names.get(s.holderId)?.name ?? s.holderName, objectName, label: stanceLabel(s.topic, objectName) };
  });
}

/** The actor graph as corrected: nodes merged into one sum their counts, their edges join; names are corrected. */
export async function correctGraph(db: Queryable, ov: Overrides, g: Graph): Promise<Graph> {
  const nodes = new Map<string, GraphNode & { corrections?: string[] }>();
  for (const n of g.nodes) {
    const id = ov.canonical(n.id);
    const prev = nodes.get(id);
    const fixes = ov.entityCorrections(null, n.id);
    if (prev) {
      prev.documents += n.documents;
      prev.mentions += n.mentions;
      prev.corrections = [...new Set([...(prev.corrections ?? []), ...fixes])];
    } else nodes.set(id, withIds({ ...n, id }, fixes));
  }
  const names = await entityNames(db, ov, nodes.keys());
  for (const n of nodes.values()) {
    const c = names.get(n.id);
    if (c) Object.assign(n, { name: c.name, type: c.type, kbId: c.kbId });
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of g.edges) {
    const source = ov.canonical(e.source);
    const target = ov.canonical(e.target);
    if (source === target) continue;
    const [a, b] = e.kind === 'cooccurrence' && target < source ? [target, source] : [source, target];
    const id = e.kind === 'cooccurrence' ? `co:${a}|${b}` : `${e.kind}:${e.mode}:${a}>${b}`;
    const prev = edges.get(id);
    if (!prev) {
      edges.set(id, { ...e, id, source: a, target: b, types: { ...e.types } });
      continue;
    }
    prev.weight += e.weight;
    for (const [t, n] of Object.entries(e.types)) prev.types[t] = (prev.types[t] ?? 0) + n;
    if (e.from && (!prev.from || e.from < prev.from)) prev.from = e.from;
    if (e.to && (!prev.to || e.to > prev.to)) prev.to = e.to;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
