/** The timeline pager's arithmetic: where a page lies, and what the buttons may do, with an exact or capped total. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageState } from '../web/src/components/paging.js';

test('pages of an exactly counted list', () => {
  assert.deepEqual(pageState(0, 50, 50, 189), { first: 1, last: 50, hasPrevious: false, hasNext: true, lastOffset: 150 });
  assert.deepEqual(pageState(50, 50, 50, 189), { first: 51, last: 100, hasPrevious: true, hasNext: true, lastOffset: 150 });
  assert.deepEqual(pageState(150, 50, 39, 189), { first: 151, last: 189, hasPrevious: true, hasNext: false, lastOffset: 150 });
  assert.equal(pageState(0, 50, 50, 200).lastOffset, 150, 'a total that fills the last page exactly');
});

test('a total the API stopped counting: a full page may have a next one, and there is no last page', () => {
  assert.deepEqual(pageState(10_000, 50, 50, 10_000, true), { first: 10_001, last: 10_050, hasPrevious: true, hasNext: true, lastOffset: null });
  assert.equal(pageState(10_050, 50, 12, 10_000, true).hasNext, false);
});

test('an empty page (an offset past the end) says so', () => {
  assert.deepEqual(pageState(200, 50, 0, 189), { first: 200, last: 200, hasPrevious: true, hasNext: false, lastOffset: 150 });
});
