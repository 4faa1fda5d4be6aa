/**
 * The analysis pool (pool.ts) and ingest with `jobs` (ingest.ts): documents analysed in worker threads give the
 * rows the ingest's own thread gives, whatever order they come back in; a failing document costs only itself; a
 * dying worker costs only the document it was analysing; a pool that cannot start hands the work back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKnowledgeBase } from '../kb/load.js';
import type { Document } from '../model/types.js';
import { openStore, type Store } from '../store/store.js';
import { analyseForStore } from './analyse.js';
import { toDocument } from './document.js';
import { ingest } from './ingest.js';
import { AnalysisFailure, AnalysisPool, PoolUnavailable } from './pool.js';

const kb = defaultKnowledgeBase();

// Articles written for these tests.
const ARTICLES: Record<string, string> = {
  'a-valmora.txt': 'Valmora and Tarsk reopen border talks\n\nNegotiators from Valmora and Tarsk met in Geneva on 3 April 2024 to discuss the disputed river crossing. "We will not give up the bridge," the Valmoran envoy Irena Kostal told reporters.\n',
  'b-ruritania.txt': 'Ruritania recalls its ambassador\n\nRuritania recalled its ambassador to Tarsk on Monday after border guards detained two of its citizens. The foreign ministry in Strelsau condemned the arrests and demanded their release.\n',
  'c-sanctions.txt': 'EU weighs sanctions over the river dispute\n\nThe European Union said on 5 April 2024 it would consider sanctions on Tarsk if the crossing stayed closed. Russia criticised the move.\n',
  'd-aid.txt': 'Aid convoy reaches the valley\n\nA convoy of the Red Cross reached the valley on Friday with food and medicine, officials in Valmora said. Serbia offered to send engineers to repair the road.\n',
};
const doc = (name: string, text: string): Document => toDocument({ origin: name, kind: 'text', content: text }, { date: '2024-04-08' });
/** A document the stand-in workers below answer without reading it. */
const stub = (id: string, text: string) => ({ id, text }) as Document;

test('documents analysed in the pool give the same rows as in this thread, in any order', { timeout: 300_000 }, async () => {
  const docs = Object.entries(ARTICLES).map(([name, text]) => doc(name, text));
  const pool = new AnalysisPool(kb, 2);
  try {
    const done: string[] = [];
    const results = await Promise.all(docs.map((d) => pool.analyse(d).then((p) => {
      done.push(p.id);
      return p;
    })));
    assert.equal(done.length, docs.length);
    docs.forEach((d, k) => assert.deepEqual(results[k], analyseForStore(d, kb), d.origin!));
    assert.ok(results.some((p) => p.events.length > 0) && results.some((p) => p.quotes.length > 0), 'the articles give events and quotes');
  } finally {
    await pool.close();
  }
});

test('a document over the budget fails with its one line, and the others are analysed', { timeout: 300_000 }, async () => {
  const pool = new AnalysisPool(kb, 1);
  try {
    const long = doc('long.txt', ARTICLES['a-valmora.txt']!.repeat(4));
    const [failed, ok] = await Promise.allSettled([
      pool.analyse(long, { maxChars: 500, maxMs: 60_000 }),
      pool.analyse(doc('b.txt', ARTICLES['b-ruritania.txt']!), { maxChars: 500, maxMs: 60_000 }),
    ]);
    assert.equal(failed.status, 'rejected');
    const err = (failed as PromiseRejectedResult).reason;
    assert.ok(err instanceof AnalysisFailure && err.standalone, String(err));
    assert.match(err.message, /characters of text; analysis takes at most 500/);
    assert.equal(ok.status, 'fulfilled');
  } finally {
    await pool.close();
  }
});

test('a worker that dies costs only the document it was analysing', { timeout: 60_000 }, async () => {
  const pool = new AnalysisPool(kb, 1, { entry: new URL('./pool-fixtures/crashing-worker.mjs', import.meta.url) });
  try {
    const texts = ['first text', 'this one will CRASH the worker', 'third text', 'a FAIL here', 'fifth text'];
    const settled = await Promise.allSettled(texts.map((t, k) => pool.analyse(stub(String(k), t))));
    assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    const crash = (settled[1] as PromiseRejectedResult).reason as AnalysisFailure;
    assert.ok(crash instanceof AnalysisFailure && crash.standalone);
    assert.match(crash.message, /^could not be analysed: the analysis worker stopped \(exited with code 3\)$/);
    const fail = (settled[3] as PromiseRejectedResult).reason as AnalysisFailure;
    assert.ok(fail instanceof AnalysisFailure && !fail.standalone);
    assert.equal(fail.message, 'the extractor broke');
    // The pool goes on with a new worker.
    assert.ok((await pool.analyse(stub('6', 'sixth text'))).id);
  } finally {
    await pool.close();
  }
});

test('a pool whose workers cannot start says so, for every document sent', { timeout: 60_000 }, async () => {
  const pool = new AnalysisPool(kb, 2, { entry: new URL('./pool-fixtures/broken-worker.mjs', import.meta.url) });
  try {
    const settled = await Promise.allSettled([pool.analyse(stub('1', 'one')), pool.analyse(stub('2', 'two'))]);
    for (const s of settled) {
      assert.equal(s.status, 'rejected');
      assert.ok((s as PromiseRejectedResult).reason instanceof PoolUnavailable);
      assert.match((s as PromiseRejectedResult).reason.message, /analysis workers could not start \(no model here\)/);
    }
    await assert.rejects(pool.analyse(stub('3', 'three')), PoolUnavailable);
  } finally {
    await pool.close();
  }
});

type Rows = Record<string, unknown>[];

/** What the store holds, in an order that does not depend on the order documents were written in. */
async function snapshot(store: Store): Promise<Record<string, Rows>> {
  const q = async (sql: string) => (await store.db.query(sql)).rows as Rows;
  return {
    documents: await q('SELECT id, title, date::text, source, word_count, near_duplicate_of FROM documents ORDER BY id'),
    sources: await q('SELECT document_id, source FROM document_sources ORDER BY 1, 2'),
    mentions: await q('SELECT document_id, entity_id, local_id, span_start, span_end, kind FROM mentions ORDER BY 1, 3, 4, 5, 2, 6'),
    entities: await q('SELECT id, type, mention_count, document_count FROM entities ORDER BY id'),
    times: await q('SELECT document_id, span_start, span_end, value FROM times ORDER BY 1, 2, 3, 4'),
    quotes: await q('SELECT document_id, local_id, span_start, speaker_id FROM quotes ORDER BY 1, 2'),
    events: await q('SELECT document_id, local_id, type, source_id, target_id, date_value FROM events ORDER BY 1, 2'),
    stances: await q('SELECT document_id, holder_id, topic, polarity, evidence_start FROM stances ORDER BY 1, 2, 3, 4, 5'),
  };
}

test('ingest with two jobs stores what it stores with one; a failing document is one line', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pool-'));
  try {
    const files = Object.entries(ARTICLES).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    // Over the budget below, and a copy of the first article read again.
    writeFileSync(join(dir, 'e-long.txt'), `Long report\n\n${'The valley stayed quiet through the week. '.repeat(40)}\n`);
    writeFileSync(join(dir, 'f-copy.txt'), ARTICLES['a-valmora.txt']!);
    files.push(join(dir, 'e-long.txt'), join(dir, 'f-copy.txt'));
    const runs = [];
    for (const jobs of [1, 2]) {
      const store = await openStore({ dataDir: 'memory://' });
      try {
        const summary = await ingest(store, files, { kb, date: '2024-04-08', jobs, budget: { maxChars: 1000, maxMs: 60_000 } });
        runs.push({ summary, snapshot: await snapshot(store) });
      } finally {
        await store.close();
      }
    }
    for (const { summary } of runs) {
      assert.deepEqual({ read: summary.read, new: summary.new, duplicate: summary.duplicate, failed: summary.failed }, { read: 6, new: 4, duplicate: 1, failed: 1 });
      assert.equal(summary.failures.length, 1);
      assert.equal(summary.failures[0]!.origin, join(dir, 'e-long.txt'));
      assert.match(summary.failures[0]!.message, /^is 1,\d{3} characters of text; analysis takes at most 1,000 a document/);
    }
    assert.ok(runs[0]!.snapshot.events!.length > 0);
    assert.deepEqual(runs[1]!.snapshot, runs[0]!.snapshot);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
