/**
 * Cross-document resolution, run inside the transaction that stores a batch of documents: their events join (or
 * start) timeline entries, their quotes join quotes carried by other outlets, their stances and events are checked
 * against other sources for disagreement. Each kind asks the store once for the whole batch (index probes whose
 * cost does not grow with the store), then decides in memory, document by document in the batch's order, exactly
 * as if the documents had been stored one after another. What it builds is materialised in the tables of
 * migration 002, which src/service/statements.ts reads; the caller writes it (store/batch.ts).
 */
import type { Queryable } from '../store/db.js';
import type { PreparedDocument } from '../store/prepare.js';
import { resolveTimeline, type TimelineResult } from './timeline.js';
import { resolveQuoteGroups, type QuoteResult } from './quotes.js';
import { resolveStanceDisagreements } from './stances.js';

export interface Resolution {
  timeline: TimelineResult;
  quotes: QuoteResult;
  /** Per document: its disagreements, events' first, then stances'. */
  disagreements: unknown[][][];
}

export async function resolveBatch(tx: Queryable, docs: PreparedDocument[]): Promise<Resolution> {
  const timeline = await resolveTimeline(tx, docs.map((d) => ({ id: d.id, date: d.date, events: d.resolveEvents })));
  const quotes = await resolveQuoteGroups(tx, docs.map((d) => ({ id: d.id, date: d.date, quotes: d.resolveQuotes })));
  const stances = await resolveStanceDisagreements(tx, docs.map((d) => ({
    id: d.id, date: d.date, claims: d.resolveStances,
    stances: d.stances.map((r) => ({ holder_id: r[1] as string, topic: r[2] as string, polarity: r[3] as string,
      evidence_start: r[4] as number, evidence_end: r[5] as number, date: r[6] as string | null })),
  })));
  return { timeline, quotes, disagreements: docs.map((_, j) => [...timeline.disagreements[j]!, ...stances[j]!]) };
}
