/**
 * Batched writes store exactly what one document at a time stores: the seeds and a synthetic corpus full of
 * cross-document links (one event told by many outlets, quotes carried again, opposite stances, copies and near
 * copies) are ingested once a document per transaction and once in batches, and every table is compared. A batch
 * with a bad document stores the others; ingesting the same input again changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backends } from '../../test/helpers.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { ingest } from '../ingest/ingest.js';
import { loadManifest } from '../ingest/manifest.js';
import { syntheticArticle } from '../../bench/corpus.js';
import { storeSnapshot } from './snapshot.js';
import { prepareDocument } from './prepare.js';
import { writeDocuments } from './batch.js';
import { article, type ArticleSpec } from '../resolve/testing.js';
import { writeDocument } from './store.js';

const SEEDS = join(import.meta.dirname, '../../../shared/corpus/seeds');
const kb = defaultKnowledgeBase();
const dir = mkdtempSync(join(tmpdir(), 'dossier-batch-'));
const corpus = join(dir, 'corpus.jsonl');
{
  const lines: string[] = [];
  for (let i = 0; i < 90; i++) {
    const a = syntheticArticle(i, 250);
    lines.push(JSON.stringify({ text: a.text, title: a.title, date: a.date, source: `outlet-${i % 7}` }));
    // Every tenth article again from another outlet (an exact copy), and lightly edited (a near copy).
    if (i % 10 === 3) lines.push(JSON.stringify({ text: a.text, title: a.title, date: a.date, source: 'copier' }));
    if (i % 10 === 6) lines.push(JSON.stringify({ text: `${a.text}\n\nUpdated with a correction.`, title: a.title, date: a.date, source: 'editor' }));
  }
  writeFileSync(corpus, lines.join('\n') + '\n');
}

/**
 * Made-up reports dense in cross-document links, with their layers given (no extractor involved): three states and
 * an official meeting and fighting on a handful of dates at every precision, asserted and denied; quotes carried
 * whole, trimmed and extended, with and without a speaker; stances for and against within months.
 */
function denseFixtures(n: number): ArticleSpec[] {
  let seed = 7;
  const r = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const entities = {
    a: { name: 'Valdoria', type: 'GPE' as const, kbId: 'valdoria', words: ['Valdoria'] },
    b: { name: 'Norland', type: 'GPE' as const, kbId: 'norland', words: ['Norland'] },
    c: { name: 'Ostria', type: 'GPE' as const, kbId: 'ostria', words: ['Ostria'] },
    p: { name: 'Ivo Petrov', type: 'PERSON' as const, words: ['Ivo Petrov'] },
  };
  const quotes = ['we will never accept a border drawn by force in our region', 'the talks in the capital were the most useful we have held in years',
    'our soldiers will stay where they are until the agreement is signed by all'];
  return Array.from({ length: n }, (_, i): ArticleSpec => {
    const date = r() < 0.1 ? null : `2022-0${1 + Math.floor(r() * 4)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const sentences = ['Valdoria, Norland, Ostria and Ivo Petrov were named.'];
    const events: NonNullable<ArticleSpec['events']> = [];
    for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
      const trigger = `act${i}x${k}`;
      sentences.push(`They ${trigger} there.`);
      const source = pick(['a', 'b', 'p', null]);
      const dated = pick(['2022-02-24', '2022-02', '2022', '2022-03-01', '2022-03-02', null, 'report']);
      events.push({ type: pick(['CONSULT', 'ASSAULT'] as const), source, target: pick(['a', 'b', 'c', null]), trigger,
        ...(source === 'p' ? { sourceState: 'a' } : {}),
        ...(dated === 'report' ? (date ? { date, basis: 'report' as const } : {}) : dated ? { date: dated } : {}),
        negated: r() < 0.2, modality: pick(['asserted', 'asserted', 'reported', 'future'] as const) });
    }
    const qs: NonNullable<ArticleSpec['quotes']> = [];
    for (let k = 0; k < Math.floor(r() * 3); k++) {
      const base = pick(quotes).split(' ');
      const text = pick([base.join(' '), base.slice(0, 9).join(' '), `${base.join(' ')} and beyond it ${i}`, base.slice(2).join(' ')]);
      if (sentences.some((s2) => s2.includes(text))) continue;
      sentences.push(`"${text}," one said.`);
      qs.push({ text, speaker: pick(['p', 'a', null]) });
    }
    const stances: NonNullable<ArticleSpec['stances']> = [];
    for (let k = 0; k < Math.floor(r() * 2); k++) {
      const evidence = `Stance ${i}x${k} on membership`;
      sentences.push(`${evidence}.`);
      stances.push({ holder: pick(['a', 'b']), topic: pick(['NATO membership', 'EU membership'] as const), polarity: pick(['support', 'oppose'] as const),
        evidence, date: r() < 0.3 ? pick(['2021', '2022-02', null]) : null });
    }
    return { date, source: `outlet-${i % 5}`, text: sentences.join(' '), entities, events, quotes: qs, stances };
  });
}

for (const backend of backends) {
  // The seeds are read from ../shared; a clone without it skips this one (the synthetic corpus test below stays).
  const skip = backend.skip || (existsSync(join(SEEDS, 'manifest.json')) ? false : 'no ../shared/corpus/seeds beside the project');
  test(`batched writes store what one-by-one writes store, on ${backend.name}`, { skip, timeout: 600_000 }, async () => {
    const manifest = await loadManifest(join(SEEDS, 'manifest.json'));
    const one = await backend.open();
    const many = await backend.open();
    try {
      for (const [store, batchSize] of [[one, 1], [many, 17]] as const) {
        const s1 = await ingest(store, [], { kb, manifest, batchSize });
        const s2 = await ingest(store, [corpus], { kb, batchSize });
        assert.equal(s1.failed + s2.failed, 0, JSON.stringify([...s1.failures, ...s2.failures]));
      }
      const [a, b] = [await storeSnapshot(one.db), await storeSnapshot(many.db)];
      for (const table of Object.keys(a)) assert.deepEqual(b[table], a[table], `${table} differs`);
      // The corpus does exercise what batching must get right.
      const count = (t: string) => a[t]!.length;
      assert.ok(count('timeline_entries') < count('events'), 'events joined entries');
      assert.ok(count('quote_groups') < count('quotes'), 'quotes joined groups');
      assert.ok(a.documents!.some((r) => JSON.parse(r).near_duplicate_of), 'a near copy linked');

      // Again: nothing changes.
      const again = await ingest(many, [corpus], { kb, batchSize: 17 });
      assert.equal(again.new, 0);
      assert.deepEqual(await storeSnapshot(many.db), b);
    } finally {
      await one.dispose();
      await many.dispose();
    }
  });

  test(`batches resolve links among themselves as one-by-one writes do, on ${backend.name}`, { skip: backend.skip ?? false }, async () => {
    const specs = denseFixtures(120);
    const one = await backend.open();
    const many = await backend.open();
    try {
      for (const spec of specs) await writeDocument(one.db, article(spec));
      const prepared = specs.map((spec) => prepareDocument(article(spec)));
      for (let k = 0; k < prepared.length; k += 13) {
        const results = await writeDocuments(many.db, prepared.slice(k, k + 13));
        assert.ok(results.every((x) => 'outcome' in x), JSON.stringify(results.filter((x) => 'error' in x).map((x) => String((x as { error: Error }).error))));
      }
      const [a, b] = [await storeSnapshot(one.db), await storeSnapshot(many.db)];
      for (const table of Object.keys(a)) assert.deepEqual(b[table], a[table], `${table} differs`);
      const kinds = new Set(a.disagreements!.map((x) => JSON.parse(x).kind));
      assert.deepEqual([...kinds].sort(), ['event', 'stance'], 'both kinds of disagreement');
      assert.ok(a.timeline_entries!.length < a.events!.length / 2, 'events joined entries');
      assert.ok(a.quote_groups!.length < a.quotes!.length / 2, 'quotes joined groups');
    } finally {
      await one.dispose();
      await many.dispose();
    }
  });

  test(`a failed batch is written document by document on ${backend.name}`, { skip: backend.skip ?? false }, async () => {
    const store = await backend.open();
    try {
      const good = [1, 2, 3].map((n) => article({ text: `Valdoria met Norland in Brasca on day ${n}. The talks went on.`, date: `2024-03-0${n}`,
        entities: { a: { name: 'Valdoria', type: 'GPE', kbId: 'valdoria', words: ['Valdoria'] }, b: { name: 'Norland', type: 'GPE', kbId: 'norland', words: ['Norland'] } },
        events: [{ type: 'CONSULT', source: 'a', target: 'b', trigger: 'met', date: `2024-03-0${n}` }] }));
      const bad = article({ text: 'A report that cannot be stored.', date: '2024-03-04' });
      (bad.layers.times as unknown[]).push({ start: 0, end: 1, text: null, value: null });
      const results = await writeDocuments(store.db, [good[0]!, bad, good[1]!, good[2]!].map(prepareDocument));
      assert.deepEqual(results.map((r) => ('error' in r ? 'error' : r.outcome)), ['new', 'error', 'new', 'new']);
      const n = (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]!.n;
      assert.equal(n, 3);
      const entries = (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM timeline_entries')).rows[0]!.n;
      assert.equal(entries, 3, 'three days, three meetings');
    } finally {
      await store.dispose();
    }
  });
}

test.after(() => rmSync(dir, { recursive: true, force: true }));
