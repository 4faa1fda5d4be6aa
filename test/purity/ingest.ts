/**
 * The worker of test/store-order.test.ts: ingests the given files, in the given order, into a new PGlite store in
 * memory, in a module graph of its own, and posts back what the store holds about each document.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { frozenKnowledgeBase } from '../../src/kb/load.js';
import { openStore, type Store } from '../../src/store/store.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { KbEntry, KbOffice } from '../../src/model/types.js';

export interface IngestJob {
  entry: string;
  files: string[];
  kb: { entries: KbEntry[]; offices: KbOffice[] };
}

type Rows = Record<string, unknown>[];

/** Everything the store holds about each document, in a comparable form. */
async function snapshot(store: Store): Promise<Record<string, unknown>> {
  const q = async (sql: string): Promise<Rows> => (await store.db.query(sql)).rows as Rows;
  const byDoc = (rows: Rows) => {
    const out: Record<string, Rows> = {};
    for (const r of rows) (out[r.document_id as string] ??= []).push(r);
    return out;
  };
  return {
    documents: await q(`SELECT id, title, date::text, date_source, date_from::text, date_to::text, source, url, language, byline,
      text, word_count FROM documents ORDER BY id`),
    mentions: byDoc(await q(`SELECT document_id, entity_id, local_id, span_start, span_end, text, kind FROM mentions
      ORDER BY document_id, span_start, span_end, local_id, entity_id, kind`)),
    // Every ORDER BY is total (all columns), so that row order is never a difference.
    times: byDoc(await q('SELECT document_id, span_start, span_end, text, value, granularity FROM times ORDER BY 1, 2, 3, 4, 5, 6')),
    quotes: byDoc(await q(`SELECT document_id, local_id, span_start, span_end, text, direct, speaker_id, speaker_text, norm_text
      FROM quotes ORDER BY document_id, local_id`)),
    events: byDoc(await q(`SELECT document_id, local_id, type, cameo, source_id, target_id, location_id, date_value, date_text, negated,
      modality, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, confidence FROM events ORDER BY document_id, local_id`)),
    stances: byDoc(await q(`SELECT document_id, holder_id, topic, polarity, evidence_start, evidence_end, date FROM stances
      ORDER BY document_id, evidence_start, evidence_end, holder_id, topic, polarity, date`)),
    documentEntities: byDoc(await q('SELECT document_id, entity_id, mentions, doc_date::text FROM document_entities ORDER BY document_id, entity_id')),
    entities: await q(`SELECT id, kb_id, norm_name, type, wikidata, ARRAY(SELECT unnest(aliases) ORDER BY 1) AS aliases, mention_count,
      document_count FROM entities ORDER BY id`),
    // A timeline entry or quote group as the set of document rows it holds; the groups as a sorted list of those.
    timelineEntries: (await q(`SELECT string_agg(document_id || '/' || local_id, ' ' ORDER BY document_id, local_id) AS members
      FROM events WHERE entry_id IS NOT NULL GROUP BY entry_id ORDER BY 1`)).map((r) => r.members),
    quoteGroups: (await q(`SELECT string_agg(document_id || '/' || local_id, ' ' ORDER BY document_id, local_id) AS members
      FROM quotes WHERE group_id IS NOT NULL GROUP BY group_id ORDER BY 1`)).map((r) => r.members),
  };
}

const job = workerData as IngestJob;
const store = await openStore({ dataDir: 'memory://' });
try {
  const summary = await ingest(store, job.files, { kb: frozenKnowledgeBase(job.kb.entries, job.kb.offices) });
  parentPort!.postMessage({ summary, snapshot: await snapshot(store) });
} finally {
  await store.close();
}
