import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lshBands, minhash, similarity } from './dedup.js';

const base = Array.from({ length: 40 }, (_, i) =>
  `Sentence number ${i} says that the delegation from Podgorica met officials in Skopje to discuss border crossings.`).join(' ');

test('a lightly edited copy is a near-duplicate', () => {
  const edited = base.replace('Sentence number 7', 'Line number 7').replace('number 30', 'no. 30') + ' Reporting by a wire agency.';
  const s = similarity(minhash(base), minhash(edited));
  assert.ok(s >= 0.8, `similarity ${s}`);
  const shared = lshBands(minhash(base)).filter((b, i) => b === lshBands(minhash(edited))[i]).length;
  assert.ok(shared > 0);
});

test('different articles are not', () => {
  const other = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: farmers in the valley expect a late harvest after the rains.`).join(' ');
  assert.ok(similarity(minhash(base), minhash(other)) < 0.2);
});

test('signatures are stable and fit a Postgres integer', () => {
  const sig = minhash(base);
  assert.deepEqual(sig, minhash(base));
  assert.ok(sig.every((v) => v >= 0 && v <= 0x7fffffff));
});
