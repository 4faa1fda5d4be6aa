import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateInterval, intervalsNest, morePrecise } from './dates.js';

test('a date value covers the days of its precision', () => {
  assert.deepEqual(dateInterval('2022'), { from: '2022-01-01', to: '2022-12-31' });
  assert.deepEqual(dateInterval('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(dateInterval('2022-02-24'), { from: '2022-02-24', to: '2022-02-24' });
});

test('values that name no interval are undated', () => {
  for (const v of [null, '', '199X', 'XXXX-XX-XX', '2022-13', '2023-02-29', '22-02-24']) assert.equal(dateInterval(v), null, String(v));
});

test('containment either way nests; neighbours do not', () => {
  const month = dateInterval('2022-02')!;
  assert.equal(intervalsNest(month, dateInterval('2022-02-24')!), true);
  assert.equal(intervalsNest(dateInterval('2022-02-24')!, month), true);
  assert.equal(intervalsNest(month, dateInterval('2022-03-01')!), false);
  assert.equal(intervalsNest(dateInterval('2022-02-24')!, dateInterval('2022-02-25')!), false);
});

test('the more precise value wins', () => {
  assert.equal(morePrecise('2022-02', '2022-02-24'), '2022-02-24');
  assert.equal(morePrecise('2022-02-24', '2022'), '2022-02-24');
  assert.equal(morePrecise('199X', '1999'), '1999');
});
