/**
 * Timeline entries: each stored event report joins the entry for the same real-world event, or starts one.
 * Two reports are one event when they have the same PLOVER type, compatible actors (at least one actor shared and
 * the other equal or unnamed on one side; two reports naming no actor at all only on the very same date),
 * compatible dates (one interval within the other; two undated reports only when their documents appeared within
 * a few days of each other), and the entry has no report yet from the same document (a document that reports two
 * strikes means two strikes). Every lookup is an index probe near the report's date: no scan of all events.
 */
import type { Queryable } from '../store/db.js';
import { dateInterval, morePrecise, type DateInterval } from './dates.js';
import { insertRows } from '../store/rows.js';

/** Undated reports of one event: how far apart (in days) their documents may be published. */
export const UNDATED_WINDOW_DAYS = 3;
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
}

interface Entry {
  id: string;
  source_id: string | null;
  target_id: string | null;
  location_id: string | null;
  date_value: string | null;
}

/** Modalities that state something happened (or did not): only these can contradict each other. */
const FACTUAL = new Set(['asserted', 'reported']);

interface Candidate extends Entry {
  k: number;
  mention_count: number;
}

/**
 * Links every event of one document to a timeline entry, recording event disagreements on the way. Set-based: one
 * query finds the candidate entries of all the document's events (a LATERAL probe per event), the choice is made
 * here, and the new entries, the joined entries and the events are each written in one statement. A document of
 * 50 events costs a handful of statements, not 200.
 */
export async function resolveEvents(tx: Queryable, documentId: string, docDate: string | null): Promise<void> {
  const events = (await tx.query<StoredEvent>(
    `SELECT local_id, type, cameo, source_id, target_id, location_id, date_value, negated, modality, sentence_start, sentence_end
       FROM events WHERE document_id = $1 ORDER BY sentence_start, trigger_start`, [documentId])).rows;
  if (!events.length) return;
  const intervals = events.map((v) => dateInterval(v.date_value));
  const candidates = await findCandidates(tx, events, intervals, docDate);

  // A document that reports two strikes means two strikes: each entry takes at most one report per document. The
  // pairs are taken best agreement first, not in the document's order, so that an entry takes the report that
  // agrees with it best, as that report would have chosen the entry had its document come first (issue 14: the
  // grouping must not depend on the order documents arrive in). Ties: the busier, then older entry, then the
  // earlier report.
  const pairs: { k: number; c: Candidate; r: number }[] = [];
  events.forEach((v, k) => {
    for (const c of candidates.get(k) ?? []) pairs.push({ k, c, r: rank(c, v) });
  });
  pairs.sort((a, b) => b.r - a.r || b.c.mention_count - a.c.mention_count || Number(a.c.id) - Number(b.c.id) || a.k - b.k);
  const used = new Set<string>();
  const chosen: (Candidate | null)[] = events.map(() => null);
  for (const { k, c } of pairs) {
    if (chosen[k] || used.has(c.id)) continue;
    chosen[k] = c;
    used.add(c.id);
  }

  const fresh = events.map((_, k) => k).filter((k) => !chosen[k]);
  const ids = fresh.length ? (await tx.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence('timeline_entries', 'id'))::text AS id FROM generate_series(1, $1)`, [fresh.length])).rows.map((r) => r.id) : [];
  const entryOf = events.map((_, k) => chosen[k]?.id ?? null);
  fresh.forEach((k, n) => (entryOf[k] = ids[n]!));
  if (fresh.length) {
    await insertRows(tx, 'timeline_entries', ['id', 'type', 'cameo', 'source_id', 'target_id', 'location_id', 'date_value', 'date_from', 'date_to', 'doc_date', 'mention_count'],
      fresh.map((k) => {
        const v = events[k]!;
        const i = intervals[k];
        return [entryOf[k], v.type, v.cameo, v.source_id, v.target_id, v.location_id, i ? v.date_value : null, i?.from ?? null, i?.to ?? null, docDate, 1];
      }));
  }
  const joined = events.map((_, k) => k).filter((k) => chosen[k]);
  if (joined.length) {
    // The entry keeps the most precise date and fills in actors it lacked.
    const rows = joined.map((k) => {
      const e = chosen[k]!;
      const v = events[k]!;
      const date = e.date_value && v.date_value ? morePrecise(e.date_value, v.date_value) : e.date_value;
      const i = dateInterval(date);
      return [e.id, v.source_id, v.target_id, v.location_id, v.cameo, date, i?.from ?? null, i?.to ?? null];
    });
    const col = (c: number) => rows.map((r) => r[c]);
    await tx.query(
      `UPDATE timeline_entries t SET source_id = COALESCE(t.source_id, u.source_id), target_id = COALESCE(t.target_id, u.target_id),
              location_id = COALESCE(t.location_id, u.location_id), cameo = COALESCE(t.cameo, u.cameo), date_value = u.date_value,
              date_from = u.date_from, date_to = u.date_to, mention_count = t.mention_count + 1
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[])
              AS u(id, source_id, target_id, location_id, cameo, date_value, date_from, date_to)
        WHERE t.id = u.id`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7)]);
  }
  await tx.query(
    `UPDATE events e SET entry_id = u.entry_id FROM unnest($1::text[], $2::bigint[]) AS u(local_id, entry_id)
      WHERE e.document_id = $3 AND e.local_id = u.local_id`,
    [events.map((v) => v.local_id), entryOf, documentId]);
  await recordContradictions(tx, documentId, joined.filter((k) => FACTUAL.has(events[k]!.modality)).map((k) => ({ v: events[k]!, entry: chosen[k]! })));
}

/** How well an entry's actors and date agree with a report. */
function rank(e: Entry, v: StoredEvent): number {
  return (e.source_id === v.source_id ? 2 : 0) + (e.target_id === v.target_id ? 2 : 0) + (e.date_value === v.date_value ? 1 : 0);
}

const ENTRY_COLS = 't.id::text AS id, t.source_id, t.target_id, t.location_id, t.date_value, t.mention_count';
// Written without CASE so that the planner can range-scan the date column of the (type, actor, date) indexes.
const DATED = `v.dfrom IS NOT NULL AND t.date_from BETWEEN v.dfrom - ${WIDEST_INTERVAL_DAYS} AND v.dto
    AND ((t.date_from <= v.dfrom AND t.date_to >= v.dto) OR (t.date_from >= v.dfrom AND t.date_to <= v.dto))`;
const UNDATED = `v.dfrom IS NULL AND $7::date IS NOT NULL AND t.date_from IS NULL
    AND t.doc_date BETWEEN $7::date - ${UNDATED_WINDOW_DAYS} AND $7::date + ${UNDATED_WINDOW_DAYS}`;
const BY_SOURCE = `v.source_id IS NOT NULL AND t.type = v.type AND t.source_id = v.source_id
    AND (t.target_id IS NULL OR v.target_id IS NULL OR t.target_id = v.target_id)`;
const BY_TARGET = `v.target_id IS NOT NULL AND t.type = v.type AND t.target_id = v.target_id
    AND (t.source_id IS NULL OR v.source_id IS NULL OR t.source_id = v.source_id)`;

/**
 * The compatible entries of every event, by index probes near each event's date (dated reports) or near the
 * document's date (undated ones): same type, actors equal or one side unnamed, one date interval inside the other.
 */
async function findCandidates(tx: Queryable, events: StoredEvent[], intervals: (DateInterval | null)[], docDate: string | null): Promise<Map<number, Candidate[]>> {
  const rows = (await tx.query<Candidate>(
    `SELECT v.k, c.* FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $8::text[]) AS v(k, type, source_id, target_id, dfrom, dto, value)
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
    [events.map((_, k) => k), events.map((v) => v.type), events.map((v) => v.source_id), events.map((v) => v.target_id),
      intervals.map((i) => i?.from ?? null), intervals.map((i) => i?.to ?? null), docDate, events.map((v) => v.date_value)])).rows;
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
