/**
 * Stance disagreements: a document that has a holder support a topic while another document has the same holder
 * oppose it (or the reverse), about the same period. Each (holder, topic, polarity) of the new document is paired
 * with the other document closest to it in time — the nearest contradiction is the telling one — once. Two claims
 * further apart than SAME_PERIOD_DAYS are a change of position (Serbia joining the Partnership for Peace in 2006
 * and opposing membership in 2017), not two sources contradicting each other: the stance list shows it as a change.
 * The nearest claims are read from an index on the claims' document dates, so a holder's thousandth claim on a topic
 * costs what its tenth did.
 */
import type { Queryable } from '../store/db.js';
import { dateInterval, type DateInterval } from './dates.js';

const OPPOSITE: Record<string, string> = { support: 'oppose', oppose: 'support' };

/** How far apart (in days) two claims may be dated and still be about the same period. */
export const SAME_PERIOD_DAYS = 183;

/** Other documents' claims looked at, nearest first, for one that is about the same period. */
const NEAREST = 5;

export interface StanceClaim {
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

export interface StanceDocument {
  id: string;
  date: string | null;
  /** One claim per holder, topic and polarity (support or oppose): its first piece of evidence. */
  claims: StanceClaim[];
  /** Every stance of the document, as later documents compare with it. */
  stances: StanceClaim[];
}

/** Another document's claim, as compared with a new one. */
interface OtherClaim {
  document_id: string;
  evidence_start: number;
  evidence_end: number;
  date: string | null;
  doc_date: string | null;
}

const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/**
 * Nearest in time to `docDate` first (undated last); then the later, then by document and evidence. With no date
 * to be near, the latest first.
 */
function nearer(docDate: string | null) {
  const gap = (o: OtherClaim) => (docDate && o.doc_date ? days(o.doc_date, docDate) : Infinity);
  return (a: OtherClaim, b: OtherClaim) => gap(a) - gap(b) ||
    (a.doc_date === b.doc_date ? 0 : a.doc_date === null ? 1 : b.doc_date === null ? -1 : a.doc_date > b.doc_date ? -1 : 1) ||
    (a.document_id < b.document_id ? -1 : a.document_id > b.document_id ? 1 : 0) || a.evidence_start - b.evidence_start;
}

/**
 * The stance disagreements of a batch of documents, as if stored one after another: each claim against the
 * NEAREST other claims, from the store (asked once for the batch) and from the batch's earlier documents. Rows per
 * document (store/insert-batch.ts DISAGREEMENT_COLUMNS).
 */
export async function resolveStanceDisagreements(tx: Queryable, docs: StanceDocument[]): Promise<unknown[][][]> {
  const asked = docs.flatMap((d) => d.claims.map((c) => ({ d, c })));
  const stored = await nearestClaims(tx, asked.map(({ d, c }) => ({ ...c, polarity: OPPOSITE[c.polarity]!, docDate: d.date })));
  let n = 0;
  return docs.map((d, j) => d.claims.map((c): unknown[] | null => {
    const mine = stored.get(n++) ?? [];
    for (let i = 0; i < j; i++) {
      for (const s of docs[i]!.stances) {
        if (s.holder_id === c.holder_id && s.topic === c.topic && s.polarity === OPPOSITE[c.polarity]) {
          mine.push({ document_id: docs[i]!.id, evidence_start: s.evidence_start, evidence_end: s.evidence_end, date: s.date, doc_date: docs[i]!.date });
        }
      }
    }
    const period = claimPeriod(c.date, d.date);
    const other = mine.sort(nearer(d.date)).slice(0, NEAREST).find((o) => samePeriod(period, claimPeriod(o.date, o.doc_date)));
    if (!other) return null;
    return ['stance', c.holder_id, c.topic, null, other.document_id, other.evidence_start, other.evidence_end, OPPOSITE[c.polarity],
      d.id, c.evidence_start, c.evidence_end, c.polarity];
  }).filter((r): r is unknown[] => r !== null));
}

/**
 * For each claim, the NEAREST stored claims of its holder on its topic with the polarity asked, by document date:
 * read outwards from the claim's document date on the (holder, topic, polarity, doc_date) index, the undated last.
 */
async function nearestClaims(tx: Queryable, claims: (Pick<StanceClaim, 'holder_id' | 'topic' | 'polarity'> & { docDate: string | null })[]): Promise<Map<number, OtherClaim[]>> {
  const out = new Map<number, OtherClaim[]>();
  if (!claims.length) return out;
  const cols = `s.document_id, s.evidence_start, s.evidence_end, s.date, to_char(s.doc_date, 'YYYY-MM-DD') AS doc_date`;
  const same = 's.holder_id = v.holder_id AND s.topic = v.topic AND s.polarity = v.polarity';
  const rows = (await tx.query<OtherClaim & { k: number }>(
    `SELECT v.k, o.* FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[]) AS v(k, holder_id, topic, polarity, doc_date)
       CROSS JOIN LATERAL (
         (SELECT ${cols} FROM stances s WHERE ${same} AND s.doc_date <= coalesce(v.doc_date, 'infinity'::date)
           ORDER BY s.doc_date DESC, s.document_id, s.evidence_start LIMIT ${NEAREST})
         UNION ALL
         (SELECT ${cols} FROM stances s WHERE ${same} AND s.doc_date > v.doc_date
           ORDER BY s.doc_date, s.document_id, s.evidence_start LIMIT ${NEAREST})
         UNION ALL
         (SELECT ${cols} FROM stances s WHERE ${same} AND s.doc_date IS NULL
           ORDER BY s.document_id, s.evidence_start LIMIT ${NEAREST})
       ) o`,
    [claims.map((_, k) => k), claims.map((c) => c.holder_id), claims.map((c) => c.topic), claims.map((c) => c.polarity), claims.map((c) => c.docDate)])).rows;
  for (const r of rows) {
    const { k, ...o } = r;
    const list = out.get(Number(k)) ?? [];
    list.push(o);
    out.set(Number(k), list);
  }
  return out;
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
