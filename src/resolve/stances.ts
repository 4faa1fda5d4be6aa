/**
 * Stance disagreements: a document that has a holder support a topic while another document has the same holder
 * oppose it (or the reverse), about the same period. Each (holder, topic, polarity) of the new document is paired
 * with the other document closest to it in time — the nearest contradiction is the telling one — once. Two claims
 * further apart than SAME_PERIOD_DAYS are a change of position (Serbia joining the Partnership for Peace in 2006
 * and opposing membership in 2017), not two sources contradicting each other: the stance list shows it as a change.
 */
import type { Queryable } from '../store/db.js';
import { dateInterval, type DateInterval } from './dates.js';

const OPPOSITE: Record<string, string> = { support: 'oppose', oppose: 'support' };

/** How far apart (in days) two claims may be dated and still be about the same period. */
export const SAME_PERIOD_DAYS = 183;

/** Other documents' claims looked at, nearest first, for one that is about the same period. */
const NEAREST = 5;

interface StanceClaim {
  holder_id: string;
  topic: string;
  polarity: string;
  evidence_start: number;
  evidence_end: number;
  date: string | null;
}

/** The days a claim is about: its own date, else its document's; null when neither is known. */
export function claimPeriod(stanceDate: string | null, docDate: string | null): DateInterval | null {
  return dateInterval(stanceDate) ?? dateInterval(docDate);
}

/** True when two claims can be about the same time: undated claims always can, dated ones within the window. */
export function samePeriod(a: DateInterval | null, b: DateInterval | null): boolean {
  if (!a || !b) return true;
  const gap = Math.max(Date.parse(a.from) - Date.parse(b.to), Date.parse(b.from) - Date.parse(a.to), 0) / 86_400_000;
  return gap <= SAME_PERIOD_DAYS;
}

export async function resolveStances(tx: Queryable, documentId: string, docDate: string | null): Promise<void> {
  // One claim per holder, topic and polarity: the first piece of evidence the document gives for it.
  const claims = (await tx.query<StanceClaim>(
    `SELECT DISTINCT ON (holder_id, topic, polarity) holder_id, topic, polarity, evidence_start, evidence_end, date
       FROM stances WHERE document_id = $1 AND polarity IN ('support', 'oppose')
      ORDER BY holder_id, topic, polarity, evidence_start`, [documentId])).rows;
  for (const c of claims) {
    const period = claimPeriod(c.date, docDate);
    const others = (await tx.query<{ document_id: string; evidence_start: number; evidence_end: number; date: string | null; doc_date: string | null }>(
      `SELECT s.document_id, s.evidence_start, s.evidence_end, s.date, to_char(d.date, 'YYYY-MM-DD') AS doc_date
         FROM stances s JOIN documents d ON d.id = s.document_id
        WHERE s.holder_id = $1 AND s.topic = $2 AND s.polarity = $3 AND s.document_id <> $4
        ORDER BY abs(d.date - $5::date) NULLS LAST, d.date DESC NULLS LAST, s.document_id, s.evidence_start
        LIMIT ${NEAREST}`, [c.holder_id, c.topic, OPPOSITE[c.polarity], documentId, docDate])).rows;
    const other = others.find((o) => samePeriod(period, claimPeriod(o.date, o.doc_date)));
    if (!other) continue;
    await tx.query(
      `INSERT INTO disagreements (kind, actor_id, topic, a_document_id, a_start, a_end, a_claim, b_document_id, b_start, b_end, b_claim)
       VALUES ('stance', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [c.holder_id, c.topic, other.document_id, other.evidence_start, other.evidence_end, OPPOSITE[c.polarity],
        documentId, c.evidence_start, c.evidence_end, c.polarity]);
  }
}

/**
 * Changes of position in a holder's stances: a stance (support or oppose) whose latest earlier position on the same
 * topic, from before its period, was the opposite. Answers, by index, that earlier position.
 */
export function positionChanges(stances: { topic: string; polarity: string; date: string | null }[]): Map<number, { polarity: string; date: string }> {
  const out = new Map<number, { polarity: string; date: string }>();
  stances.forEach((s, i) => {
    const mine = dateInterval(s.date);
    if (!mine || !OPPOSITE[s.polarity]) return;
    let before: { polarity: string; date: string; to: string } | null = null;
    for (const o of stances) {
      const theirs = dateInterval(o.date);
      if (o.topic !== s.topic || !OPPOSITE[o.polarity] || !theirs || theirs.to >= mine.from || samePeriod(mine, theirs)) continue;
      if (!before || theirs.to > before.to) before = { polarity: o.polarity, date: o.date!, to: theirs.to };
    }
    if (before && before.polarity === OPPOSITE[s.polarity]) out.set(i, { polarity: before.polarity, date: before.date });
  });
  return out;
}
