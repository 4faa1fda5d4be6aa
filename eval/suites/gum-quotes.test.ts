import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinContinued } from './gum-quotes.js';

test('a quote GUM splits at sentence ends is read as one; a new mark opens a new quote', () => {
  const text = '"We won. We will win again." Then: "Next year."';
  const first = { start: 0, end: 8 };
  const second = { start: 9, end: 28 };
  const third = { start: 35, end: 47 };
  assert.deepEqual(joinContinued(text, [first, second, third]), [{ start: 0, end: 28 }, third]);
});
