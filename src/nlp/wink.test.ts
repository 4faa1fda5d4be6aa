import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from './doc.js';
import { learntEntries, readText, type Wink } from './wink.js';

const tokens = (text: string) => new Doc(text).tokens.map((t) => t.text);

test('a word wink learnt from one text does not change how the next one is cut', () => {
  // Alone, wink keeps "U.S." whole. It used to learn "U.S" from the first text and then cut "U.S." in two.
  new Doc('Talks between the U.S government and the dock workers stalled.');
  assert.deepEqual(tokens('A U.S. envoy reached Geneva on Monday.'), ['A', 'U.S.', 'envoy', 'reached', 'Geneva', 'on', 'Monday', '.']);
});

test('after a document, none of the words it taught wink can be found again', () => {
  new Doc('Zorbavian envoys met the Quellish delegation in Vrenn on Tuesday.');
  const { total, reachable } = learntEntries();
  assert.ok(total > 0, 'wink did learn words while reading');
  assert.equal(reachable, 0);
});

test('within one reading wink keeps what it learns, and forgets it afterwards even when the reader throws', () => {
  const cut = (nlp: Wink, text: string) => nlp.readDoc(text).tokens().out(nlp.its.value) as string[];
  assert.throws(() => readText((nlp) => {
    cut(nlp, 'They talked about the U.S government.');
    assert.equal(learntEntries().reachable > 0, true);
    throw new Error('stop');
  }), /stop/);
  assert.equal(learntEntries().reachable, 0);
  assert.deepEqual(readText((nlp) => cut(nlp, 'A U.S. envoy.')), ['A', 'U.S.', 'envoy', '.']);
});
