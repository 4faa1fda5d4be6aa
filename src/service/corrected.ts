/**
 * Applying corrections on read: each read function of src/service hands what it found to one of these, with the
 * active `Overrides`, and answers the corrected picture. Anything a correction changed carries `corrections` (the
 * ids of the corrections behind it), which the UI and the exports show as "corrected". Offsets and texts are never
 * touched: a correction changes what a span is said to be, not the span.
 */
import type { Queryable } from '../store/db.js';
import { entityNames, type EventOverride, type Overrides } from './corrections.js';
import type { DocumentDetail } from './documents.js';
import type { EventMention, QuoteEntry, StanceEntry, TimelineEntry } from './statements.js';
import { sourceLabel } from './outlet.js';
import { dateInterval } from '../resolve/dates.js';
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

/** What the timeline query must know before it runs (see `timelinePlan`). */
export interface TimelinePlan {
  /** Entries left with no report (all rejected or moved out). */
  hidden: string[];
  /** Entries that take a corrected type as a whole: a type filter drops them, or takes them in. */
  retyped: Map<string, string>;
  /** Every corrected report's key (document|start|end) → its stored entry. */
  byKey: Map<string, string>;
  /** Entries whose every report was corrected alike: the entry itself takes the correction. */
  whole: Set<string>;
  /** Reports that left their entry (rejected, or corrected unlike the entry's other reports), by key. */
  gone: Set<string>;
  /** How many reports of each entry left it. */
  goneFrom: Map<string, number>;
  /** The entries the moved reports make, one per corrected type, actors and date. */
  moved: MovedEntry[];
}

/** A timeline entry made on read of reports a correction moved out of their stored entries. */
export interface MovedEntry extends TimelineEntry {
  dateFrom: string | null;
  dateTo: string | null;
  /** The first report's publication date: where an undated entry sorts. */
  docDate: string | null;
  /** The reports' outlets, URLs and origins, for the `source` filter. */
  outlets: string[];
}

/** What a correction changes of a report: its type, actors or date (a rejection or confirmation changes none). */
const changes = (o: EventOverride) => o.type !== undefined || 'source' in o || 'target' in o || 'date' in o;

/**
 * How corrected reports sit in the timeline. A rejected report leaves its entry. A report whose type, actors or date
 * were corrected is no longer a report of the event its entry is: it moves out into an entry of its own (reports
 * corrected to the same type, actors and date share one), and the entry keeps its other reports as they were.
 * When every report of an entry is corrected alike, the entry itself takes the correction.
 */
export async function timelinePlan(db: Queryable, ov: Overrides): Promise<TimelinePlan> {
  const byKey = await correctedEventEntries(db, ov);
  const plan: TimelinePlan = { hidden: [], retyped: new Map(), byKey, whole: new Set(), gone: new Set(), goneFrom: new Map(), moved: [] };
  if (!byKey.size) return plan;
  const perEntry = new Map<string, string[]>();
  for (const [key, entry] of byKey) perEntry.set(entry, [...(perEntry.get(entry) ?? []), key]);
  const counts = new Map((await db.query<{ id: string; n: number }>('SELECT id::text AS id, mention_count AS n FROM timeline_entries WHERE id = ANY($1::bigint[])',
    [[...perEntry.keys()]])).rows.map((r) => [r.id, r.n]));
  const movedKeys: string[] = [];
  for (const [entry, keys] of perEntry) {
    const rejected = keys.filter((k) => ov.events.get(k)!.rejected);
    const changed = keys.filter((k) => !ov.events.get(k)!.rejected && changes(ov.events.get(k)!));
    const sig = (k: string) => { const o = ov.events.get(k)!; return JSON.stringify([o.type, 'source' in o ? o.source : '-', 'target' in o ? o.target : '-', 'date' in o ? o.date : '-']); };
    const n = counts.get(entry) ?? keys.length;
    if (changed.length && rejected.length + changed.length >= n && new Set(changed.map(sig)).size === 1) {
      plan.whole.add(entry);
      const type = ov.events.get(changed[0]!)!.type;
      if (type) plan.retyped.set(entry, type);
      for (const k of rejected) plan.gone.add(k);
      plan.goneFrom.set(entry, rejected.length);
      continue;
    }
    for (const k of [...rejected, ...changed]) plan.gone.add(k);
    movedKeys.push(...changed);
    plan.goneFrom.set(entry, rejected.length + changed.length);
    if (rejected.length + changed.length >= n) plan.hidden.push(entry);
  }
  plan.moved = await movedEntries(db, ov, movedKeys);
  return plan;
}

/** The entries moved reports make: each report read as corrected, those alike (type, actors, date) together. */
async function movedEntries(db: Queryable, ov: Overrides, keys: string[]): Promise<MovedEntry[]> {
  if (!keys.length) return [];
  const parts = keys.map((k) => k.split('|'));
  const rows = (await db.query<any>(
    `SELECT v.document_id, v.trigger_start, v.trigger_end, v.trigger_text, v.type, v.cameo, v.source_id, v.target_id, v.location_id,
            v.date_value, v.date_basis, v.negated, v.modality, v.sentence_start, v.sentence_end,
            d.title, to_char(d.date, 'YYYY-MM-DD') AS doc_date, ${sourceLabel('d')} AS source, d.url, d.origin, d.source AS outlet,
            substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence
       FROM events v JOIN unnest($1::text[], $2::int[], $3::int[]) AS k(d, s, e)
         ON v.document_id = k.d AND v.trigger_start = k.s AND v.trigger_end = k.e
       JOIN documents d ON d.id = v.document_id
      ORDER BY d.date NULLS LAST, v.document_id, v.trigger_start`,
    [parts.map((p) => p[0]), parts.map((p) => Number(p[1])), parts.map((p) => Number(p[2]))])).rows;
  const groups = new Map<string, MovedEntry>();
  for (const r of rows) {
    const o = ov.event(r.document_id, r.trigger_start, r.trigger_end)!;
    const type = o.type ?? r.type;
    const sourceId = ov.entityIn(r.document_id, 'source' in o ? o.source ?? null : r.source_id);
    const targetId = ov.entityIn(r.document_id, 'target' in o ? o.target ?? null : r.target_id);
    const date: string | null = 'date' in o ? o.date ?? null : r.date_value;
    const mention: EventMention = {
      documentId: r.document_id, documentTitle: r.title, documentDate: r.doc_date, source: r.source, url: r.url, trigger: r.trigger_text,
      triggerStart: r.trigger_start, triggerEnd: r.trigger_end, sentence: r.sentence, sentenceStart: r.sentence_start, sentenceEnd: r.sentence_end,
      negated: r.negated, modality: r.modality,
    };
    const key = JSON.stringify([type, sourceId, targetId, date]);
    const prev = groups.get(key);
    if (prev) {
      prev.mentions.push(mention);
      prev.mentionCount = prev.mentions.length;
      prev.corrections = [...new Set([...(prev.corrections ?? []), ...o.corrections])];
      prev.outlets.push(...[r.outlet, r.url, r.origin].filter(Boolean));
      prev.negated &&= r.negated;
      if (r.modality === 'asserted') prev.modality = 'asserted';
      continue;
    }
    const span = dateInterval(date);
    groups.set(key, {
      // Named after its first correction: stable while the correction stands, never a stored entry's number.
      id: `moved-${o.corrections[0]}`, type, cameo: o.type ? null : r.cameo, sourceId, sourceName: null, targetId, targetName: null,
      locationId: ov.entityIn(r.document_id, r.location_id), locationName: null, date,
      dateBasis: date ? ('date' in o ? 'stated' : r.date_basis ?? 'stated') : null, negated: r.negated, modality: r.modality,
      mentions: [mention], mentionCount: 1, corrections: [...o.corrections],
      dateFrom: span?.from ?? null, dateTo: span?.to ?? null, docDate: r.doc_date, outlets: [r.outlet, r.url, r.origin].filter(Boolean),
    });
  }
  return [...groups.values()];
}

/**
 * Timeline entries as corrected: actors read through merges, splits and renames; a report that left its entry
 * (rejected, or moved out) is not among its reports; an entry corrected as a whole takes the type, actors and date.
 */
export async function correctTimeline(db: Queryable, ov: Overrides, items: TimelineEntry[], plan: TimelinePlan): Promise<TimelineEntry[]> {
  if (ov.empty) return items;
  const fixesOfEntry = new Map<string, EventOverride[]>();
  for (const [key, entry] of plan.byKey) fixesOfEntry.set(entry, [...(fixesOfEntry.get(entry) ?? []), ov.events.get(key)!]);
  const ids = new Set<string>();
  const out = items.map((e) => {
    if (e.id.startsWith('moved-')) {
      [e.sourceId, e.targetId, e.locationId].forEach((id) => id && ids.add(id));
      return e;
    }
    const doc = e.mentions[0]?.documentId ?? null;
    const whole = plan.whole.has(e.id);
    const fixes = whole ? (fixesOfEntry.get(e.id) ?? []).filter((o) => !o.rejected) : [];
    const last = <K extends 'source' | 'target' | 'date' | 'type'>(k: K) => fixes.filter((o) => k in o).map((o) => o[k]).pop();
    const sourceId = ov.entityIn(doc, last('source') !== undefined ? last('source') ?? null : e.sourceId);
    const targetId = ov.entityIn(doc, last('target') !== undefined ? last('target') ?? null : e.targetId);
    const locationId = ov.entityIn(doc, e.locationId);
    [sourceId, targetId, locationId].forEach((id) => id && ids.add(id));
    const mentions = e.mentions.filter((m) => !(m.triggerStart !== undefined && plan.gone.has(`${m.documentId}|${m.triggerStart}|${m.triggerEnd}`)));
    const corrections = [
      // A report that moved out is the moved entry's correction, not this entry's; a rejection is both's.
      ...(fixesOfEntry.get(e.id) ?? []).filter((o) => whole || o.rejected || !changes(o)).flatMap((o) => o.corrections),
      ...[e.sourceId, e.targetId, e.locationId].flatMap((id) => (id ? ov.entityCorrections(doc, id) : [])),
    ];
    return withIds({
      ...e, type: last('type') ?? e.type, sourceId, targetId, locationId, date: last('date') !== undefined ? last('date') ?? null : e.date, mentions,
      mentionCount: (e.mentionCount ?? e.mentions.length) - (plan.goneFrom.get(e.id) ?? 0),
      negated: mentions.length > 0 ? mentions.every((m) => m.negated) : e.negated,
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

/**
 * The actor graph as corrected by merges and entity edits: nodes merged into one sum their counts, their edges join;
 * names, types and KB links are corrected. (Splits and event corrections are read with the rows, in graph.ts.)
 */
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
    if (e.corrections) prev.corrections = [...new Set([...(prev.corrections ?? []), ...e.corrections])];
    for (const [t, n] of Object.entries(e.types)) prev.types[t] = (prev.types[t] ?? 0) + n;
    if (e.from && (!prev.from || e.from < prev.from)) prev.from = e.from;
    if (e.to && (!prev.to || e.to > prev.to)) prev.to = e.to;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
