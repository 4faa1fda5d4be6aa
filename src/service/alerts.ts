/**
 * Alerts (issue 13): saved queries over what comes in. A query takes the filters of the timeline and search: an
 * actor (as source or target of an event), an event type, a place (where an event is, or a party to it), a stance
 * topic and keywords (full-text, as `dossier search`). Every filter given must hold in one document; a match is that
 * document with the sentence that matched, and it is new when the document was stored after the alert was last seen.
 * Corrections apply: an actor stands for every entity merged into it, and a rejected event matches nothing.
 */
import { PLOVER_TYPES } from '../model/types.js';
import type { Queryable } from '../store/db.js';
import { foldText } from '../nlp/fold.js';
import { loadOverrides } from './corrections.js';
import { Where } from './where.js';

export interface AlertQuery {
  /** Entity ids. */
  actor?: string;
  type?: string;
  place?: string;
  topic?: string;
  keyword?: string;
}

export interface Alert {
  id: string;
  name: string;
  query: AlertQuery;
  createdAt: string;
  seenAt: string;
  /** Matches stored since the alert was last seen. */
  newMatches: number;
}

export interface AlertMatch {
  documentId: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  storedAt: string;
  /** The sentence (or stance evidence) that matched, and where it is in the document. */
  evidence: string;
  start: number;
  end: number;
  isNew: boolean;
}

export class AlertError extends Error {}

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ALERT_COLUMNS = `id::text AS id, name, query, ${TS('created_at')} AS "createdAt", ${TS('seen_at')} AS "seenAt"`;

/** Checks a query: at least one filter, a known event type, text of sane length. */
export function checkQuery(q: AlertQuery): AlertQuery {
  const out: AlertQuery = {};
  for (const k of ['actor', 'type', 'place', 'topic', 'keyword'] as const) {
    const v = q[k];
    if (v === undefined || v === null || String(v).trim() === '') continue;
    const s = String(v).trim();
    if (s.length > 300) throw new AlertError(`${k}: longer than 300 characters`);
    out[k] = s;
  }
  if (out.type) {
    out.type = out.type.toUpperCase();
    if (!(PLOVER_TYPES as readonly string[]).includes(out.type)) throw new AlertError(`type: expected a PLOVER type (${PLOVER_TYPES.join(', ')}), got ${JSON.stringify(q.type)}`);
  }
  if (out.keyword && !foldText(out.keyword).trim()) throw new AlertError('keyword: no words to search for');
  if (!Object.keys(out).length) throw new AlertError('an alert needs at least one of actor, type, place, topic, keyword');
  return out;
}

export async function addAlert(db: Queryable, name: string, query: AlertQuery): Promise<Alert> {
  const q = checkQuery(query);
  const label = name.trim() || Object.entries(q).map(([k, v]) => `${k} ${v}`).join(', ');
  if (label.length > 200) throw new AlertError('name: longer than 200 characters');
  const row = (await db.query<Alert>(`INSERT INTO alerts (name, query) VALUES ($1, $2) RETURNING ${ALERT_COLUMNS}`, [label, JSON.stringify(q)])).rows[0]!;
  return { ...row, newMatches: 0 };
}

export async function getAlert(db: Queryable, id: string): Promise<Alert | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = (await db.query<Alert>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1::bigint`, [id])).rows[0];
  return row ? { ...row, newMatches: await countMatches(db, row, true) } : null;
}

export async function listAlerts(db: Queryable): Promise<Alert[]> {
  const rows = (await db.query<Alert>(`SELECT ${ALERT_COLUMNS} FROM alerts ORDER BY id`)).rows;
  return Promise.all(rows.map(async (a) => ({ ...a, newMatches: await countMatches(db, a, true) })));
}

export async function removeAlert(db: Queryable, id: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id)) return false;
  return (await db.query('DELETE FROM alerts WHERE id = $1::bigint RETURNING 1', [id])).rows.length > 0;
}

/** Marks everything stored so far as seen. */
export async function markSeen(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE alerts SET seen_at = now() WHERE id = $1::bigint', [id]);
}

/** An alert's matches, newest stored first; only the new ones with `onlyNew`. */
export async function alertMatches(db: Queryable, alert: Alert, opts: { onlyNew?: boolean; limit?: number } = {}): Promise<AlertMatch[]> {
  const { sql, params } = await matchQuery(db, alert, !!opts.onlyNew);
  params.push(opts.limit ?? 50);
  const rows = (await db.query<any>(
    `SELECT d.id, d.title, to_char(d.date, 'YYYY-MM-DD') AS date, d.source, d.url, ${TS('d.ingested_at')} AS stored_at,
            d.ingested_at > $1::timestamptz AS is_new, m.s, m.e, substr(d.text, m.s + 1, m.e - m.s) AS evidence
       ${sql} ORDER BY d.ingested_at DESC, d.id LIMIT $${params.length}`, params)).rows;
  return rows.map((r) => ({
    documentId: r.id, title: r.title, date: r.date, source: r.source, url: r.url, storedAt: r.stored_at, isNew: r.is_new,
    evidence: r.evidence, start: r.s, end: r.e,
  }));
}

async function countMatches(db: Queryable, alert: Alert, onlyNew: boolean): Promise<number> {
  const { sql, params } = await matchQuery(db, alert, onlyNew);
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${sql}`, params)).rows[0]!.n;
}

/** FROM … WHERE of an alert's matches; $1 is the alert's seen time. */
async function matchQuery(db: Queryable, alert: Alert, onlyNew: boolean): Promise<{ sql: string; params: unknown[] }> {
  const q = alert.query;
  const ov = await loadOverrides(db);
  const w = new Where();
  w.param(alert.seenAt);
  const evidence: string[] = [];
  if (q.actor || q.type || q.place) {
    const conds = ['v.document_id = d.id'];
    if (q.type) conds.push(`v.type = ${w.param(q.type)}`);
    if (q.actor) {
      const a = w.param(ov.members(q.actor));
      conds.push(`(v.source_id = ANY(${a}::text[]) OR v.target_id = ANY(${a}::text[]))`);
    }
    if (q.place) {
      const p = w.param(ov.members(q.place));
      conds.push(`(v.location_id = ANY(${p}::text[]) OR v.source_id = ANY(${p}::text[]) OR v.target_id = ANY(${p}::text[]))`);
    }
    const rejected = [...ov.events].filter(([, o]) => o.rejected).map(([k]) => k.split('|'));
    if (rejected.length) {
      conds.push(`NOT EXISTS (SELECT 1 FROM unnest(${w.param(rejected.map((k) => k[0]))}::text[], ${w.param(rejected.map((k) => Number(k[1])))}::int[]) AS r(d, s)
                  WHERE r.d = v.document_id AND r.s = v.trigger_start)`);
    }
    evidence.push(`(SELECT v.sentence_start AS s, v.sentence_end AS e FROM events v WHERE ${conds.join(' AND ')} ORDER BY v.sentence_start LIMIT 1)`);
  }
  if (q.topic) {
    evidence.push(`(SELECT st.evidence_start AS s, st.evidence_end AS e FROM stances st
                     WHERE st.document_id = d.id AND lower(st.topic) LIKE ${w.param(`%${q.topic.toLowerCase()}%`)} ORDER BY st.evidence_start LIMIT 1)`);
  }
  if (q.keyword) {
    evidence.push(`(SELECT s.span_start AS s, s.span_end AS e FROM sentences s
                     WHERE s.document_id = d.id AND s.tsv @@ websearch_to_tsquery('english', ${w.param(foldText(q.keyword))}) ORDER BY s.idx LIMIT 1)`);
  }
  // Every filter must hold in the document; the first one's sentence is shown.
  const joins = evidence.map((e, i) => `CROSS JOIN LATERAL ${e} ${i ? `m${i}` : 'm'}`).join('\n');
  const where = [onlyNew ? 'd.ingested_at > $1::timestamptz' : '$1::timestamptz IS NOT NULL', 'd.near_duplicate_of IS NULL'];
  return { sql: `FROM documents d ${joins} WHERE ${where.join(' AND ')}`, params: w.params };
}
