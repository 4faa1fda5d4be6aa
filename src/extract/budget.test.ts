/**
 * The per-document analysis budget: a text over the size is refused before any work, an analysis over the time is
 * stopped, and in an ingest either is one line naming the input while the inputs after it are still read.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from './pipeline.js';
import { AnalysisBudgetError } from './budget.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/store.js';

const kb = defaultKnowledgeBase();
const dir = mkdtempSync(join(tmpdir(), 'dossier-budget-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Text written for this test.
const paragraph = (n: number) =>
  `The council in the river town met on Tuesday to discuss bridge repairs number ${n}. ` +
  `Its chair said the works would start in May and end before the winter.`;

test('a text over the size budget is refused, naming both lengths', () => {
  const text = Array.from({ length: 40 }, (_, n) => paragraph(n)).join('\n\n');
  assert.throws(() => analyze({ text, date: '2024-05-01', language: 'en' }, kb, { budget: { maxChars: 1000, maxMs: 60_000 } }), (err: unknown) => {
    assert.ok(err instanceof AnalysisBudgetError);
    assert.equal(err.message, `is ${text.length.toLocaleString('en')} characters of text; analysis takes at most 1,000 a document (--max-chars): split it into articles`);
    return true;
  });
});

test('an analysis over the time budget is stopped with one clear message', () => {
  const text = Array.from({ length: 400 }, (_, n) => paragraph(n)).join('\n\n');
  analyze({ text: paragraph(0), date: '2024-05-01', language: 'en' }, kb); // loads the models
  const t0 = performance.now();
  assert.throws(() => analyze({ text, date: '2024-05-01', language: 'en' }, kb, { budget: { maxChars: 1_000_000, maxMs: 1 } }), (err: unknown) => {
    assert.ok(err instanceof AnalysisBudgetError);
    assert.equal(err.message, 'analysis ran over its budget of 1 ms (--analysis-timeout) and was stopped; not stored');
    return true;
  });
  const stopped = performance.now() - t0;
  const t1 = performance.now();
  analyze({ text, date: '2024-05-01', language: 'en' }, kb);
  // Stopped at the first sentence parsed after the deadline, not at the end of the document.
  assert.ok(stopped < performance.now() - t1, 'stopping took less than the whole analysis');
});

test('in an ingest, the refused document is one failure naming its line and the next one is stored', async () => {
  const file = join(dir, 'dump.jsonl');
  const long = Array.from({ length: 40 }, (_, n) => paragraph(n)).join('\n\n');
  writeFileSync(file, [JSON.stringify({ title: 'Long', date: '2024-05-01', text: long }), JSON.stringify({ title: 'Short', date: '2024-05-02', text: paragraph(99) })].join('\n') + '\n');
  const store = await openStore({ dataDir: 'memory://' });
  try {
    const summary = await ingest(store, [file], { kb, budget: { maxChars: 2000, maxMs: 60_000 } });
    assert.equal(summary.new, 1);
    assert.equal(summary.failed, 1);
    assert.deepEqual(summary.failures, [{ origin: `${file}: line 1`, message: `is ${long.length.toLocaleString('en')} characters of text; analysis takes at most 2,000 a document (--max-chars): split it into articles` }]);
  } finally {
    await store.close();
  }
});
