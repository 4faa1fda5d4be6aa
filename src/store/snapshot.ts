/**
 * Everything a store holds, as sorted JSON lines per table: what the analysis wrote and what resolution built,
 * without the clocks (ingested_at, added_at). Two stores that answer the same are equal here; the tests compare a
 * store written document by document with one written in batches.
 */
import type { Queryable } from './db.js';

const TABLES = ['documents', 'document_sources', 'document_bands', 'document_signatures', 'sentences', 'entities', 'mentions',
  'document_entities', 'times', 'quotes', 'quote_groups', 'events', 'timeline_entries', 'stances', 'disagreements'];

export async function storeSnapshot(db: Queryable): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = (await db.query<{ r: Record<string, unknown> }>(`SELECT to_jsonb(t) - 'ingested_at' - 'added_at' AS r FROM ${table} t`)).rows;
    out[table] = rows.map(({ r }) => {
      // The order of an actor's spellings was never defined (a DISTINCT over the arrays).
      if (Array.isArray(r.aliases)) r.aliases = [...r.aliases].sort();
      return JSON.stringify(r);
    }).sort();
  }
  return out;
}
