/**
 * Statements across documents: the merged timeline, quotes with all their sources, stances, disagreements.
 * They read what src/resolve materialised at write time (timeline_entries, quote_groups, disagreements), so a page
 * is an indexed range plus one query for the page's reports: no grouping over all events at read time.
 */
import type { Queryable } from '../store/db.js';
import type { DateBasis } from '../model/types.js';
import { Where } from './where.js';
import { normalizeName } from '../nlp/fold.js';
import { sourceLabel } from './outlet.js';
import { stanceLabel } from '../extract/stance.js';
import { loadOverrides } from './corrections.js';
import { correctQuotes, correctStances, correctTimeline, quotePlan, timelinePlan, type MovedEntry } from './corrected.js';
import { pageWithExtras } from './split-entities.js';

export interface TimelineFilter {
  /** Entity id (as source or target). */
  actor?: string;
  /**
   * With `actor`, whether events the actor did through its agents count (a state's police, army, embassy: stored
   * as the state's nominal mentions, "Serbian police" → Serbia). Default true; false keeps only events whose
   * sentence names the actor itself.
   */
  agents?: boolean;
  type?: string;
  from?: string;
  to?: string;
  source?: string;
  limit?: number;
  offset?: number;
  /** Latest first, dated entries only (the Overview's "latest events"); else chronological, undated last. */
  newestFirst?: boolean;
}

export interface EventMention {
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  source: string | null;
  trigger: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  negated: boolean;
  modality: string;
  /** Where the trigger is in the document text. */
  triggerStart?: number;
  triggerEnd?: number;
  url?: string | null;
}

/** One real-world event, with every document that reports it. */
export interface TimelineEntry {
  id: string;
  type: string;
  cameo: string | null;
  sourceId: string | null;
  sourceName: string | null;
  targetId: string | null;
  targetName: string | null;
  locationId: string | null;
  locationName: string | null;
  date: string | null;
  /** `report` when no report states the date: the event happened by then (shown "≤ date"). */
  dateBasis?: DateBasis | null;
  negated: boolean;
  modality: string;
  /** The first reports (by publication date), at most MENTIONS_PER_ENTRY of them. */
  mentions: EventMention[];
  /** How many reports there are in all. */
  mentionCount?: number;
  /** The analyst's corrections that changed this entry (src/service/corrections.ts). */
  corrections?: string[];
}

/** Timeline totals are counted exactly up to this many entries. */
export const COUNT_CAP = 10_000;
/** Reports listed per timeline entry (the entry says how many there are in all). */
export const MENTIONS_PER_ENTRY = 12;

/**
 * The merged timeline: chronological by the entry's date, undated entries last (in the order their first report
 * appeared). `from`/`to` keep entries whose date interval overlaps the range; an undated entry counts at its first
 * report's publication date.
 */

export async function timeline(db: Queryable, f: TimelineFilter = {}): Promise<{ total: number; items: TimelineEntry[]; totalIsLowerBound?: boolean }> {
  const w = new Where();
  // Corrections: an actor stands for every id merged into it; entries all of whose reports were rejected are left
  // out; a corrected type counts for the type filter. The page is then read as corrected (correctTimeline).
  const ov = await loadOverrides(db);
  const plan = ov.empty ? null : await timelinePlan(db, ov);
  const actors = f.actor ? ov.members(f.actor) : [];
  // Entries an actor correction gave to the actor as a whole (their stored actors are another's).
  const touched = plan && f.actor ? [...new Set([...plan.byKey].filter(([key, entry]) => {
    const o = ov.events.get(key)!;
    return plan.whole.has(entry) && [o.source, o.target].some((x) => x && ov.canonical(x) === f.actor);
  }).map(([, entry]) => entry))] : [];
  // (Where.add takes a condition with one `$`, or one already numbered: these have several parameters.)
  // Reports that left their entries (rejected, or moved out by a correction) do not find it for the filters below.
  // (A parameter only when a filter uses it: every parameter sent must be used.)
  let goneParam: string | null = null;
  const stays = () => (plan?.gone.size ? `AND NOT (v.document_id || '|' || v.trigger_start || '|' || v.trigger_end) = ANY(${goneParam ??= w.param([...plan.gone])}::text[])` : '');
  if (f.actor) {
    const a = w.param(actors);
    // An entry's actors are the states its reports' actors act for; the actor's own reports find it too ("Putin"
    // for Russia's invasion), through the events index.
    w.add(`(t.source_id = ANY(${a}::text[]) OR t.target_id = ANY(${a}::text[])
            OR t.id IN (SELECT v.entry_id FROM events v WHERE (v.source_id = ANY(${a}::text[]) OR v.target_id = ANY(${a}::text[])) AND v.entry_id IS NOT NULL ${stays()})${touched.length ? ` OR t.id = ANY(${w.param(touched)}::bigint[])` : ''})`);
  }
  if (plan?.hidden.length) w.add('NOT (t.id = ANY($::bigint[]))', plan.hidden);
  if (f.actor && f.agents === false) {
    w.add(`EXISTS (SELECT 1 FROM events v JOIN mentions m ON m.document_id = v.document_id AND m.entity_id = ANY($::text[])
                    AND m.span_start >= v.sentence_start AND m.span_end <= v.sentence_end AND m.kind IS DISTINCT FROM 'nominal'
                    WHERE v.entry_id = t.id AND (v.source_id = m.entity_id OR v.target_id = m.entity_id))`, actors);
  }
  if (f.type && plan?.retyped.size) {
    const type = f.type.toUpperCase();
    const away = [...plan.retyped].filter(([, t]) => t !== type).map(([id]) => id);
    const into = [...plan.retyped].filter(([, t]) => t === type).map(([id]) => id);
    w.add(`((t.type = ${w.param(type)} AND NOT t.id = ANY(${w.param(away)}::bigint[])) OR t.id = ANY(${w.param(into)}::bigint[]))`);
  } else if (f.type) w.add('t.type = $', f.type.toUpperCase());
  if (f.newestFirst) w.add('t.date_from IS NOT NULL');
  if (f.from) w.add('COALESCE(t.date_to, t.doc_date) >= $::date', f.from);
  if (f.to) w.add('COALESCE(t.date_from, t.doc_date) <= $::date', f.to);
  if (f.source) {
    // From the few matching documents to their entries (a semi-join), not a probe per entry.
    const like = w.param(`%${f.source}%`);
    w.add(`t.id IN (SELECT v.entry_id FROM documents d JOIN events v ON v.document_id = d.id
                     WHERE (d.source ILIKE ${like} OR d.url ILIKE ${like} OR d.origin ILIKE ${like}) AND v.entry_id IS NOT NULL ${stays()})`);
  }
  // Counting a long timeline exactly would cost more than the page itself: past COUNT_CAP it is "at least".
  const stored = (await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM timeline_entries t ${w.sql} LIMIT ${COUNT_CAP}) x`, w.params)).rows[0]!.n;
  // Reports a correction moved out of their entries make entries of their own, paged in among the stored ones.
  const moved = (plan?.moved ?? []).filter((m) => movedPasses(m, f)).sort(f.newestFirst ? (a, b) => byDate(b, a) : byDate);
  const total = stored + moved.length;
  const n = w.params.length;
  const and = w.sql ? `${w.sql} AND` : 'WHERE';
  // Stored entries that sort before a moved one, in the page's order (ties: the stored one first).
  const before = async (m: MovedEntry) => (await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM timeline_entries t ${and} ${f.newestFirst
      ? `(t.date_from > $${n + 1}::date OR (t.date_from = $${n + 1}::date AND t.date_to >= $${n + 2}::date))`
      : m.dateFrom ? `(t.date_from < $${n + 1}::date OR (t.date_from = $${n + 1}::date AND t.date_to <= $${n + 2}::date))`
        : `(t.date_from IS NOT NULL OR $${n + 1}::date IS NULL OR t.doc_date <= $${n + 1}::date)`} LIMIT ${COUNT_CAP}) x`,
    [...w.params, ...(f.newestFirst || m.dateFrom ? [m.dateFrom, m.dateTo] : [m.docDate])])).rows[0]!.n;
  const storedPage = async (offset: number, limit: number) => (await db.query<any>(
    `SELECT t.id::text AS id, t.type, t.cameo, t.source_id, s.name AS source_name, t.target_id, g.name AS target_name,
            t.location_id, l.name AS location_name, t.date_value, t.date_basis, t.mention_count
       FROM timeline_entries t
       LEFT JOIN entities s ON s.id = t.source_id LEFT JOIN entities g ON g.id = t.target_id LEFT JOIN entities l ON l.id = t.location_id
       ${w.sql}
      ORDER BY ${f.newestFirst ? 't.date_from DESC, t.date_to DESC, t.doc_date DESC, t.id DESC' : 't.date_from NULLS LAST, t.date_to, t.doc_date NULLS LAST, t.id'}
      LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, limit, offset])).rows;
  const paged = await pageWithExtras<any, MovedEntry>(moved, before, storedPage, f.offset ?? 0, Math.min(f.limit ?? 50, 500));
  const rows = paged.filter((r) => !('outlets' in r));
  const mentions = await entryMentions(db, rows.map((r) => r.id));
  const found = paged.map((r): TimelineEntry => {
    if ('outlets' in r) {
      const { dateFrom, dateTo, docDate, outlets, ...entry } = r as MovedEntry;
      return entry;
    }
    const ms = mentions.get(r.id) ?? [];
    return {
      id: r.id, type: r.type, cameo: r.cameo, sourceId: r.source_id, sourceName: r.source_name, targetId: r.target_id,
      targetName: r.target_name, locationId: r.location_id, locationName: r.location_name, date: r.date_value,
      dateBasis: r.date_value ? r.date_basis ?? 'stated' : null,
      negated: ms.length > 0 && ms.every((m) => m.negated),
      modality: entryModality(ms),
      mentions: ms,
      mentionCount: r.mention_count,
    };
  });
  let items = plan ? await correctTimeline(db, ov, found, plan) : found;
  if (f.actor && plan) items = items.filter((e) => e.sourceId === f.actor || e.targetId === f.actor);
  return { total, items, ...(stored >= COUNT_CAP ? { totalIsLowerBound: true } : {}) };
}

/** A moved entry (src/service/corrected.ts) under the timeline's filters, as SQL applies them to stored entries. */
function movedPasses(m: MovedEntry, f: TimelineFilter): boolean {
  if (f.actor && m.sourceId !== f.actor && m.targetId !== f.actor) return false;
  if (f.type && m.type !== f.type.toUpperCase()) return false;
  if (f.newestFirst && !m.dateFrom) return false;
  if (f.from && (m.dateTo ?? m.docDate ?? '') < f.from) return false;
  if (f.to && (m.dateFrom ?? m.docDate ?? '9999') > f.to) return false;
  if (f.source && !m.outlets.some((o) => o.toLowerCase().includes(f.source!.toLowerCase()))) return false;
  return true;
}

/** The stored order: by date interval, undated last by their first report's date. */
function byDate(a: MovedEntry, b: MovedEntry): number {
  const k = (m: MovedEntry) => `${m.dateFrom ?? '~'}|${m.dateTo ?? ''}|${m.docDate ?? '~'}`;
  return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
}

/** An entry is asserted when any report asserts it; otherwise it takes its reports' most common modality. */
function entryModality(ms: EventMention[]): string {
  if (!ms.length) return 'asserted';
  if (ms.some((m) => m.modality === 'asserted')) return 'asserted';
  const counts = new Map<string, number>();
  for (const m of ms) counts.set(m.modality, (counts.get(m.modality) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Every report of the given entries, oldest document first. */
async function entryMentions(db: Queryable, ids: string[]): Promise<Map<string, EventMention[]>> {
  const out = new Map<string, EventMention[]>();
  if (!ids.length) return out;
  // The first reports of each entry (by publication date), and only their sentences are cut from the texts.
  const rows = (await db.query<any>(
    `WITH firsts AS (
       SELECT * FROM (SELECT v.entry_id, v.document_id, v.local_id, d.date,
                             row_number() OVER (PARTITION BY v.entry_id ORDER BY d.date NULLS LAST, v.document_id, v.sentence_start) AS rn
                        FROM events v JOIN documents d ON d.id = v.document_id
                       WHERE v.entry_id = ANY($1::bigint[])) x
        WHERE rn <= ${MENTIONS_PER_ENTRY})
     SELECT v.entry_id::text AS entry_id, v.document_id, d.title, to_char(d.date, 'YYYY-MM-DD') AS date, ${sourceLabel('d')} AS source, d.url,
            v.trigger_text, v.trigger_start, v.trigger_end, v.sentence_start, v.sentence_end, v.negated, v.modality,
            substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence
       FROM firsts f JOIN events v ON v.document_id = f.document_id AND v.local_id = f.local_id
       JOIN documents d ON d.id = v.document_id
      ORDER BY f.entry_id, f.rn`, [ids])).rows;
  for (const r of rows) {
    const list = out.get(r.entry_id) ?? [];
    list.push({
      documentId: r.document_id, documentTitle: r.title, documentDate: r.date, source: r.source, url: r.url,
      trigger: r.trigger_text, triggerStart: r.trigger_start, triggerEnd: r.trigger_end, sentence: r.sentence,
      sentenceStart: r.sentence_start, sentenceEnd: r.sentence_end, negated: r.negated, modality: r.modality,
    });
    out.set(r.entry_id, list);
  }
  return out;
}

export interface QuoteSource {
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  source: string | null;
  start: number;
  end: number;
  speakerText: string | null;
  url?: string | null;
}

/** One quote, however many outlets carried it. */
export interface QuoteEntry {
  id: string;
  speakerId: string | null;
  speakerName: string | null;
  text: string;
  direct: boolean;
  date: string | null;
  sources: QuoteSource[];
  corrections?: string[];
}

export interface QuoteFilter {
  speaker?: string;
  /**
   * Only quotes about this: an actor (entity id) the quote names, or a topic (stored topics, and whose) that a stance
   * read from the quote is on or that the quote's words speak of ("NATO" with "join" or "membership").
   */
  about?: { actor: string } | { topics: readonly string[]; object?: string | null };
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/**
 * The words that speak of a topic in a quote's normalised text (folded, lower case, punctuation as spaces), all of
 * them: POSIX expressions with word boundaries, which the trigram index on `norm_text` serves.
 */
const TOPIC_WORDS: Record<string, string[]> = {
  'NATO membership': ['\\m(nato|alliance|north atlantic)\\M', '\\m(member|membership|join|joining|accession|aspir|part of)'],
  'EU membership': ['\\m(eu|european union)\\M', '\\m(member|membership|join|joining|accession|integration)'],
  NATO: ['\\m(nato|north atlantic alliance)\\M'],
  Russia: ['\\m(russia|russian federation|moscow|kremlin)\\M'],
  EU: ['\\m(eu|european union|brussels)\\M'],
};

/**
 * Quotes, newest first, each once with every outlet that carried it. The text shown is the fullest version;
 * `q` matches words in any member's text (diacritics and case ignored).
 */
export async function listQuotes(db: Queryable, f: QuoteFilter = {}): Promise<{ total: number; items: QuoteEntry[] }> {
  const w = new Where();
  const ov = await loadOverrides(db);
  const fixed = ov.empty ? new Map<string, string | null>() : await quotePlan(db, ov);
  if (f.speaker && fixed.size) {
    // A speaker correction moves its quote's group to the corrected speaker.
    const away = [...fixed].filter(([, s]) => s !== f.speaker).map(([g]) => g);
    const into = [...fixed].filter(([, s]) => s === f.speaker).map(([g]) => g);
    w.add(`((g.speaker_id = ANY(${w.param(ov.members(f.speaker))}::text[]) AND NOT g.id = ANY(${w.param(away)}::bigint[])) OR g.id = ANY(${w.param(into)}::bigint[]))`);
  } else if (f.speaker) w.add('g.speaker_id = ANY($::text[])', ov.members(f.speaker));
  if (f.from) w.add('g.first_date >= $::date', f.from);
  if (f.to) w.add('g.first_date <= $::date', f.to);
  if (f.q) {
    w.add('EXISTS (SELECT 1 FROM quotes m WHERE m.group_id = g.id AND m.norm_text LIKE $)', `%${normalizeName(f.q)}%`);
  }
  if (f.about && 'actor' in f.about) {
    // From the actor's mentions to the quotes they lie in (the quotes of the documents that name it).
    w.add(`g.id IN (SELECT q.group_id FROM mentions m JOIN quotes q ON q.document_id = m.document_id
                     AND m.span_start >= q.span_start AND m.span_end <= q.span_end
                    WHERE m.entity_id = ANY($::text[]) AND q.group_id IS NOT NULL)`, ov.members(f.about.actor));
  } else if (f.about) {
    const topics = w.param([...f.about.topics]);
    const object = f.about.object ? w.param(ov.members(f.about.object)) : null;
    const onStance = `SELECT q.group_id FROM stances st JOIN quotes q ON q.document_id = st.document_id
                        AND q.span_start < st.evidence_end AND q.span_end > st.evidence_start
                       WHERE st.topic = ANY(${topics}::text[]) ${object ? `AND st.object_id = ANY(${object}::text[])` : ''} AND q.group_id IS NOT NULL`;
    // Words say the topic, not whose: with an object, the quote must also name it ("let Bosnia join NATO").
    const words = f.about.topics.map((t) => TOPIC_WORDS[t]).filter((x): x is string[] => !!x);
    const byWords = words.map((all) => `(${all.map((re) => `q.norm_text ~ ${w.param(re)}`).join(' AND ')})`);
    const names = object ? `AND EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = q.document_id AND m.entity_id = ANY(${object}::text[])
                                          AND m.span_start >= q.span_start AND m.span_end <= q.span_end)` : '';
    w.add(`g.id IN (${onStance}${byWords.length ? ` UNION SELECT q.group_id FROM quotes q WHERE q.group_id IS NOT NULL AND (${byWords.join(' OR ')}) ${names}` : ''})`);
  }
  // The page and the total in one query: a filter (a topic's words, the quotes a stance was read from) is then
  // evaluated once, not once for the count and again for the page. Past the last page the count is asked alone.
  const countParams = [...w.params];
  const page = w.page(f.limit, f.offset);
  const groups = (await db.query<any>(
    `SELECT g.id::text AS id, g.speaker_id, e.name AS speaker_name, to_char(g.first_date, 'YYYY-MM-DD') AS date, count(*) OVER ()::int AS total
       FROM quote_groups g LEFT JOIN entities e ON e.id = g.speaker_id ${w.sql}
      ORDER BY g.first_date DESC NULLS LAST, g.id DESC ${page}`, w.params)).rows;
  const total = groups.length ? groups[0].total as number
    : (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM quote_groups g ${w.sql}`, countParams)).rows[0]!.n;
  if (!groups.length) return { total, items: [] };
  const members = (await db.query<any>(
    `SELECT q.group_id::text AS group_id, q.document_id, q.span_start, q.span_end, q.text, q.direct, q.speaker_text,
            d.title, to_char(d.date, 'YYYY-MM-DD') AS date, ${sourceLabel('d')} AS source, d.url
       FROM quotes q JOIN documents d ON d.id = q.document_id
      WHERE q.group_id = ANY($1::bigint[]) ORDER BY d.date NULLS LAST, q.document_id, q.span_start`, [groups.map((g) => g.id)])).rows;
  const byGroup = new Map<string, any[]>();
  for (const m of members) byGroup.set(m.group_id, [...(byGroup.get(m.group_id) ?? []), m]);
  const found = groups.map((g): QuoteEntry => {
    const ms = byGroup.get(g.id) ?? [];
    const fullest = ms.reduce((a, b) => (b.text.length > a.text.length ? b : a), ms[0] ?? { text: '', direct: false });
    return {
      id: g.id, speakerId: g.speaker_id, speakerName: g.speaker_name, text: fullest.text, direct: ms.some((m) => m.direct), date: g.date,
      sources: ms.map((m) => ({
        documentId: m.document_id, documentTitle: m.title, documentDate: m.date, source: m.source, url: m.url,
        start: m.span_start, end: m.span_end, speakerText: m.speaker_text,
      })),
    };
  });
  return { total, items: await correctQuotes(db, ov, found, fixed) };
}

export interface StanceEntry {
  holderId: string;
  holderName: string;
  topic: string;
  /** Whose membership, or which actor, the stance is about (null when the text does not say or it was stored before). */
  objectId?: string | null;
  objectName?: string | null;
  /** The stance's object in full: "Bosnia and Herzegovina's NATO membership". */
  label?: string;
  polarity: string;
  date: string | null;
  documentId: string;
  documentTitle: string | null;
  evidence: string;
  evidenceStart: number;
  evidenceEnd: number;
  source?: string | null;
  corrections?: string[];
}

export interface StanceFilter {
  holder?: string;
  /** One stored topic, any case. */
  topic?: string;
  /** Any of these stored topics (a topic as asked, src/service/topics.ts). */
  topics?: readonly string[];
  /** Only stances about this entity (whose membership). */
  object?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Stances, newest first; a stance without its own date takes its document's. */
export async function listStances(db: Queryable, f: StanceFilter = {}): Promise<StanceEntry[]> {
  return (await stancePage(db, f)).items;
}

/** Stances as `listStances`, with how many match in all when `counted`. */
export async function stancePage(db: Queryable, f: StanceFilter & { counted?: boolean } = {}): Promise<{ total: number; items: StanceEntry[] }> {
  const w = new Where();
  const ov = await loadOverrides(db);
  if (f.holder) w.add('st.holder_id = ANY($::text[])', ov.members(f.holder));
  if (f.topic) w.add('lower(st.topic) = lower($)', f.topic);
  if (f.topics) w.add('st.topic = ANY($::text[])', [...f.topics]);
  if (f.object) w.add('st.object_id = ANY($::text[])', ov.members(f.object));
  // The stance's own date, else its document's, as the list shows it (text: a stance may be dated by year).
  const date = `COALESCE(st.date, to_char(d.date, 'YYYY-MM-DD'))`;
  // A date by year or month is an interval: it overlaps [from, to] when it starts by `to` ('2022' ≤ '2022-03-01' as
  // text) and ends after `from` ('2022~' ≥ '2022-06-01': '~' sorts after every digit).
  if (f.from) w.add(`(${date} || '~') >= $`, f.from);
  if (f.to) w.add(`${date} <= $`, f.to);
  const from = `FROM stances st JOIN documents d ON d.id = st.document_id`;
  const total = f.counted ? (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${w.sql}`, w.params)).rows[0]!.n : 0;
  const page = w.page(f.limit, f.offset, 500);
  // The page is chosen on the stances' own columns first; only its rows are joined to names and have their evidence
  // cut from the text (cutting it for every stance on a topic before sorting read thousands of texts). Stances have
  // no key of their own; within one statement a row's ctid names it.
  const rows = (await db.query<any>(
    `WITH chosen AS (
       SELECT st.ctid AS row, ${date} AS date FROM ${from.replace('FROM ', '')} ${w.sql}
        ORDER BY ${date} DESC NULLS LAST, st.document_id, st.evidence_start ${page})
     SELECT st.holder_id, e.name AS holder_name, st.topic, st.object_id, o.name AS object_name, st.polarity, c.date,
            st.document_id, d.title, ${sourceLabel('d')} AS source, st.evidence_start, st.evidence_end,
            substr(d.text, st.evidence_start + 1, st.evidence_end - st.evidence_start) AS evidence
       FROM chosen c JOIN stances st ON st.ctid = c.row JOIN documents d ON d.id = st.document_id
       JOIN entities e ON e.id = st.holder_id LEFT JOIN entities o ON o.id = st.object_id
      ORDER BY c.date DESC NULLS LAST, st.document_id, st.evidence_start`, w.params)).rows;
  const found = rows.map((r): StanceEntry => ({
    holderId: r.holder_id, holderName: r.holder_name, topic: r.topic, objectId: r.object_id, objectName: r.object_name,
    label: stanceLabel(r.topic, r.object_name), polarity: r.polarity, date: r.date, documentId: r.document_id,
    documentTitle: r.title, source: r.source, evidence: r.evidence, evidenceStart: r.evidence_start, evidenceEnd: r.evidence_end,
  }));
  let items = await correctStances(db, ov, found);
  if (f.holder) items = items.filter((s) => s.holderId === f.holder);
  if (f.object) items = items.filter((s) => s.objectId === f.object);
  return { total: f.counted ? total : items.length, items };
}

export interface DisagreementSide {
  documentId: string;
  documentTitle: string | null;
  source: string | null;
  date: string | null;
  /** The sentence that states it. */
  text: string;
  start: number;
  end: number;
  /** What this side says: a polarity ("support") or "asserted"/"denied". */
  claim: string;
}

/** Two sources that state opposite things about the same actor and topic. */
export interface Disagreement {
  id: string;
  kind: 'stance' | 'event';
  actorId: string;
  actorName: string;
  /** The stance topic, or the event type and target ("ASSAULT → Ukraine"). */
  topic: string;
  a: DisagreementSide;
  b: DisagreementSide;
  /** For an event disagreement: the timeline entry both sides report. */
  entryId?: string | null;
}

/** Disagreements, most recent first (by the later side's publication date). `actor` is an entity id. */
export async function listDisagreements(db: Queryable, f: { actor?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; items: Disagreement[] }> {
  const w = new Where();
  if (f.actor) w.add('(x.actor_id = ANY($::text[]) OR t.target_id = ANY($::text[]))', (await loadOverrides(db)).members(f.actor));
  const from = `FROM disagreements x LEFT JOIN timeline_entries t ON t.id = x.entry_id`;
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${w.sql}`, w.params)).rows[0]!.n;
  const page = w.page(f.limit, f.offset);
  const side = (p: 'a' | 'b') => `${p}d.title AS ${p}_title, ${sourceLabel(`${p}d`)} AS ${p}_source, to_char(${p}d.date, 'YYYY-MM-DD') AS ${p}_date,
    substr(${p}d.text, x.${p}_start + 1, x.${p}_end - x.${p}_start) AS ${p}_text`;
  const rows = (await db.query<any>(
    `SELECT x.id::text AS id, x.kind, x.actor_id, e.name AS actor_name, x.topic, x.entry_id::text AS entry_id, tg.name AS target_name,
            x.a_document_id, x.a_start, x.a_end, x.a_claim, x.b_document_id, x.b_start, x.b_end, x.b_claim, ${side('a')}, ${side('b')}
       ${from}
       LEFT JOIN entities e ON e.id = x.actor_id LEFT JOIN entities tg ON tg.id = t.target_id AND t.target_id IS DISTINCT FROM x.actor_id
       JOIN documents ad ON ad.id = x.a_document_id JOIN documents bd ON bd.id = x.b_document_id
       ${w.sql}
      ORDER BY GREATEST(ad.date, bd.date) DESC NULLS LAST, x.id DESC ${page}`, w.params)).rows;
  const sideOf = (r: any, p: 'a' | 'b'): DisagreementSide => ({
    documentId: r[`${p}_document_id`], documentTitle: r[`${p}_title`], source: r[`${p}_source`], date: r[`${p}_date`],
    text: r[`${p}_text`], start: r[`${p}_start`], end: r[`${p}_end`], claim: r[`${p}_claim`],
  });
  const items = rows.map((r): Disagreement => ({
    id: r.id, kind: r.kind, actorId: r.actor_id ?? '', actorName: r.actor_name ?? '(unnamed actor)',
    topic: r.kind === 'event' && r.target_name ? `${r.topic} → ${r.target_name}` : r.topic,
    a: sideOf(r, 'a'), b: sideOf(r, 'b'), entryId: r.entry_id,
  }));
  return { total, items };
}
