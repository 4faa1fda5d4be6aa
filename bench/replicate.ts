/**
 * `node --import tsx bench/replicate.ts --store DIR --to N`: grows a built store to N documents by copying its
 * analysed documents under new ids (every layer, timeline entry, quote group and disagreement copied with them,
 * the actors' running counts scaled), for measuring read paths at a size whose analysis would take hours on a busy
 * machine (~1 document/s here). The copies are not near-duplicates to the readers (`near_duplicate_of` stays null),
 * so each counts as an original; their entries are not merged with the originals' (a real store of N documents
 * merges more reports into fewer entries, so the timeline here is longer than real). Not for anything but timing.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, refreshStatistics, storeOptions } from '../src/store/store.js';

const { values } = parseArgs({ options: { store: { type: 'string' }, to: { type: 'string', default: '10000' } } });
if (!values.store) throw new Error('--store DIR: the PGlite folder to grow');
const store = await openStore({ ...storeOptions(resolve(values.store)), owner: 'bench/replicate.ts' });
const db = store.db;
const n = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
const have = await n('SELECT count(*) AS n FROM documents');
const want = Number(values.to);
// Ids of copies: far above any id the store gives (identity columns), one band per copy.
const BAND = 1_000_000_000;
await db.exec('CREATE TEMP TABLE originals AS SELECT id FROM documents');
let copies = 0;
for (let k = 1; have > 0 && have + copies < want; k++) {
  const left = want - have - copies;
  await db.transaction(async (tx) => {
    await tx.query(`CREATE TEMP TABLE dmap ON COMMIT DROP AS
      SELECT id AS old, md5(id || ':' || $1::text) || md5($1::text || ':' || id) AS new FROM originals ORDER BY id LIMIT $2`, [k, left]);
    const off = BAND * k;
    const q = (sql: string) => tx.query(sql.replaceAll('$OFF', `${off}::bigint`));
    await q(`INSERT INTO documents (id, title, date, date_source, date_from, date_to, source, url, language, byline, text, word_count, near_duplicate_of, similarity, ingested_at, origin, page_starts)
      SELECT m.new, title, date, date_source, date_from, date_to, source, url, language, byline, text, word_count, NULL, NULL, ingested_at, origin, page_starts FROM documents d JOIN dmap m ON m.old = d.id`);
    await q(`INSERT INTO document_sources (document_id, source, url, title, date, added_at, outlet) SELECT m.new, source, url, title, date, added_at, outlet FROM document_sources s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO document_signatures (document_id, minhash) SELECT m.new, minhash FROM document_signatures s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO document_bands (band, hash, document_id) SELECT band, hash, m.new FROM document_bands s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO document_entities (entity_id, document_id, mentions, doc_date) SELECT entity_id, m.new, mentions, doc_date FROM document_entities s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO mentions (document_id, entity_id, local_id, span_start, span_end, text, kind) SELECT m.new, entity_id, local_id, span_start, span_end, text, kind FROM mentions s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO times (document_id, span_start, span_end, text, value, granularity) SELECT m.new, span_start, span_end, text, value, granularity FROM times s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO sentences (document_id, idx, span_start, span_end, tsv) SELECT m.new, idx, span_start, span_end, tsv FROM sentences s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO timeline_entries (id, type, cameo, source_id, target_id, location_id, date_value, date_from, date_to, doc_date, mention_count, date_basis)
      SELECT t.id + $OFF, type, cameo, source_id, target_id, location_id, date_value, date_from, date_to, doc_date, 0, date_basis FROM timeline_entries t
       WHERE t.id < ${BAND} AND EXISTS (SELECT 1 FROM events v JOIN dmap m ON m.old = v.document_id WHERE v.entry_id = t.id)`);
    await q(`INSERT INTO events (document_id, local_id, type, cameo, source_id, target_id, location_id, date_value, date_text, negated, modality, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, confidence, entry_id, source_state_id, target_state_id, date_basis)
      SELECT m.new, local_id, type, cameo, source_id, target_id, location_id, date_value, date_text, negated, modality, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, confidence, entry_id + $OFF, source_state_id, target_state_id, date_basis
        FROM events s JOIN dmap m ON m.old = s.document_id`);
    await q(`UPDATE timeline_entries t SET mention_count = c.n FROM (SELECT entry_id, count(*)::int AS n FROM events WHERE entry_id >= $OFF AND entry_id < $OFF + ${BAND} GROUP BY 1) c WHERE t.id = c.entry_id`);
    await q(`INSERT INTO quote_groups (id, speaker_id, first_date, quote_count, norm_text)
      SELECT g.id + $OFF, speaker_id, first_date, 0, norm_text FROM quote_groups g
       WHERE g.id < ${BAND} AND EXISTS (SELECT 1 FROM quotes x JOIN dmap m ON m.old = x.document_id WHERE x.group_id = g.id)`);
    await q(`INSERT INTO quotes (document_id, local_id, span_start, span_end, text, direct, speaker_id, speaker_text, norm_text, group_id)
      SELECT m.new, local_id, span_start, span_end, text, direct, speaker_id, speaker_text, norm_text, group_id + $OFF FROM quotes s JOIN dmap m ON m.old = s.document_id`);
    await q(`UPDATE quote_groups g SET quote_count = c.n FROM (SELECT group_id, count(*)::int AS n FROM quotes WHERE group_id >= $OFF AND group_id < $OFF + ${BAND} GROUP BY 1) c WHERE g.id = c.group_id`);
    await q(`INSERT INTO stances (document_id, holder_id, topic, polarity, evidence_start, evidence_end, date, object_id, doc_date)
      SELECT m.new, holder_id, topic, polarity, evidence_start, evidence_end, date, object_id, doc_date FROM stances s JOIN dmap m ON m.old = s.document_id`);
    await q(`INSERT INTO disagreements (kind, actor_id, topic, entry_id, a_document_id, a_start, a_end, a_claim, b_document_id, b_start, b_end, b_claim)
      SELECT kind, actor_id, topic, entry_id + $OFF, a.new, a_start, a_end, a_claim, b.new, b_start, b_end, b_claim
        FROM disagreements x JOIN dmap a ON a.old = x.a_document_id JOIN dmap b ON b.old = x.b_document_id`);
    copies += Number((await tx.query<{ n: string }>('SELECT count(*) AS n FROM dmap')).rows[0]!.n);
  });
  process.stderr.write(`  ${have + copies} documents\r`);
}
// The actors' running counts, as the writes would have kept them.
await db.exec(`UPDATE entities e SET document_count = c.d, mention_count = c.m
  FROM (SELECT entity_id, count(*)::int AS d, sum(mentions)::int AS m FROM document_entities GROUP BY 1) c WHERE e.id = c.entity_id`);
for (const t of ['timeline_entries', 'quote_groups', 'disagreements']) {
  await db.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT coalesce(max(id), 1) FROM ${t}))`);
}
await refreshStatistics(db);
console.log(`replicate: ${have} documents copied to ${have + copies}`);
await store.close();
