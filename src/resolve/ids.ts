/** Ids for the rows a batch makes, taken from the table's identity sequence in one step. */
import type { Queryable } from '../store/db.js';

/**
 * `n` consecutive new ids of `table`, ascending. The sequence is moved on by `n` at once (setval after nextval)
 * rather than asked `n` times; writers hold the store's write lock (store/write-lock.ts), so no other writer takes
 * ids in between.
 */
export async function takeIds(tx: Queryable, table: string, n: number): Promise<string[]> {
  if (!n) return [];
  const { rows } = await tx.query<{ first: string }>(
    `WITH s AS (SELECT pg_get_serial_sequence($1, 'id') AS seq), f AS (SELECT nextval(s.seq) AS first, s.seq FROM s)
     SELECT (SELECT first FROM f)::text AS first, setval((SELECT seq FROM f), (SELECT first FROM f) + $2 - 1)`, [table, n]);
  const first = BigInt(rows[0]!.first);
  return Array.from({ length: n }, (_, k) => String(first + BigInt(k)));
}
