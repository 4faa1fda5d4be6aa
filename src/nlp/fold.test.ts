import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText, normalizeName } from './fold.js';

test('folding keeps the length and strips marks', () => {
  const s = 'Vučić met Đukanović in Podgorica’s centre';
  const f = foldText(s);
  assert.equal(f.length, s.length);
  assert.equal(f, "Vucic met Dukanovic in Podgorica's centre");
});

test('Cyrillic folds to Latin one letter for one', () => {
  assert.equal(foldText('Вучић'), 'Vucic');
  assert.equal(foldText('Москва'), 'Moskva');
});

test('names normalise across spelling, script and possessive', () => {
  assert.equal(normalizeName('Vučić’s'), 'vucic');
  assert.equal(normalizeName('VUCIC'), 'vucic');
  assert.equal(normalizeName('Вучић'), 'vucic');
});
