/**
 * Near-duplicates of a batch of documents, as if they were stored one after another: each is compared with the
 * stored documents that share the most LSH bands with it (one query for the whole batch) and with the batch's
 * earlier documents, and linked to the first copy (its candidate's own original, when that is a copy too).
 */
import type { Queryable } from './db.js';
import { NEAR_DUPLICATE_THRESHOLD, similarity } from '../ingest/dedup.js';
import type { NearDuplicate } from './store.js';

/** Near-duplicate candidates checked per document: those sharing the most bands. */
export const MAX_CANDIDATES = 25;

export interface Signed {
  id: string;
  signature: number[];
  bands: number[];
  /** Known already (the caller looked): used as is, not looked up. */
  given?: NearDuplicate | null;
}

interface Candidate {
  id: string;
  shared: number;
  minhash: number[];
  root: string | null;
}

/** For each document (by index), the first stored-or-earlier document it nearly duplicates, or null. */
export async function findNearDuplicates(tx: Queryable, docs: Signed[]): Promise<(NearDuplicate | null)[]> {
  const stored = await storedCandidates(tx, docs);
  const found: (NearDuplicate | null)[] = [];
  const byBand = new Map<string, number[]>();
  docs.forEach((d, j) => {
    // The batch's earlier documents sharing a band, counted as the store counts them.
    const shared = new Map<number, number>();
    d.bands.forEach((h, b) => {
      for (const i of byBand.get(`${b}:${h}`) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    });
    const candidates = [...(stored.get(j) ?? []),
      ...[...shared].map(([i, n]) => ({ id: docs[i]!.id, shared: n, minhash: docs[i]!.signature, root: found[i]?.id ?? null }))]
      .sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, MAX_CANDIDATES);
    let best: NearDuplicate | null = d.given === undefined ? null : d.given;
    for (const c of d.given === undefined ? candidates : []) {
      const s = similarity(d.signature, c.minhash);
      if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { id: c.root ?? c.id, similarity: s };
    }
    found.push(best);
    d.bands.forEach((h, b) => {
      const key = `${b}:${h}`;
      const list = byBand.get(key) ?? [];
      list.push(j);
      byBand.set(key, list);
    });
  });
  return found;
}

/**
 * The stored candidates of each document: the MAX_CANDIDATES sharing the most bands. In a corpus of similar
 * reports (one house style, one template) many documents share a band or two by chance, and fetching all their
 * signatures would grow with the store; a true near-duplicate shares about 6 of the 16 bands on average.
 */
async function storedCandidates(tx: Queryable, docs: Signed[]): Promise<Map<number, Candidate[]>> {
  const out = new Map<number, Candidate[]>();
  const withBands = docs.map((d, j) => ({ d, j })).filter(({ d }) => d.bands.length && d.given === undefined);
  if (!withBands.length) return out;
  const rows = (await tx.query<Candidate & { k: number }>(
    `WITH v AS (SELECT * FROM unnest($1::int[], $2::smallint[], $3::bigint[]) AS v(k, band, hash)),
          c AS (SELECT v.k, b.document_id, count(*)::int AS shared FROM v JOIN document_bands b ON b.band = v.band AND b.hash = v.hash
                 GROUP BY v.k, b.document_id),
          top AS (SELECT * FROM (SELECT c.*, row_number() OVER (PARTITION BY c.k ORDER BY c.shared DESC, c.document_id) AS n FROM c) r
                   WHERE n <= ${MAX_CANDIDATES})
     SELECT top.k, top.document_id AS id, top.shared, s.minhash, d.near_duplicate_of AS root
       FROM top JOIN document_signatures s ON s.document_id = top.document_id JOIN documents d ON d.id = top.document_id`,
    [withBands.flatMap(({ d, j }) => d.bands.map(() => j)), withBands.flatMap(({ d }) => d.bands.map((_, b) => b)),
      withBands.flatMap(({ d }) => d.bands)])).rows;
  for (const r of rows) {
    const list = out.get(Number(r.k)) ?? [];
    list.push({ id: r.id, shared: Number(r.shared), minhash: r.minhash, root: r.root });
    out.set(Number(r.k), list);
  }
  return out;
}
