/**
 * Writes a batch's rows, one multi-row INSERT per table (chunked below the parameter limit), in the order the
 * foreign keys need. Every row arrives final: timeline entries, quote groups and disagreements are resolved in
 * memory before (src/resolve), so nothing is read back or updated after it is written, apart from the stored
 * entries, groups and actors this batch joined (one UPDATE or upsert each, with their final values).
 */
import type { Queryable } from './db.js';
import { insertRows } from './rows.js';
import {
  DOCUMENT_COLUMNS, DOCUMENT_ENTITY_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS,
  SENTENCE_WRAP, SOURCE_COLUMNS, STANCE_COLUMNS, TIME_COLUMNS, type Row,
} from './prepare.js';

export interface BatchRows {
  documents: Row[];
  /** Every sighting, new documents' and duplicates' alike (a sighting already recorded is skipped). */
  sources: Row[];
  signatures: Row[];
  bands: Row[];
  sentences: Row[];
  /** One row per actor, its counts this batch's share (added to a stored actor's). */
  entities: Row[];
  mentions: Row[];
  documentEntities: Row[];
  times: Row[];
  /** New entries, ids and all (TIMELINE_ENTRY_COLUMNS). */
  timelineEntries: Row[];
  /** Stored entries this batch joined: their final fields and the reports added (ENTRY_UPDATE_COLUMNS). */
  entryUpdates: Row[];
  quoteGroups: Row[];
  groupUpdates: Row[];
  quotes: Row[];
  events: Row[];
  stances: Row[];
  disagreements: Row[];
}

export const TIMELINE_ENTRY_COLUMNS = ['id', 'type', 'cameo', 'source_id', 'target_id', 'location_id', 'date_value', 'date_from', 'date_to',
  'date_basis', 'doc_date', 'mention_count'];
export const QUOTE_GROUP_COLUMNS = ['id', 'speaker_id', 'first_date', 'quote_count', 'norm_text'];
export const DISAGREEMENT_COLUMNS = ['kind', 'actor_id', 'topic', 'entry_id', 'a_document_id', 'a_start', 'a_end', 'a_claim',
  'b_document_id', 'b_start', 'b_end', 'b_claim'];

export function emptyBatchRows(): BatchRows {
  return { documents: [], sources: [], signatures: [], bands: [], sentences: [], entities: [], mentions: [], documentEntities: [], times: [],
    timelineEntries: [], entryUpdates: [], quoteGroups: [], groupUpdates: [], quotes: [], events: [], stances: [], disagreements: [] };
}

export async function insertBatchRows(tx: Queryable, b: BatchRows): Promise<void> {
  await insertRows(tx, 'documents', DOCUMENT_COLUMNS, b.documents);
  await insertRows(tx, 'document_sources', SOURCE_COLUMNS, b.sources, {}, 'ON CONFLICT DO NOTHING');
  await insertRows(tx, 'document_signatures', ['document_id', 'minhash'], b.signatures);
  await insertRows(tx, 'document_bands', ['band', 'hash', 'document_id'], b.bands);
  await insertRows(tx, 'sentences', SENTENCE_COLUMNS, b.sentences, SENTENCE_WRAP);
  // In id order: two writers lock shared actors' rows in the same order.
  await insertRows(tx, 'entities', ENTITY_COLUMNS, b.entities, {},
    `ON CONFLICT (id) DO UPDATE SET aliases = ARRAY(SELECT DISTINCT unnest(entities.aliases || excluded.aliases)),
       mention_count = entities.mention_count + excluded.mention_count, document_count = entities.document_count + excluded.document_count`);
  await insertRows(tx, 'mentions', MENTION_COLUMNS, b.mentions);
  await insertRows(tx, 'document_entities', DOCUMENT_ENTITY_COLUMNS, b.documentEntities);
  await insertRows(tx, 'times', TIME_COLUMNS, b.times);
  await insertRows(tx, 'timeline_entries', TIMELINE_ENTRY_COLUMNS, b.timelineEntries);
  if (b.entryUpdates.length) {
    const col = (c: number) => b.entryUpdates.map((r) => r[c]);
    await tx.query(
      `UPDATE timeline_entries t SET source_id = u.source_id, target_id = u.target_id, location_id = u.location_id, cameo = u.cameo,
              date_value = u.date_value, date_from = u.date_from, date_to = u.date_to, date_basis = u.date_basis, mention_count = t.mention_count + u.n
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[], $10::int[])
              AS u(id, source_id, target_id, location_id, cameo, date_value, date_from, date_to, date_basis, n)
        WHERE t.id = u.id`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9)]);
  }
  await insertRows(tx, 'quote_groups', QUOTE_GROUP_COLUMNS, b.quoteGroups);
  if (b.groupUpdates.length) {
    const col = (c: number) => b.groupUpdates.map((r) => r[c]);
    await tx.query(
      `UPDATE quote_groups g SET speaker_id = u.speaker_id, first_date = u.first_date, norm_text = u.norm_text, quote_count = g.quote_count + u.n
         FROM unnest($1::bigint[], $2::text[], $3::date[], $4::text[], $5::int[]) AS u(id, speaker_id, first_date, norm_text, n) WHERE g.id = u.id`,
      [col(0), col(1), col(2), col(3), col(4)]);
  }
  await insertRows(tx, 'quotes', QUOTE_COLUMNS, b.quotes);
  await insertRows(tx, 'events', EVENT_COLUMNS, b.events);
  await insertRows(tx, 'stances', STANCE_COLUMNS, b.stances);
  await insertRows(tx, 'disagreements', DISAGREEMENT_COLUMNS, b.disagreements);
}
