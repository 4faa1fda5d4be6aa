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
 * ("strikes on 3 and on 5 May") stay two events. Every lookup is an index probe near the report's date: no scan
 * of all events.
 */
import type { Queryable } from '../store/db.js';
import { dateInterval, intervalsNest, morePrecise, type DateInterval } from './dates.js';
import { insertRows } from '../store/rows.js';

/** Undated reports of one event: how far apart (in days) their documents may be published. */
export const UNDATED_WINDOW_DAYS = 3;
/**
 * How long before its report a past act with no stated date may have happened, when it is matched with another
 * document's report. Short: meetings, visits and strikes recur, and an undated "NATO met Bosnia's leaders" in a June
 * report is not May's meeting; a long-past event is named with its date, or told again in the same document.
 */
export const REPORT_WINDOW_DAYS = 31;
/** The widest interval a date value covers (a year), bounding the index range that can contain a new date. */
const WIDEST_INTERVAL_DAYS = 366;

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

interface Entry {
  id: string;
  source_id: string | null;
  target_id: string | null;
  location_id: string | null;
  date_value: string | null;
  date_basis: string | null;
}

interface Candidate extends Entry {
  k: number;
  mention_count: number;
}

/** A cluster's date as stored on an entry: value, interval and basis. */
function entryDate(c: Pick<Report, 'exact' | 'bound'>, value: string | null): [string | null, string | null, string | null, string | null] {
  if (c.exact) return [value, c.exact.from, c.exact.to, 'stated'];
  if (c.bound) return [c.bound, c.bound, c.bound, 'report'];
  return [null, null, null, null];
}

/**
 * Links every event of one document to a timeline entry, recording event disagreements on the way. Set-based: one
 * query finds the candidate entries of all the document's events (a LATERAL probe per gathered event), the choice
 * is made here, and the new entries, the joined entries and the events are each written in one statement.
 */
export async function resolveEvents(tx: Queryable, documentId: string, docDate: string | null): Promise<void> {
  const events = (await tx.query<StoredEvent>(
    `SELECT local_id, type, cameo, source_id, target_id, location_id, date_value, negated, modality, sentence_start, sentence_end,
            source_state_id, target_state_id, date_basis
       FROM events WHERE document_id = $1 ORDER BY sentence_start, trigger_start`, [documentId])).rows;
  if (!events.length) return;
  const clusters = clusterReports(events.map(reportOf));
  // The value a cluster's exact date is written as: the most precise member's own words for it.
  const exactValue = clusters.map((c) => (c.exact ? c.members.map((k) => events[k]!.date_value).find((v) => {
    const i = dateInterval(v);
    return !!i && i.from === c.exact!.from && i.to === c.exact!.to;
  }) ?? null : null));
  const candidates = await findCandidates(tx, clusters, exactValue, docDate);
  // An entry takes each document once. The pairs are taken best agreement first, not in the document's order, so
  // that an entry takes the gathered event that agrees with it best, as that event would have chosen the entry had
  // its document come first (issue 14: the grouping must not depend on the order documents arrive in). Ties: the
  // busier, then older entry, then the earlier event.
  const pairs: { k: number; c: Candidate; r: number }[] = [];
  clusters.forEach((cl, k) => {
    for (const c of candidates.get(k) ?? []) pairs.push({ k, c, r: rank(c, cl, exactValue[k]!) });
  });
  pairs.sort((a, b) => b.r - a.r || b.c.mention_count - a.c.mention_count || Number(a.c.id) - Number(b.c.id) || a.k - b.k);
  const used = new Set<string>();
  const chosen: (Candidate | null)[] = clusters.map(() => null);
  for (const { k, c } of pairs) {
    if (chosen[k] || used.has(c.id)) continue;
    chosen[k] = c;
    used.add(c.id);
  }
  const fresh = clusters.map((_, k) => k).filter((k) => !chosen[k]);
  const ids = fresh.length ? (await tx.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence('timeline_entries', 'id'))::text AS id FROM generate_series(1, $1)`, [fresh.length])).rows.map((r) => r.id) : [];
  const entryOf = clusters.map((_, k) => chosen[k]?.id ?? null);
  fresh.forEach((k, n) => (entryOf[k] = ids[n]!));
  const first = (k: number, field: 'cameo' | 'location_id') => clusters[k]!.members.map((m) => events[m]![field]).find((x) => x) ?? null;
  if (fresh.length) {
    await insertRows(tx, 'timeline_entries', ['id', 'type', 'cameo', 'source_id', 'target_id', 'location_id', 'date_value', 'date_from', 'date_to', 'date_basis', 'doc_date', 'mention_count'],
      fresh.map((k) => {
        const c = clusters[k]!;
        return [entryOf[k], c.type, first(k, 'cameo'), c.source, c.target, first(k, 'location_id'), ...entryDate(c, exactValue[k]!), docDate, c.members.length];
      }));
  }
  const joined = clusters.map((_, k) => k).filter((k) => chosen[k]);
  if (joined.length) {
    // The entry keeps the most precise date (a stated date over a bound, the earlier of two bounds) and fills in
    // actors it lacked.
    const rows = joined.map((k) => {
      const e = chosen[k]!;
      const c = clusters[k]!;
      const had = { exact: e.date_basis === 'report' ? null : dateInterval(e.date_value), bound: e.date_basis === 'report' ? e.date_value : null };
      let date: ReturnType<typeof entryDate>;
      if (had.exact && c.exact) {
        const v = morePrecise(e.date_value!, exactValue[k]!);
        date = entryDate({ exact: dateInterval(v), bound: null }, v);
      } else if (had.exact) date = entryDate(had, e.date_value);
      else if (c.exact) date = entryDate(c, exactValue[k]!);
      else date = entryDate({ exact: null, bound: had.bound && c.bound && c.bound < had.bound ? c.bound : had.bound ?? c.bound }, null);
      return [e.id, c.source, c.target, first(k, 'location_id'), first(k, 'cameo'), ...date, c.members.length];
    });
    const col = (c: number) => rows.map((r) => r[c]);
    await tx.query(
      `UPDATE timeline_entries t SET source_id = COALESCE(t.source_id, u.source_id), target_id = COALESCE(t.target_id, u.target_id),
              location_id = COALESCE(t.location_id, u.location_id), cameo = COALESCE(t.cameo, u.cameo), date_value = u.date_value,
              date_from = u.date_from, date_to = u.date_to, date_basis = u.date_basis, mention_count = t.mention_count + u.n
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[], $10::int[])
              AS u(id, source_id, target_id, location_id, cameo, date_value, date_from, date_to, date_basis, n)
        WHERE t.id = u.id`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9)]);
  }
  const eventEntry = events.map(() => null as string | null);
  clusters.forEach((c, k) => c.members.forEach((m) => (eventEntry[m] = entryOf[k]!)));
  await tx.query(
    `UPDATE events e SET entry_id = u.entry_id FROM unnest($1::text[], $2::bigint[]) AS u(local_id, entry_id)
      WHERE e.document_id = $3 AND e.local_id = u.local_id`,
    [events.map((v) => v.local_id), eventEntry, documentId]);
  // Contradictions: per joined event, its first factual report of each polarity stands for the document.
  const claims: { v: StoredEvent; entry: Entry }[] = [];
  for (const k of joined) {
    for (const negated of [false, true]) {
      const m = clusters[k]!.members.find((m) => FACTUAL.has(events[m]!.modality) && events[m]!.negated === negated);
      if (m !== undefined) claims.push({ v: events[m]!, entry: chosen[k]! });
    }
  }
  await recordContradictions(tx, documentId, claims);
}

/** How well an entry's actors and date agree with a gathered event. */
function rank(e: Entry, c: Cluster, value: string | null): number {
  const date = c.exact ? e.date_basis !== 'report' && e.date_value === value : e.date_basis === 'report';
  return (e.source_id === c.source ? 2 : 0) + (e.target_id === c.target ? 2 : 0) + (date ? 1 : 0);
}

const ENTRY_COLS = 't.id::text AS id, t.source_id, t.target_id, t.location_id, t.date_value, t.date_basis, t.mention_count';
const W = REPORT_WINDOW_DAYS;
// The range on date_from is written plainly so that the planner range-scans the date column of the (type, actor,
// date) indexes; which dates agree is decided after it. v.dfrom..v.dto is a stated interval (basis 'stated') or the
// bound's day twice (basis 'report'); an entry of basis 'report' holds its bound as date_from = date_to.
const DATED = `v.dfrom IS NOT NULL AND t.date_from BETWEEN v.dfrom - ${WIDEST_INTERVAL_DAYS + W} AND v.dto + ${W}
    AND CASE WHEN v.basis = 'stated' AND t.date_basis IS DISTINCT FROM 'report'
               THEN (t.date_from <= v.dfrom AND t.date_to >= v.dto) OR (t.date_from >= v.dfrom AND t.date_to <= v.dto)
             WHEN v.basis = 'stated' THEN t.date_to BETWEEN v.dfrom AND v.dto + ${W}
             WHEN t.date_basis IS DISTINCT FROM 'report' THEN t.date_from <= v.dto AND t.date_to >= v.dto - ${W}
             ELSE t.date_to BETWEEN v.dto - ${W} AND v.dto + ${W} END`;
const UNDATED = `v.dfrom IS NULL AND $7::date IS NOT NULL AND t.date_from IS NULL
    AND t.doc_date BETWEEN $7::date - ${UNDATED_WINDOW_DAYS} AND $7::date + ${UNDATED_WINDOW_DAYS}`;
const BY_SOURCE = `v.source_id IS NOT NULL AND t.type = v.type AND t.source_id = v.source_id
    AND (t.target_id IS NULL OR v.target_id IS NULL OR t.target_id = v.target_id)`;
const BY_TARGET = `v.target_id IS NOT NULL AND t.type = v.type AND t.target_id = v.target_id
    AND (t.source_id IS NULL OR v.source_id IS NULL OR t.source_id = v.source_id)`;

/**
 * The compatible entries of every gathered event, by index probes near its date (dated events) or near the
 * document's date (undated ones): same type, actors equal or one side unnamed, dates that agree.
 */
async function findCandidates(tx: Queryable, clusters: Cluster[], exactValue: (string | null)[], docDate: string | null): Promise<Map<number, Candidate[]>> {
  const rows = (await tx.query<Candidate>(
    `SELECT v.k, c.* FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $8::text[], $9::text[])
                             AS v(k, type, source_id, target_id, dfrom, dto, value, basis)
       CROSS JOIN LATERAL (
         -- Index probes, one per way of being the same event: through the source or the target, each near the
         -- report's date (or its document's, undated); or, no actors on either side, on the very same date.
         SELECT * FROM (
           (SELECT ${ENTRY_COLS} FROM timeline_entries t WHERE ${BY_SOURCE} AND ${DATED})
           UNION (SELECT ${ENTRY_COLS} FROM timeline_entries t WHERE ${BY_SOURCE} AND ${UNDATED})
           UNION (SELECT ${ENTRY_COLS} FROM timeline_entries t WHERE ${BY_TARGET} AND ${DATED})
           UNION (SELECT ${ENTRY_COLS} FROM timeline_entries t WHERE ${BY_TARGET} AND ${UNDATED})
           UNION (SELECT ${ENTRY_COLS} FROM timeline_entries t
             WHERE v.source_id IS NULL AND v.target_id IS NULL AND v.dfrom IS NOT NULL AND t.type = v.type
               AND t.source_id IS NULL AND t.target_id IS NULL AND t.date_value = v.value)
         ) t
          ORDER BY t.mention_count DESC, t.id LIMIT 8) c`,
    [clusters.map((_, k) => k), clusters.map((c) => c.type), clusters.map((c) => c.source), clusters.map((c) => c.target),
      clusters.map((c) => c.exact?.from ?? c.bound), clusters.map((c) => c.exact?.to ?? c.bound), docDate,
      clusters.map((c, k) => exactValue[k] ?? c.bound), clusters.map((c) => (c.exact ? 'stated' : c.bound ? 'report' : null))])).rows;
  const out = new Map<number, Candidate[]>();
  for (const r of rows) {
    const list = out.get(Number(r.k)) ?? [];
    list.push(r);
    out.set(Number(r.k), list);
  }
  return out;
}

/**
 * A report that denies what another document asserts (or asserts what another denies) on the same entry: one
 * disagreement per contradicting document and entry, against the earliest-published report of the other claim.
 */
async function recordContradictions(tx: Queryable, documentId: string, joined: { v: StoredEvent; entry: Entry }[]): Promise<void> {
  if (!joined.length) return;
  const others = (await tx.query<{ k: number; document_id: string; sentence_start: number; sentence_end: number }>(
    `SELECT u.k, o.* FROM unnest($1::int[], $2::bigint[], $3::boolean[]) AS u(k, entry_id, negated)
       CROSS JOIN LATERAL (
         SELECT o.document_id, o.sentence_start, o.sentence_end FROM events o JOIN documents d ON d.id = o.document_id
          WHERE o.entry_id = u.entry_id AND o.document_id <> $4 AND o.negated <> u.negated AND o.modality IN ('asserted', 'reported')
          ORDER BY d.date NULLS LAST, o.document_id, o.sentence_start LIMIT 1) o`,
    [joined.map((_, k) => k), joined.map((j) => j.entry.id), joined.map((j) => j.v.negated), documentId])).rows;
  const claim = (negated: boolean) => (negated ? 'denied' : 'asserted');
  await insertRows(tx, 'disagreements', ['kind', 'actor_id', 'topic', 'entry_id', 'a_document_id', 'a_start', 'a_end', 'a_claim', 'b_document_id', 'b_start', 'b_end', 'b_claim'],
    others.map((o) => {
      const { v, entry } = joined[Number(o.k)]!;
      return ['event', entry.source_id ?? entry.target_id ?? v.source_id ?? v.target_id, v.type, entry.id, o.document_id, o.sentence_start, o.sentence_end,
        claim(!v.negated), documentId, v.sentence_start, v.sentence_end, claim(v.negated)];
    }));
}
