/**
 * Timeline entries: each stored event report joins the entry for the same real-world event, or starts one.
 * Two reports are one event when they have the same PLOVER type, compatible actors and compatible dates:
 * - Actors are compared as the states they act for ("Putin launched an invasion" and "Russia invaded" are both
 *   Russia's): at least one actor shared and the other equal or unnamed on one side; two reports naming no actor
 *   at all only on the very same date.
 * - A stated date is an interval (2022-02 contains 2022-02-24), and two stated dates agree when one nests in the
 *   other. A date of basis `report` (the report's own date, given to a past act the text does not date) is only an
 *   upper bound: it agrees with any date up to REPORT_WINDOW_DAYS before it, across documents, and with any
 *   earlier date within its own document (a document that says "the invasion in 2022" and later "since the
 *   invasion" tells one event). Undated reports join their document's dated report of the event, and across
 *   documents only undated entries of documents published within a few days.
 * Within one document the reports of one event are gathered first (most precise date first), so an entry takes
 * each document once, with all its reports of that event; two reports in one document that disagree on the date
 * ("strikes on 3 and on 5 May") stay two events. Every lookup is an index probe near the report's date and through
 * an actor: no scan of all events, nor of a busy actor's year. A batch of documents is resolved in memory, as if
 * its documents were stored one after another, and written once (store/batch.ts).
 */
import type { Queryable } from '../store/db.js';
import { dateInterval, intervalsNest, morePrecise, type DateInterval } from './dates.js';
import { takeIds } from './ids.js';

/** Undated reports of one event: how far apart (in days) their documents may be published. */
export const UNDATED_WINDOW_DAYS = 3;
/**
 * How long before its report a past act with no stated date may have happened, when it is matched with another
 * document's report. Short: meetings, visits and strikes recur, and an undated "NATO met Bosnia's leaders" in a June
 * report is not May's meeting; a long-past event is named with its date, or told again in the same document.
 */
export const REPORT_WINDOW_DAYS = 31;

export interface StoredEvent {
  local_id: string;
  type: string;
  cameo: string | null;
  source_id: string | null;
  target_id: string | null;
  location_id: string | null;
  date_value: string | null;
  negated: boolean;
  modality: string;
  sentence_start: number;
  sentence_end: number;
  source_state_id?: string | null;
  target_state_id?: string | null;
  date_basis?: string | null;
}

/** What one event report says, as compared with others: its actors rolled up to their states, and its date. */
export interface Report {
  type: string;
  source: string | null;
  target: string | null;
  /** A stated date's interval. */
  exact: DateInterval | null;
  /** A report-basis date: the day by which it happened. */
  bound: string | null;
  factual: boolean;
}

/** Modalities that state something happened (or did not): only these can contradict each other. */
const FACTUAL = new Set(['asserted', 'reported']);

export function reportOf(v: StoredEvent): Report {
  const interval = dateInterval(v.date_value);
  const isBound = interval && v.date_basis === 'report';
  return {
    type: v.type, source: v.source_state_id ?? v.source_id, target: v.target_state_id ?? v.target_id,
    exact: interval && !isBound ? interval : null, bound: isBound ? interval.to : null, factual: FACTUAL.has(v.modality),
  };
}

/** Same actors, after roll-up: one shared and the other equal or unnamed on one side. */
export function actorsAgree(a: Pick<Report, 'source' | 'target'>, b: Pick<Report, 'source' | 'target'>): boolean {
  if (a.source && b.source) return a.source === b.source && (!a.target || !b.target || a.target === b.target);
  if (a.target && b.target) return a.target === b.target;
  return false;
}

/**
 * Within one document: nested stated dates; a bound with any date up to it; an undated report with a dated one when
 * both tell something that happened and name the same two actors (or the same actor and no other): an undated
 * report is matched by its actors alone, so they must not differ even by an unnamed side.
 */
function agreeInDocument(a: Report, b: Report): boolean {
  if (a.exact && b.exact) return intervalsNest(a.exact, b.exact);
  if (a.exact && b.bound) return a.exact.from <= b.bound;
  if (a.bound && b.exact) return b.exact.from <= a.bound;
  if (a.bound && b.bound) return true;
  if (!a.exact && !a.bound && !b.exact && !b.bound) return true;
  return a.factual && b.factual && !!a.source && a.source === b.source && a.target === b.target;
}

/** The reports of one event in one document, and what they say together. */
export interface Cluster extends Report {
  members: number[];
}

/**
 * Gathers one document's reports of the same event. Reports are taken most precise date first (a day, then a
 * month, a year, a bound, none), each joining the first gathered event it agrees with; the event keeps the most
 * precise date and fills in actors it lacked. Deterministic for a document, whatever else is stored.
 */
export function clusterReports(reports: Report[]): Cluster[] {
  const precision = (r: Report) => (r.exact ? Date.parse(r.exact.to) - Date.parse(r.exact.from) : r.bound ? 1e15 : 2e15);
  const order = reports.map((_, k) => k).sort((x, y) => precision(reports[x]!) - precision(reports[y]!) || x - y);
  const clusters: Cluster[] = [];
  for (const k of order) {
    const r = reports[k]!;
    const noActors = !r.source && !r.target;
    const c = clusters.find((c) => c.type === r.type && agreeInDocument(c, r) &&
      (noActors ? !c.source && !c.target && !!r.exact && !!c.exact && r.exact.from === c.exact.from && r.exact.to === c.exact.to : actorsAgree(c, r)));
    if (!c) {
      clusters.push({ ...r, members: [k] });
      continue;
    }
    c.members.push(k);
    c.source ??= r.source;
    c.target ??= r.target;
    c.factual ||= r.factual;
    if (!c.exact && r.exact) [c.exact, c.bound] = [r.exact, null];
    else if (c.bound && r.bound && r.bound < c.bound) c.bound = r.bound;
  }
  // Members in the document's order, clusters by their first member: the same order whatever the precision.
  for (const c of clusters) c.members.sort((x, y) => x - y);
  return clusters.sort((x, y) => x.members[0]! - y.members[0]!);
}

/** A timeline entry as resolution sees it: stored, or made by the batch being written. Dates are `YYYY-MM-DD`. */
export interface EntryState {
  id: string;
  type: string;
  cameo: string | null;
  source_id: string | null;
  target_id: string | null;
  location_id: string | null;
  date_value: string | null;
  date_from: string | null;
  date_to: string | null;
  date_basis: string | null;
  doc_date: string | null;
  mention_count: number;
}

/** One document's events as resolution reads them, in text order (sentence, then trigger). */
export interface TimelineDocument {
  id: string;
  date: string | null;
  events: StoredEvent[];
}

export interface TimelineResult {
  /** Per document (in batch order): each event's entry id, by its local id. */
  entryOf: Map<string, string>[];
  /** New entries, final (store/insert-batch.ts TIMELINE_ENTRY_COLUMNS). */
  entries: unknown[][];
  /** Stored entries joined by the batch: [id, source, target, location, cameo, value, from, to, basis, reports added]. */
  updates: unknown[][];
  /** Per document: its event disagreements (store/insert-batch.ts DISAGREEMENT_COLUMNS). */
  disagreements: unknown[][][];
}

/** A cluster's date as stored on an entry: value, interval and basis. */
function entryDate(c: Pick<Report, 'exact' | 'bound'>, value: string | null): [string | null, string | null, string | null, string | null] {
  if (c.exact) return [value, c.exact.from, c.exact.to, 'stated'];
  if (c.bound) return [c.bound, c.bound, c.bound, 'report'];
  return [null, null, null, null];
}

/** Candidates kept per gathered event: the busiest entries that agree. */
const CANDIDATES = 8;
/** Ids given to entries made in this batch until it is written: after every stored entry, in the order made. */
const PROVISIONAL = 'new:';
const order = (id: string) => (id.startsWith(PROVISIONAL) ? 1e18 + Number(id.slice(PROVISIONAL.length)) : Number(id));

/** One gathered event of one document, with what its lookup needs. */
interface Probe {
  doc: number;
  k: number;
  cluster: Cluster;
  value: string | null;
  basis: string | null;
  dfrom: string | null;
  dto: string | null;
  /** Stated entries that can agree start in [lo, hi], or on the first day of the year or month of `lo`. */
  lo: string | null;
  hi: string | null;
}

/** A factual report of this batch on an entry, for later documents' contradictions. */
interface BatchReport {
  doc: number;
  document_id: string;
  doc_date: string | null;
  negated: boolean;
  sentence_start: number;
  sentence_end: number;
}

const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

function probeOf(doc: number, k: number, cluster: Cluster, value: string | null): Probe {
  const dfrom = cluster.exact?.from ?? cluster.bound;
  const dto = cluster.exact?.to ?? cluster.bound;
  const basis = cluster.exact ? 'stated' : cluster.bound ? 'report' : null;
  // A stated date agrees with entries inside it, entries containing it (a year or month starting before it) and
  // bounds up to REPORT_WINDOW_DAYS after it; a bound with dates overlapping the window before it and bounds near it.
  const lo = !dfrom ? null : basis === 'stated' ? dfrom : addDays(dfrom, -REPORT_WINDOW_DAYS);
  const hi = !dto ? null : addDays(dto, REPORT_WINDOW_DAYS);
  return { doc, k, cluster, value: value ?? cluster.bound, basis, dfrom, dto, lo, hi };
}

/** True when a stored-or-new entry is a candidate for a gathered event: the SQL of findCandidates, in memory. */
function entryMatches(t: EntryState, p: Probe, docDate: string | null): boolean {
  const c = p.cluster;
  if (t.type !== c.type) return false;
  const bySource = !!c.source && t.source_id === c.source && (!t.target_id || !c.target || t.target_id === c.target);
  const byTarget = !!c.target && t.target_id === c.target && (!t.source_id || !c.source || t.source_id === c.source);
  if (bySource || byTarget) {
    if (p.dfrom) {
      if (t.date_from && t.date_to && datesAgree(t, p)) return true;
    } else if (docDate && !t.date_from && t.doc_date && Math.abs(daysBetween(t.doc_date, docDate)) <= UNDATED_WINDOW_DAYS) return true;
  }
  return !c.source && !c.target && !!p.dfrom && !t.source_id && !t.target_id && t.date_value === p.value;
}

function datesAgree(t: EntryState, p: Probe): boolean {
  const W = REPORT_WINDOW_DAYS;
  const from = t.date_from!;
  const to = t.date_to!;
  const [dfrom, dto] = [p.dfrom!, p.dto!];
  if (p.basis === 'stated' && t.date_basis !== 'report') return (from <= dfrom && to >= dto) || (from >= dfrom && to <= dto);
  if (p.basis === 'stated') return to >= dfrom && to <= addDays(dto, W);
  if (t.date_basis !== 'report') return from <= dto && to >= addDays(dto, -W);
  return to >= addDays(dto, -W) && to <= addDays(dto, W);
}

/**
 * The batch's entries by the keys a gathered event can match them through (type with source, with target, or with
 * its date when neither is named), so that each lookup reads a few entries, not all the batch has made. A key an
 * entry had before it changed stays listed; entryMatches decides.
 */
class TouchedIndex {
  private readonly byKey = new Map<string, Set<string>>();

  add(t: EntryState): void {
    for (const key of [`${t.type}|s|${t.source_id}`, `${t.type}|t|${t.target_id}`, `${t.type}|v|${t.date_value}`]) {
      const ids = this.byKey.get(key) ?? new Set<string>();
      ids.add(t.id);
      this.byKey.set(key, ids);
    }
  }

  of(p: Probe): Set<string> {
    const c = p.cluster;
    const keys = [c.source ? `${c.type}|s|${c.source}` : null, c.target ? `${c.type}|t|${c.target}` : null,
      !c.source && !c.target ? `${c.type}|v|${p.value}` : null];
    const out = new Set<string>();
    for (const key of keys) for (const id of (key && this.byKey.get(key)) || []) out.add(id);
    return out;
  }
}

const byBusiest = (a: EntryState, b: EntryState) => b.mention_count - a.mention_count || order(a.id) - order(b.id);

/**
 * Links every event of a batch of documents to a timeline entry, recording event disagreements on the way, as if
 * the documents were stored one after another. The store is asked once for the candidates of every gathered event
 * of the batch (a LATERAL index probe per event, near its date and through an actor); the entries the batch itself
 * makes or changes are held here and matched in memory, and stand in for their stored versions. Nothing is
 * written: the caller inserts the result.
 */
export async function resolveTimeline(tx: Queryable, docs: TimelineDocument[]): Promise<TimelineResult> {
  const touched = new Map<string, EntryState>();
  const nearby = new TouchedIndex();
  const keep = (t: EntryState) => {
    touched.set(t.id, t);
    nearby.add(t);
  };
  const added = new Map<string, number>();
  let made = 0;
  const reports = new Map<string, BatchReport[]>();
  const claims: { doc: number; v: StoredEvent; entry: EntryState }[] = [];
  const entryOf = docs.map(() => new Map<string, string>());

  const gathered = docs.map((d) => {
    const clusters = clusterReports(d.events.map(reportOf));
    // The value a cluster's exact date is written as: the most precise member's own words for it.
    const exactValue = clusters.map((c) => (c.exact ? c.members.map((k) => d.events[k]!.date_value).find((v) => {
      const i = dateInterval(v);
      return !!i && i.from === c.exact!.from && i.to === c.exact!.to;
    }) ?? null : null));
    return { clusters, exactValue, probes: clusters.map((c, k) => probeOf(-1, k, c, exactValue[k]!)) };
  });
  // An undated event of an undated document, or one naming no actor, can join no stored entry: not asked about.
  const probes = gathered.flatMap((g, doc) => g.probes.map((p) => ((p.doc = doc), p)))
    .filter((p) => (p.dfrom ? true : !!docs[p.doc]!.date && !!(p.cluster.source || p.cluster.target)));
  const stored = await findCandidates(tx, probes, docs, []);

  for (let j = 0; j < docs.length; j++) {
    const { id: documentId, date: docDate, events } = docs[j]!;
    const { clusters, exactValue, probes: mine } = gathered[j]!;
    if (!events.length) continue;
    const candidates = new Map<number, EntryState[]>();
    // Entries this batch changed stand in for their stored rows; where they filled the store's answer, what they hid
    // is asked for again without them (one query for the document's events).
    const hidden = mine.filter((p) => {
      const fromStore = stored.get(p) ?? [];
      return fromStore.length === CANDIDATES && fromStore.some((c) => touched.has(c.id));
    });
    const again = hidden.length ? await findCandidates(tx, hidden, docs, [...touched.keys()].filter((id) => !id.startsWith(PROVISIONAL))) : null;
    for (const p of mine) {
      const list = (again?.has(p) || hidden.includes(p) ? again!.get(p) ?? [] : stored.get(p) ?? []).filter((c) => !touched.has(c.id));
      for (const id of nearby.of(p)) {
        const t = touched.get(id)!;
        if (entryMatches(t, p, docDate)) list.push({ ...t });
      }
      candidates.set(p.k, list.sort(byBusiest).slice(0, CANDIDATES));
    }
    // An entry takes each document once. The pairs are taken best agreement first, not in the document's order, so
    // that an entry takes the gathered event that agrees with it best, as that event would have chosen the entry had
    // its document come first (issue 14: the grouping must not depend on the order documents arrive in). Ties: the
    // busier, then older entry, then the earlier event.
    const pairs: { k: number; c: EntryState; r: number }[] = [];
    clusters.forEach((cl, k) => {
      for (const c of candidates.get(k) ?? []) pairs.push({ k, c, r: rank(c, cl, exactValue[k]!) });
    });
    pairs.sort((a, b) => b.r - a.r || b.c.mention_count - a.c.mention_count || order(a.c.id) - order(b.c.id) || a.k - b.k);
    const used = new Set<string>();
    const chosen: (EntryState | null)[] = clusters.map(() => null);
    for (const { k, c } of pairs) {
      if (chosen[k] || used.has(c.id)) continue;
      chosen[k] = c;
      used.add(c.id);
    }
    const first = (k: number, field: 'cameo' | 'location_id') => clusters[k]!.members.map((m) => events[m]![field]).find((x) => x) ?? null;
    const entryIds = clusters.map((c, k) => {
      const e = chosen[k];
      if (!e) {
        const [date_value, date_from, date_to, date_basis] = entryDate(c, exactValue[k]!);
        const id = `${PROVISIONAL}${made++}`;
        keep({ id, type: c.type, cameo: first(k, 'cameo'), source_id: c.source, target_id: c.target, location_id: first(k, 'location_id'),
          date_value, date_from, date_to, date_basis, doc_date: docDate, mention_count: c.members.length });
        return id;
      }
      // The entry keeps the most precise date (a stated date over a bound, the earlier of two bounds) and fills in
      // actors it lacked.
      const had = { exact: e.date_basis === 'report' ? null : dateInterval(e.date_value), bound: e.date_basis === 'report' ? e.date_value : null };
      let date: ReturnType<typeof entryDate>;
      if (had.exact && c.exact) {
        const v = morePrecise(e.date_value!, exactValue[k]!);
        date = entryDate({ exact: dateInterval(v), bound: null }, v);
      } else if (had.exact) date = entryDate(had, e.date_value);
      else if (c.exact) date = entryDate(c, exactValue[k]!);
      else date = entryDate({ exact: null, bound: had.bound && c.bound && c.bound < had.bound ? c.bound : had.bound ?? c.bound }, null);
      const now = touched.get(e.id) ?? e;
      keep({
        ...now, source_id: now.source_id ?? c.source, target_id: now.target_id ?? c.target, location_id: now.location_id ?? first(k, 'location_id'),
        cameo: now.cameo ?? first(k, 'cameo'), date_value: date[0], date_from: date[1], date_to: date[2], date_basis: date[3],
        mention_count: now.mention_count + c.members.length,
      });
      if (!e.id.startsWith(PROVISIONAL)) added.set(e.id, (added.get(e.id) ?? 0) + c.members.length);
      return e.id;
    });
    clusters.forEach((c, k) => c.members.forEach((m) => entryOf[j]!.set(events[m]!.local_id, entryIds[k]!)));
    // Contradictions: per joined event, its first factual report of each polarity stands for the document.
    clusters.forEach((c, k) => {
      if (!chosen[k]) return;
      for (const negated of [false, true]) {
        const m = c.members.find((m) => FACTUAL.has(events[m]!.modality) && events[m]!.negated === negated);
        if (m !== undefined) claims.push({ doc: j, v: events[m]!, entry: chosen[k]! });
      }
    });
    clusters.forEach((c, k) => {
      const list = reports.get(entryIds[k]!) ?? [];
      for (const m of c.members) {
        const v = events[m]!;
        if (FACTUAL.has(v.modality)) list.push({ doc: j, document_id: documentId, doc_date: docDate, negated: v.negated, sentence_start: v.sentence_start, sentence_end: v.sentence_end });
      }
      reports.set(entryIds[k]!, list);
    });
  }

  const disagreements = await recordContradictions(tx, docs, claims, reports);
  // Real ids for the new entries, in the order they were made: later than every stored one, as the provisional ids.
  const ids = await takeIds(tx, 'timeline_entries', made);
  const real = (id: string) => (id.startsWith(PROVISIONAL) ? ids[Number(id.slice(PROVISIONAL.length))]! : id);
  for (const m of entryOf) for (const [local, id] of m) m.set(local, real(id));
  for (const rows of disagreements) for (const r of rows) r[3] = real(r[3] as string);
  const entries: unknown[][] = [];
  const updates: unknown[][] = [];
  for (const t of touched.values()) {
    if (t.id.startsWith(PROVISIONAL)) {
      entries.push([real(t.id), t.type, t.cameo, t.source_id, t.target_id, t.location_id, t.date_value, t.date_from, t.date_to, t.date_basis, t.doc_date, t.mention_count]);
    } else {
      updates.push([t.id, t.source_id, t.target_id, t.location_id, t.cameo, t.date_value, t.date_from, t.date_to, t.date_basis, added.get(t.id) ?? 0]);
    }
  }
  entries.sort((a, b) => Number(a[0]) - Number(b[0]));
  updates.sort((a, b) => Number(a[0]) - Number(b[0]));
  return { entryOf, entries, updates, disagreements };
}

/** How well an entry's actors and date agree with a gathered event. */
function rank(e: EntryState, c: Cluster, value: string | null): number {
  const date = c.exact ? e.date_basis !== 'report' && e.date_value === value : e.date_basis === 'report';
  return (e.source_id === c.source ? 2 : 0) + (e.target_id === c.target ? 2 : 0) + (date ? 1 : 0);
}

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const ENTRY_COLS = `t.id, t.type, t.cameo, t.source_id, t.target_id, t.location_id, t.date_value, ${day('t.date_from')} AS date_from,
  ${day('t.date_to')} AS date_to, t.date_basis, ${day('t.doc_date')} AS doc_date, t.mention_count`;
const W = REPORT_WINDOW_DAYS;
// Which dates agree (entryMatches/datesAgree above, in SQL); v.dfrom..v.dto is a stated interval (basis 'stated')
// or the bound's day twice (basis 'report'); an entry of basis 'report' holds its bound as date_from = date_to.
const AGREE = `CASE WHEN v.basis = 'stated' AND t.date_basis IS DISTINCT FROM 'report'
               THEN (t.date_from <= v.dfrom AND t.date_to >= v.dto) OR (t.date_from >= v.dfrom AND t.date_to <= v.dto)
             WHEN v.basis = 'stated' THEN t.date_to BETWEEN v.dfrom AND v.dto + ${W}
             WHEN t.date_basis IS DISTINCT FROM 'report' THEN t.date_from <= v.dto AND t.date_to >= v.dto - ${W}
             ELSE t.date_to BETWEEN v.dto - ${W} AND v.dto + ${W} END`;
// Two narrow reads of the (type, actor, date_from) indexes find every entry whose dates can agree (probeOf): a range
// a stated date's length plus the window long, and the two days a year or a month containing its start begins on.
const IN_RANGE = `v.dfrom IS NOT NULL AND t.date_from BETWEEN v.lo AND v.hi AND ${AGREE}`;
const AT_START = `v.dfrom IS NOT NULL AND t.date_from IN (v.ys, v.ms) AND ${AGREE}`;
const UNDATED = `v.dfrom IS NULL AND v.doc_date IS NOT NULL AND t.date_from IS NULL
    AND t.doc_date BETWEEN v.doc_date - ${UNDATED_WINDOW_DAYS} AND v.doc_date + ${UNDATED_WINDOW_DAYS}`;
const BY_SOURCE = `v.source_id IS NOT NULL AND t.type = v.type AND t.source_id = v.source_id
    AND (t.target_id IS NULL OR v.target_id IS NULL OR t.target_id = v.target_id)`;
const BY_TARGET = `v.target_id IS NOT NULL AND t.type = v.type AND t.target_id = v.target_id
    AND (t.source_id IS NULL OR v.source_id IS NULL OR t.source_id = v.source_id)`;
const probe = (where: string) => `(SELECT ${ENTRY_COLS} FROM timeline_entries t WHERE ${where})`;

/**
 * The stored entries compatible with each gathered event, busiest first, up to CANDIDATES: index probes near its
 * date (dated events) or near its document's date (undated ones), through an actor; same type, actors equal or one
 * side unnamed, dates that agree. `exclude`: stored entries the caller holds a newer version of.
 */
async function findCandidates(tx: Queryable, probes: Probe[], docs: TimelineDocument[], exclude: string[]): Promise<Map<Probe, EntryState[]>> {
  const out = new Map<Probe, EntryState[]>();
  if (!probes.length) return out;
  const rows = (await tx.query<EntryState & { k: number }>(
    `SELECT v.k, c.id::text AS id, c.type, c.cameo, c.source_id, c.target_id, c.location_id, c.date_value, c.date_from, c.date_to, c.date_basis,
            c.doc_date, c.mention_count
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[], $8::date[], $9::text[], $10::text[], $11::date[],
                   $13::date[], $14::date[])
            AS v(k, type, source_id, target_id, dfrom, dto, lo, hi, value, basis, doc_date, ys, ms)
       CROSS JOIN LATERAL (
         SELECT * FROM (
           ${probe(`${BY_SOURCE} AND ${IN_RANGE}`)} UNION ${probe(`${BY_SOURCE} AND ${AT_START}`)} UNION ${probe(`${BY_SOURCE} AND ${UNDATED}`)}
           UNION ${probe(`${BY_TARGET} AND ${IN_RANGE}`)} UNION ${probe(`${BY_TARGET} AND ${AT_START}`)} UNION ${probe(`${BY_TARGET} AND ${UNDATED}`)}
           -- No actors on either side: the very same date.
           UNION ${probe(`v.source_id IS NULL AND v.target_id IS NULL AND v.dfrom IS NOT NULL AND t.type = v.type
               AND t.source_id IS NULL AND t.target_id IS NULL AND t.date_value = v.value`)}
         ) t WHERE t.id <> ALL($12::bigint[])
          ORDER BY t.mention_count DESC, t.id LIMIT ${CANDIDATES}) c`,
    [probes.map((_, k) => k), probes.map((p) => p.cluster.type), probes.map((p) => p.cluster.source), probes.map((p) => p.cluster.target),
      probes.map((p) => p.dfrom), probes.map((p) => p.dto), probes.map((p) => p.lo), probes.map((p) => p.hi), probes.map((p) => p.value),
      probes.map((p) => p.basis), probes.map((p) => docs[p.doc]!.date), exclude,
      probes.map((p) => (p.lo ? `${p.lo.slice(0, 4)}-01-01` : null)), probes.map((p) => (p.lo ? `${p.lo.slice(0, 7)}-01` : null))])).rows;
  for (const r of rows) {
    const p = probes[Number(r.k)]!;
    const { k: _k, ...entry } = r;
    entry.mention_count = Number(entry.mention_count);
    const list = out.get(p) ?? [];
    list.push(entry);
    out.set(p, list);
  }
  return out;
}

/**
 * A report that denies what another document asserts (or asserts what another denies) on the same entry: one
 * disagreement per contradicting document and entry, against the earliest-published report of the other claim
 * among the documents stored before it (the store's, asked once for the batch's stored entries, and the batch's
 * earlier documents'). Rows per document, in the batch's order.
 */
async function recordContradictions(tx: Queryable, docs: TimelineDocument[], claims: { doc: number; v: StoredEvent; entry: EntryState }[],
  reports: Map<string, BatchReport[]>): Promise<unknown[][][]> {
  const out: unknown[][][] = docs.map(() => []);
  const asked = claims.map((c, k) => ({ c, k })).filter(({ c }) => !c.entry.id.startsWith(PROVISIONAL));
  const stored = new Map<number, Omit<BatchReport, 'doc' | 'negated'>>();
  if (asked.length) {
    const rows = (await tx.query<{ k: number; document_id: string; sentence_start: number; sentence_end: number; doc_date: string | null }>(
      `SELECT u.k, o.* FROM unnest($1::int[], $2::bigint[], $3::boolean[]) AS u(k, entry_id, negated)
         CROSS JOIN LATERAL (
           SELECT o.document_id, o.sentence_start, o.sentence_end, ${day('d.date')} AS doc_date FROM events o JOIN documents d ON d.id = o.document_id
            WHERE o.entry_id = u.entry_id AND o.negated <> u.negated AND o.modality IN ('asserted', 'reported')
            ORDER BY d.date NULLS LAST, o.document_id, o.sentence_start LIMIT 1) o`,
      [asked.map(({ k }) => k), asked.map(({ c }) => c.entry.id), asked.map(({ c }) => c.v.negated)])).rows;
    for (const r of rows) stored.set(Number(r.k), r);
  }
  const earlier = (a: Omit<BatchReport, 'doc' | 'negated'>, b: Omit<BatchReport, 'doc' | 'negated'>) =>
    (a.doc_date === b.doc_date ? 0 : a.doc_date === null ? 1 : b.doc_date === null ? -1 : a.doc_date < b.doc_date ? -1 : 1) ||
    (a.document_id < b.document_id ? -1 : a.document_id > b.document_id ? 1 : 0) || a.sentence_start - b.sentence_start;
  const claim = (negated: boolean) => (negated ? 'denied' : 'asserted');
  claims.forEach(({ doc, v, entry }, k) => {
    let best = stored.get(k) ?? null;
    for (const r of reports.get(entry.id) ?? []) {
      if (r.doc < doc && r.negated !== v.negated && (!best || earlier(r, best) < 0)) best = r;
    }
    if (!best) return;
    out[doc]!.push(['event', entry.source_id ?? entry.target_id ?? v.source_id ?? v.target_id, v.type, entry.id, best.document_id,
      best.sentence_start, best.sentence_end, claim(!v.negated), docs[doc]!.id, v.sentence_start, v.sentence_end, claim(v.negated)]);
  });
  return out;
}
