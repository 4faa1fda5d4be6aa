/**
 * Writes a batch of documents in one transaction, each row once with its final ids: exact copies are found with
 * one query, near-duplicates with another, cross-document links are resolved in memory against what the store
 * holds (src/resolve), and every table then gets one multi-row INSERT (insert-batch.ts). A batch that fails is
 * written again document by document (writeDocuments), so one bad document costs only itself; a transaction is all
 * or nothing, so a crash at any point leaves whole batches only.
 */
import type { Db, Queryable } from './db.js';
import { emptyBatchRows, insertBatchRows, type BatchRows } from './insert-batch.js';
import { findNearDuplicates } from './near-duplicates.js';
import type { PreparedDocument, Row } from './prepare.js';
import { lockWrites } from './write-lock.js';
import { resolveBatch } from '../resolve/index.js';

export type Outcome = 'new' | 'near-duplicate' | 'duplicate';

export interface BatchResult {
  /** Per document, in the order given: stored (and how), or already there (only its new sighting recorded). */
  outcomes: Outcome[];
  /** What was written, table by table (the bench writes the same rows again as its ceiling). */
  rows: BatchRows;
}

/**
 * Writes the batch, or nothing. A deadlock or serialization failure on a Postgres server (another writer's
 * transaction) runs it again.
 */
export async function writeBatch(db: Db, docs: PreparedDocument[]): Promise<BatchResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => writeInTransaction(db, tx, docs));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}

export type DocumentResult = { outcome: Outcome } | { error: Error };

/** Writes the batch; when that fails, each document alone, so that only the documents that fail are lost. */
export async function writeDocuments(db: Db, docs: PreparedDocument[]): Promise<DocumentResult[]> {
  if (!docs.length) return [];
  try {
    return (await writeBatch(db, docs)).outcomes.map((outcome) => ({ outcome }));
  } catch (err) {
    if (docs.length === 1) return [{ error: err as Error }];
  }
  const out: DocumentResult[] = [];
  for (const d of docs) {
    try {
      out.push({ outcome: (await writeBatch(db, [d])).outcomes[0]! });
    } catch (err) {
      out.push({ error: err as Error });
    }
  }
  return out;
}

async function writeInTransaction(db: Db, tx: Queryable, docs: PreparedDocument[]): Promise<BatchResult> {
  await lockWrites(db, tx);
  const rows = emptyBatchRows();
  // Inserted meanwhile by another writer, stored before, or twice in this batch: a sighting, nothing else.
  const seen = new Set((await tx.query<{ id: string }>('SELECT id FROM documents WHERE id = ANY($1::text[])', [docs.map((d) => d.id)])).rows.map((r) => r.id));
  const outcomes: Outcome[] = [];
  const fresh: PreparedDocument[] = [];
  for (const d of docs) {
    rows.sources.push(d.source);
    if (seen.has(d.id)) {
      outcomes.push('duplicate');
      continue;
    }
    seen.add(d.id);
    fresh.push(d);
    outcomes.push('new');
  }
  const nearDuplicates = await findNearDuplicates(tx, fresh.map((d) => ({
    id: d.id, signature: d.signature, bands: d.bands, given: d.lookupNearDuplicate ? undefined : d.nearDuplicate,
  })));
  let f = 0;
  docs.forEach((_, k) => {
    if (outcomes[k] === 'new' && nearDuplicates[f++]) outcomes[k] = 'near-duplicate';
  });
  fresh.forEach((d, j) => {
    const nd = nearDuplicates[j];
    rows.documents.push([...d.document, nd?.id ?? null, nd?.similarity ?? null]);
    rows.signatures.push([d.id, d.signature]);
    rows.bands.push(...d.bands.map((h, b) => [b, h, d.id]));
    rows.sentences.push(...d.sentences);
    rows.mentions.push(...d.mentions);
    rows.documentEntities.push(...d.documentEntities);
    rows.times.push(...d.times);
    rows.stances.push(...d.stances);
  });
  rows.entities = mergeEntities(fresh);
  const resolved = await resolveBatch(tx, fresh);
  fresh.forEach((d, j) => {
    const groupOf = resolved.quotes.groupOf[j]!;
    const entryOf = resolved.timeline.entryOf[j]!;
    rows.quotes.push(...d.quotes.map((r) => [...r, groupOf.get(r[1] as string) ?? null]));
    rows.events.push(...d.events.map((r) => [...r, entryOf.get(r[1] as string) ?? null]));
    rows.disagreements.push(...resolved.disagreements[j]!);
  });
  rows.timelineEntries = resolved.timeline.entries;
  rows.entryUpdates = resolved.timeline.updates;
  rows.quoteGroups = resolved.quotes.groups;
  rows.groupUpdates = resolved.quotes.updates;
  await insertBatchRows(tx, rows);
  return { outcomes, rows };
}

/**
 * One row per actor the batch names: the first document's name and type (a stored actor keeps its own), every
 * spelling seen, and the batch's share of its mention and document counts.
 */
function mergeEntities(docs: PreparedDocument[]): Row[] {
  const merged = new Map<string, Row>();
  for (const d of docs) {
    for (const e of d.entities) {
      const had = merged.get(e[0] as string);
      if (!had) merged.set(e[0] as string, [...e]);
      else had[6] = [...new Set([...(had[6] as string[]), ...(e[6] as string[])])];
    }
    for (const [id, , n] of d.documentEntities) {
      const row = merged.get(id as string)!;
      row[7] = (row[7] as number) + (n as number);
      row[8] = (row[8] as number) + 1;
    }
  }
  return [...merged.values()].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
}
