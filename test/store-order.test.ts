/**
 * Issue 14, the store's side: ingesting the same articles in two orders stores the same model. Per document: its
 * row, mentions (with the cross-document entity each points to), times, quotes (with speakers), events (with
 * actors, dates and trigger), stances and its line in document_entities; across documents: the entities (ids are
 * deterministic: `kb:<id>` or `x:<TYPE>:<name>`, so they must match too, with their aliases and counts) and how
 * events are grouped into timeline entries and quotes into quote groups (as groups of document rows: their own
 * ids are serial numbers and may differ). Articles written for this test, and the seeds when ../shared is there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../src/store/store.js';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import { ingest } from '../src/ingest/ingest.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.DOSSIER_SHARED ?? join(here, '../../shared'));
const seeds = join(shared, 'corpus/seeds');

// Written for this test: the same actors and one quote across articles, so that resolution has work to do.
const ARTICLES: Record<string, string> = {
  'a-talks.txt': [
    'Belgrade and Pristina resume talks in Brussels',
    '',
    'Serbian and Kosovan negotiators met in Brussels on 12 March 2024, the first meeting since the autumn.',
    '"We came to listen, not to lecture," the EU envoy Miroslav Lajčák told reporters after the session.',
    'Serbia accused Kosovo of blocking the agreement on licence plates, while Pristina rejected the charge.',
    '',
  ].join('\n'),
  'b-exercise.txt': [
    'NATO drill in Romania draws a warning from Moscow',
    '',
    'NATO began a two-week exercise in Romania on Monday, with troops from eleven allies taking part.',
    'Russia warned the alliance that the drill threatened stability on the Black Sea, the Russian foreign ministry said.',
    'A spokesperson for the alliance said the exercise was defensive and had been planned for a year.',
    '',
  ].join('\n'),
  'c-followup.txt': [
    'Kosovo and Serbia trade blame after Brussels meeting',
    '',
    'A day after the talks in Brussels, Kosovo accused Serbia of stalling on the agreement.',
    '"We came to listen, not to lecture," Miroslav Lajčák said again on 13 March 2024, urging both sides to return.',
    'Serbian President Aleksandar Vučić said Belgrade supports dialogue but will not recognise Kosovo.',
    '',
  ].join('\n'),
  'd-sanctions.txt': [
    'EU extends sanctions on Russia',
    '',
    'The European Union extended its sanctions on Russia for six more months on 15 March 2024.',
    'Hungary had threatened to block the decision, diplomats said, but dropped its objection on Friday.',
    'Moscow condemned the move and promised a response.',
    '',
  ].join('\n'),
};

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
      ORDER BY document_id, span_start, local_id`)),
    times: byDoc(await q('SELECT * FROM times ORDER BY document_id, span_start, span_end, value')),
    quotes: byDoc(await q(`SELECT document_id, local_id, span_start, span_end, text, direct, speaker_id, speaker_text, norm_text
      FROM quotes ORDER BY document_id, local_id`)),
    events: byDoc(await q(`SELECT document_id, local_id, type, cameo, source_id, target_id, location_id, date_value, date_text, negated,
      modality, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, confidence FROM events ORDER BY document_id, local_id`)),
    stances: byDoc(await q('SELECT * FROM stances ORDER BY document_id, evidence_start, holder_id, topic')),
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

/** Names of the parts (and documents) where two snapshots differ. */
function differences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const part of Object.keys(a)) {
    const x = a[part];
    const y = b[part];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (x && y && !Array.isArray(x) && typeof x === 'object') {
      const keys = new Set([...Object.keys(x), ...Object.keys(y as object)]);
      for (const k of keys) {
        if (JSON.stringify((x as Record<string, unknown>)[k]) !== JSON.stringify((y as Record<string, unknown>)[k])) out.push(`${part} of ${k}`);
      }
    } else out.push(part);
  }
  return out;
}

test('ingesting the same articles in two orders stores the same model', { timeout: 600_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-order-'));
  const stores: Store[] = [];
  try {
    const files = Object.entries(ARTICLES).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    if (existsSync(join(seeds, 'manifest.json'))) {
      for (const f of (JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) as { documents: { file: string }[] }).documents) {
        files.push(join(seeds, f.file));
      }
    } else t.diagnostic(`${seeds} not found: only this test's own articles are ingested`);
    const kb = defaultKnowledgeBase();
    const snapshots = [];
    for (const order of [files, [...files].reverse()]) {
      const store = await openStore({ dataDir: 'memory://' });
      stores.push(store);
      const summary = await ingest(store, order, { kb });
      assert.equal(summary.new, files.length, JSON.stringify(summary.failures));
      snapshots.push(await snapshot(store));
    }
    const [forward, reverse] = snapshots;
    assert.equal((forward!.documents as Rows).length, files.length);
    assert.ok((forward!.quoteGroups as string[]).some((g) => g.split(' ').length > 1), 'the repeated quote makes one group of two');
    assert.deepEqual(differences(forward!, reverse!), []);
  } finally {
    for (const s of stores) await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
