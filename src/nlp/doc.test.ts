import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from './doc.js';

test('tokens carry exact offsets into the original text, diacritics and all', () => {
  const text = 'Predsjednik Vučić met Đukanović’s envoy in Podgorica.';
  const doc = new Doc(text);
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(doc.tokens.some((t) => t.text === 'Vučić' && t.pos === 'PROPN'));
  assert.ok(doc.tokens.some((t) => t.text === 'Đukanović'));
});

test('a heading line without final punctuation is its own sentence', () => {
  const doc = new Doc('Ministers meet in Skopje\nThe talks began on Monday. They ended late.');
  assert.deepEqual(doc.sentences.map((s) => doc.slice(s)), [
    'Ministers meet in Skopje', 'The talks began on Monday.', 'They ended late.',
  ]);
});

test('a hard-wrapped sentence stays one sentence', () => {
  const doc = new Doc('The envoy said the talks would\ncontinue next week.');
  assert.equal(doc.sentences.length, 1);
});

test('sentence and token lookup by offset', () => {
  const doc = new Doc('First one here. Second one there.');
  const at = doc.text.indexOf('Second');
  assert.equal(doc.sentenceIndexAt(at), 1);
  assert.equal(doc.tokens[doc.tokenIndexAt(at)]!.text, 'Second');
});

test('a possessive splits the same whatever was read before (wink keeps a vocabulary across documents)', () => {
  // wink leaves "Zembria's" whole when it ends a sentence, then knows the word and would leave it whole everywhere.
  const first = new Doc("The river is tied to Zembria's.");
  const later = new Doc("Officials in Zembria's capital met on Monday.");
  assert.deepEqual(first.tokens.slice(5, 7).map((t) => [t.text, t.pos]), [['Zembria', 'PROPN'], ["'s", 'PART']]);
  assert.deepEqual(later.tokens.slice(2, 4).map((t) => t.text), ['Zembria', "'s"]);
  assert.equal(later.tokens[3]!.start, later.text.indexOf("'s"));
});

test('a clock time or decimal written against its unit is one number and its unit, not cut after one decimal', () => {
  // Written for this test: wink alone gives "11.3" + "0pm".
  const text = 'The drones crossed between 11.30pm and 6.45am, costing 2.75bn.';
  const doc = new Doc(text);
  const words = doc.tokens.map((t) => t.text);
  assert.deepEqual(words.slice(4, 9), ['11.30', 'pm', 'and', '6.45', 'am']);
  assert.ok(words.includes('2.75'));
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
});
