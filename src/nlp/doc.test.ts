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
