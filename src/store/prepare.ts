/**
 * A document turned into the rows it is stored as, before any database is asked anything: its own row and every
 * layer's, with cross-document ids (entities) already global. What is left for the write is what depends on the
 * store (near-duplicate, timeline entries, quote groups, disagreements). Preparing right after analysis lets a
 * batch hold plain rows instead of whole Docs, and lets the bench insert the very same rows as its ceiling.
 */
import type { EventRecord, Layers } from '../model/types.js';
import { normalizeName } from '../nlp/fold.js';
import type { NearDuplicate, WriteInput } from './store.js';
import { globalEntityId } from './entity-id.js';
import type { StoredEvent } from '../resolve/timeline.js';
import type { StanceClaim } from '../resolve/stances.js';

export type Row = unknown[];

/** An event as resolution reads it: the stored columns it compares (src/resolve/timeline.ts), all of them set. */
export type PreparedEvent = Required<StoredEvent>;

export interface PreparedQuote {
  local_id: string;
  norm_text: string;
  speaker_id: string | null;
}

/** A stance as resolution reads it (src/resolve/stances.ts). */
export type PreparedStance = StanceClaim;

export interface PreparedDocument {
  id: string;
  date: string | null;
  /** Look the near-duplicate up at write time, or take `nearDuplicate` as given (WriteInput). */
  lookupNearDuplicate: boolean;
  nearDuplicate: NearDuplicate | null;
  /** documents row without near_duplicate_of and similarity (the last two columns), filled at write time. */
  document: Row;
  source: Row;
  signature: number[];
  bands: number[];
  sentences: Row[];
  /** id → [id, kb_id, name, norm_name, type, wikidata, aliases], in id order. */
  entities: Row[];
  mentions: Row[];
  /** [entity_id, document_id, mentions, doc_date], in entity id order. */
  documentEntities: Row[];
  times: Row[];
  /** quotes rows without group_id (appended at write time), in layer order. */
  quotes: Row[];
  /** events rows without entry_id (appended at write time), in layer order. */
  events: Row[];
  stances: Row[];
  /** What resolution compares: events in text order, quotes with text in text order, first claim per stance. */
  resolveEvents: PreparedEvent[];
  resolveQuotes: PreparedQuote[];
  resolveStances: PreparedStance[];
  /** Characters of text and rows: what a batch is sized by. */
  weight: number;
}

export const DOCUMENT_COLUMNS = ['id', 'title', 'date', 'date_source', 'date_from', 'date_to', 'source', 'url', 'language', 'byline', 'text',
  'word_count', 'origin', 'page_starts', 'near_duplicate_of', 'similarity'];
export const SOURCE_COLUMNS = ['document_id', 'source', 'url', 'title', 'date', 'outlet'];
export const SENTENCE_COLUMNS = ['document_id', 'idx', 'span_start', 'span_end', 'tsv'];
export const SENTENCE_WRAP = { tsv: "to_tsvector('english', $)" };
export const ENTITY_COLUMNS = ['id', 'kb_id', 'name', 'norm_name', 'type', 'wikidata', 'aliases', 'mention_count', 'document_count'];
export const MENTION_COLUMNS = ['document_id', 'entity_id', 'local_id', 'span_start', 'span_end', 'text', 'kind'];
export const DOCUMENT_ENTITY_COLUMNS = ['entity_id', 'document_id', 'mentions', 'doc_date'];
export const TIME_COLUMNS = ['document_id', 'span_start', 'span_end', 'text', 'value', 'granularity'];
export const QUOTE_COLUMNS = ['document_id', 'local_id', 'span_start', 'span_end', 'text', 'direct', 'speaker_id', 'speaker_text', 'norm_text', 'group_id'];
export const EVENT_COLUMNS = ['document_id', 'local_id', 'type', 'cameo', 'source_id', 'target_id', 'location_id', 'date_value', 'date_text',
  'negated', 'modality', 'trigger_start', 'trigger_end', 'trigger_text', 'sentence_start', 'sentence_end', 'confidence',
  'source_state_id', 'target_state_id', 'date_basis', 'entry_id'];
export const STANCE_COLUMNS = ['document_id', 'holder_id', 'topic', 'polarity', 'evidence_start', 'evidence_end', 'date', 'doc_date', 'object_id'];

/** The key a document is recorded under in document_sources: where it was seen (its origin). */
export function sourceRow(id: string, d: WriteInput['document']): Row {
  return [id, d.origin ?? d.url ?? d.source ?? 'unknown', d.url, d.title, d.date, d.source];
}

export function prepareDocument(input: WriteInput): PreparedDocument {
  const { document: d, doc, layers } = input;
  const globalIds = new Map<string, string>();
  const entityRows = new Map<string, Row>();
  for (const e of layers.entities) {
    const gid = globalEntityId(e);
    globalIds.set(e.id, gid);
    const prev = entityRows.get(gid);
    const aliases = [...new Set([...(prev?.[6] as string[] ?? []), e.name,
      ...e.mentions.filter((m) => !m.kind || m.kind === 'name' || m.kind === 'alias').map((m) => m.text)])];
    entityRows.set(gid, [gid, e.kbId, e.name, normalizeName(e.name), e.type, e.wikidata, aliases, 0, 0]);
  }
  const perEntity = new Map<string, number>();
  for (const e of layers.entities) perEntity.set(globalIds.get(e.id)!, (perEntity.get(globalIds.get(e.id)!) ?? 0) + e.mentions.length);
  const counted = [...perEntity].filter(([, n]) => n > 0).sort(([x], [y]) => x.localeCompare(y));
  const gid = (local: string | null) => (local ? globalIds.get(local) ?? null : null);
  const events = layers.events.map((v) => [d.id, v.id, v.type, v.cameo ?? null, gid(v.source), gid(v.target), gid(v.location), v.date?.value ?? null,
    v.date?.text ?? null, v.negated, v.modality, v.trigger.start, v.trigger.end, v.trigger.text, v.sentence.start, v.sentence.end, v.confidence,
    gid(actingState(layers, v.source, v.sourceAgent)), gid(actingState(layers, v.target, v.targetAgent)),
    v.date ? v.date.basis ?? (v.date.text ? 'stated' : 'report') : null]);
  const quotes = layers.quotes.map((q) => [d.id, q.id, q.start, q.end, q.text, q.direct, gid(q.speaker), q.speakerText, normalizeName(q.text)]);
  const stances = layers.stances.filter((s) => gid(s.holder))
    .map((s) => [d.id, gid(s.holder), s.topic, s.polarity, s.evidence.start, s.evidence.end, s.date, d.date, gid(s.object ?? null)]);
  const sentences = doc.sentences.map((s, i) => [d.id, i, s.start, s.end, doc.shadow.slice(s.start, s.end)]);
  const mentions = layers.entities.flatMap((e) => e.mentions.map((m) => [d.id, globalIds.get(e.id), e.id, m.start, m.end, m.text, m.kind ?? 'name']));
  const prepared: PreparedDocument = {
    id: d.id, date: d.date, lookupNearDuplicate: !!input.lookupNearDuplicate, nearDuplicate: input.nearDuplicate ?? null,
    document: [d.id, d.title, d.date, d.dateSource, d.dateRange?.from ?? null, d.dateRange?.to ?? null, d.source, d.url,
      d.language, d.byline ?? null, d.text, input.wordCount, d.origin ?? null, d.pages ?? null],
    source: sourceRow(d.id, d),
    signature: input.signature, bands: input.bands, sentences,
    entities: [...entityRows.values()].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    mentions,
    documentEntities: counted.map(([id, n]) => [id, d.id, n, d.date]),
    times: layers.times.map((t) => [d.id, t.start, t.end, t.text, t.value, t.granularity ?? null]),
    quotes, events, stances,
    resolveEvents: resolutionEvents(events),
    resolveQuotes: quotes.filter((q) => q[8] !== '').map((q, k) => ({ k, q }))
      .sort((a, b) => (a.q[2] as number) - (b.q[2] as number) || a.k - b.k)
      .map(({ q }) => ({ local_id: q[1] as string, norm_text: q[8] as string, speaker_id: q[6] as string | null })),
    resolveStances: firstClaims(stances),
    weight: 0,
  };
  prepared.weight = d.text.length + 40 * (sentences.length + mentions.length + events.length + quotes.length + stances.length);
  return prepared;
}

/** The events in text order (sentence, then trigger), as resolution gathers them. */
function resolutionEvents(events: Row[]): PreparedEvent[] {
  return events.map((r, k) => ({ r, k }))
    .sort((a, b) => (a.r[14] as number) - (b.r[14] as number) || (a.r[11] as number) - (b.r[11] as number) || a.k - b.k)
    .map(({ r }) => ({
      local_id: r[1] as string, type: r[2] as string, cameo: r[3] as string | null, source_id: r[4] as string | null,
      target_id: r[5] as string | null, location_id: r[6] as string | null, date_value: r[7] as string | null, negated: r[9] as boolean,
      modality: r[10] as string, sentence_start: r[14] as number, sentence_end: r[15] as number,
      source_state_id: r[17] as string | null, target_state_id: r[18] as string | null, date_basis: r[19] as string | null,
    }));
}

/** One claim per holder, topic and polarity (support or oppose): the first piece of evidence the document gives. */
function firstClaims(stances: Row[]): PreparedStance[] {
  const first = new Map<string, PreparedStance>();
  for (const r of stances) {
    const s: PreparedStance = { holder_id: r[1] as string, topic: r[2] as string, polarity: r[3] as string,
      evidence_start: r[4] as number, evidence_end: r[5] as number, date: r[6] as string | null };
    if (s.polarity !== 'support' && s.polarity !== 'oppose') continue;
    const key = `${s.holder_id}\u0000${s.topic}\u0000${s.polarity}`;
    const had = first.get(key);
    if (!had || s.evidence_start < had.evidence_start) first.set(key, s);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...first.values()].sort((a, b) => cmp(a.holder_id, b.holder_id) || cmp(a.topic, b.topic) || cmp(a.polarity, b.polarity));
}

/**
 * The state an event's actor acts for, when it is an agent of one (the document's entity id): the event's own
 * record of the agent, else the actor's ("Putin" acts for Russia). Null for an actor that is no state's agent.
 */
function actingState(layers: Layers, actor: string | null, agent: EventRecord['sourceAgent']): string | null {
  const state = agent?.state ?? (actor ? layers.entities.find((e) => e.id === actor)?.actsFor?.state : null) ?? null;
  return state && state !== actor ? state : null;
}
