/**
 * Cross-document resolution, run inside the transaction that stores a document: its events join (or start)
 * timeline entries, its quotes join quotes carried by other outlets, its stances and events are checked against
 * other sources for disagreement. Incremental and index-driven, so the cost per document does not grow with the
 * store. What it builds is materialised in the tables of migration 002, which src/service/statements.ts reads.
 */
import type { Queryable } from '../store/db.js';
import { resolveEvents } from './timeline.js';
import { resolveQuotes } from './quotes.js';
import { resolveStances } from './stances.js';

export async function resolveDocument(tx: Queryable, documentId: string): Promise<void> {
  const row = (await tx.query<{ date: string | null }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM documents WHERE id = $1`, [documentId])).rows[0];
  if (!row) return;
  await resolveEvents(tx, documentId, row.date);
  await resolveQuotes(tx, documentId, row.date);
  await resolveStances(tx, documentId, row.date);
}
