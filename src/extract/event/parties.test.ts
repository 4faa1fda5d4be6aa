import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType, EventRecord } from '../../model/types.js';
import { eventsOf, hasModel } from './test-events.js';

// Sentences written for these tests; the roles are read off the shipped model's parse.

const names = { Valmora: ['valmora', 'GPE'], Tarsk: ['tarsk', 'GPE'], Kelm: ['kelm', 'GPE'] } as Record<string, [string, EntityType]>;
const requests = (events: EventRecord[]) => events.filter((e) => e.type === 'REQUEST').map((e) => [e.source, e.target]);

test('an appeal to stop the fighting is made to those who fought', { skip: !hasModel }, () => {
  const text = 'Valmora shelled villages in Tarsk on Sunday. Kelm has urged both sides to halt the fighting.';
  assert.deepEqual(requests(eventsOf(text, names)), [['kelm', 'valmora']]);
  const truce = 'Valmora shelled villages in Tarsk on Sunday. Kelm called for an immediate ceasefire.';
  assert.deepEqual(requests(eventsOf(truce, names)), [['kelm', 'valmora']]);
});

test('an appeal told before the fighting it is about is made to those who fight in the sentences just after', { skip: !hasModel }, () => {
  const text = 'Kelm called for an immediate ceasefire. Valmora shelled villages in Tarsk on Sunday.';
  assert.deepEqual(requests(eventsOf(text, names)), [['kelm', 'valmora']]);
});

test('an appeal about something else, or with no fighting told near it, names no one', { skip: !hasModel }, () => {
  assert.deepEqual(requests(eventsOf('Valmora shelled villages in Tarsk on Sunday. Kelm called for new elections.', names)), [['kelm', null]]);
  assert.deepEqual(requests(eventsOf('Kelm called for an immediate ceasefire.', names)), [['kelm', null]]);
});
