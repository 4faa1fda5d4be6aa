/**
 * Timeline entries: each stored event report joins the entry for the same real-world event, or starts one.
 * Two reports are one event when they have the same PLOVER type, compatible actors (equal, or one side unnamed),
 * compatible dates (one interval within the other; two undated reports only when their documents appeared within
 * a few days of each other), and the entry has no report yet from the same document (a document that reports two
 * strikes means two strikes). Every lookup is an index probe near the report's date: no scan of all events.
 */
import type { Queryable } from '../store/db.js';
import { dateInterval, morePrecise } from './dates.js';

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

/** Links every event of one document to a timeline entry, recording event disagreements on the way. */
export async function resolveEvents(tx: Queryable, documentId: string, docDate: string | null): Promise<void> {
  const events = (await tx.query<StoredEvent>(
    `SELECT local_id, type, cameo, source_id, target_id, location_id, date_value, negated, modality, sentence_start, sentence_end
       FROM events WHERE document_id = $1 ORDER BY sentence_start, trigger_start`, [documentId])).rows;
  for (const v of events) {
    const entry = await findEntry(tx, v, documentId, docDate);
    const entryId = entry ? await joinEntry(tx, entry, v) : await startEntry(tx, v, docDate);
    await tx.query('UPDATE events SET entry_id = $1 WHERE document_id = $2 AND local_id = $3', [entryId, documentId, v.local_id]);
    if (entry && FACTUAL.has(v.modality)) await recordContradiction(tx, entryId, documentId, v);
  }
}

const ACTORS_COMPATIBLE = `(t.source_id IS NULL OR $2::text IS NULL OR t.source_id = $2)
  AND (t.target_id IS NULL OR $3::text IS NULL OR t.target_id = $3)
  AND NOT EXISTS (SELECT 1 FROM events o WHERE o.entry_id = t.id AND o.document_id = $4)`;
// Among several candidates: the one whose actors agree most, then the same date, then the best-attested.
const BEST_FIRST = `ORDER BY (t.source_id IS NOT DISTINCT FROM $2)::int + (t.target_id IS NOT DISTINCT FROM $3)::int DESC,
  (t.date_value IS NOT DISTINCT FROM $5::text) DESC, t.mention_count DESC, t.id LIMIT 1`;

async function findEntry(tx: Queryable, v: StoredEvent, documentId: string, docDate: string | null): Promise<Entry | null> {
  const cols = 't.id::text AS id, t.source_id, t.target_id, t.location_id, t.date_value';
  const interval = dateInterval(v.date_value);
  if (interval) {
    return (await tx.query<Entry>(
      `SELECT ${cols} FROM timeline_entries t
        WHERE t.type = $1 AND t.date_from IS NOT NULL
          AND t.date_from BETWEEN $6::date - ${WIDEST_INTERVAL_DAYS} AND $7::date
          AND ((t.date_from <= $6::date AND t.date_to >= $7::date) OR (t.date_from >= $6::date AND t.date_to <= $7::date))
          AND ${ACTORS_COMPATIBLE} ${BEST_FIRST}`,
      [v.type, v.source_id, v.target_id, documentId, v.date_value, interval.from, interval.to])).rows[0] ?? null;
  }
  if (!docDate) return null;
  return (await tx.query<Entry>(
    `SELECT ${cols} FROM timeline_entries t
      WHERE t.type = $1 AND t.date_from IS NULL
        AND t.doc_date BETWEEN $6::date - ${UNDATED_WINDOW_DAYS} AND $6::date + ${UNDATED_WINDOW_DAYS}
        AND ${ACTORS_COMPATIBLE} ${BEST_FIRST}`,
    [v.type, v.source_id, v.target_id, documentId, null, docDate])).rows[0] ?? null;
}

/** Adds a report to an entry: the entry keeps the most precise date and fills in actors it lacked. */
async function joinEntry(tx: Queryable, entry: Entry, v: StoredEvent): Promise<string> {
  const date = entry.date_value && v.date_value ? morePrecise(entry.date_value, v.date_value) : entry.date_value;
  const interval = dateInterval(date);
  await tx.query(
    `UPDATE timeline_entries SET source_id = COALESCE(source_id, $2), target_id = COALESCE(target_id, $3),
            location_id = COALESCE(location_id, $4), cameo = COALESCE(cameo, $5), date_value = $6, date_from = $7, date_to = $8,
            mention_count = mention_count + 1
      WHERE id = $1`,
    [entry.id, v.source_id, v.target_id, v.location_id, v.cameo, date, interval?.from ?? null, interval?.to ?? null]);
  return entry.id;
}

async function startEntry(tx: Queryable, v: StoredEvent, docDate: string | null): Promise<string> {
  const interval = dateInterval(v.date_value);
  const row = (await tx.query<{ id: string }>(
    `INSERT INTO timeline_entries (type, cameo, source_id, target_id, location_id, date_value, date_from, date_to, doc_date, mention_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) RETURNING id::text AS id`,
    [v.type, v.cameo, v.source_id, v.target_id, v.location_id, interval ? v.date_value : null, interval?.from ?? null,
      interval?.to ?? null, docDate])).rows[0]!;
  return row.id;
}

/**
 * A report that denies what another document asserts (or asserts what another denies) on the same entry: one
 * disagreement per contradicting document and entry, against the earliest-published report of the other claim.
 */
async function recordContradiction(tx: Queryable, entryId: string, documentId: string, v: StoredEvent): Promise<void> {
  const seen = await tx.query('SELECT 1 FROM disagreements WHERE entry_id = $1 AND b_document_id = $2 LIMIT 1', [entryId, documentId]);
  if (seen.rows.length) return;
  const other = (await tx.query<{ document_id: string; sentence_start: number; sentence_end: number }>(
    `SELECT o.document_id, o.sentence_start, o.sentence_end FROM events o JOIN documents d ON d.id = o.document_id
      WHERE o.entry_id = $1 AND o.document_id <> $2 AND o.negated <> $3 AND o.modality IN ('asserted', 'reported')
      ORDER BY d.date NULLS LAST, o.document_id, o.sentence_start LIMIT 1`, [entryId, documentId, v.negated])).rows[0];
  if (!other) return;
  const entry = (await tx.query<{ source_id: string | null; target_id: string | null; type: string }>(
    'SELECT source_id, target_id, type FROM timeline_entries WHERE id = $1', [entryId])).rows[0]!;
  const claim = (negated: boolean) => (negated ? 'denied' : 'asserted');
  await tx.query(
    `INSERT INTO disagreements (kind, actor_id, topic, entry_id, a_document_id, a_start, a_end, a_claim, b_document_id, b_start, b_end, b_claim)
     VALUES ('event', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [entry.source_id ?? entry.target_id, entry.type, entryId, other.document_id, other.sentence_start, other.sentence_end,
      claim(!v.negated), documentId, v.sentence_start, v.sentence_end, claim(v.negated)]);
}
