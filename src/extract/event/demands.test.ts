import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType, EventRecord } from '../../model/types.js';
import { eventsOf, hasModel } from './test-events.js';

// Sentences written for these tests; the roles are read off the shipped model's parse.

const states = { Valmora: ['valmora', 'GPE'], Tarsk: ['tarsk', 'GPE'] } as Record<string, [string, EntityType]>;
const brief = (events: EventRecord[]) => events.map((e) => [e.type, e.source, e.target]);

test('"X said Y must …" is X\'s demand of Y, not Y\'s act', { skip: !hasModel }, () => {
  assert.deepEqual(brief(eventsOf('Valmora said Tarsk must withdraw its troops from the border.', states)), [['REQUEST', 'valmora', 'tarsk']]);
});

test('a pronoun told to someone that it must act is the one told', { skip: !hasModel }, () => {
  assert.deepEqual(brief(eventsOf('Valmora told Tarsk that it must cooperate with the inspectors.', states)), [['REQUEST', 'valmora', 'tarsk']]);
  assert.deepEqual(brief(eventsOf('Valmora issued a stern reminder to Tarsk that it must cooperate with the inspectors.', states)), [['REQUEST', 'valmora', 'tarsk']]);
});

test('a demand noun\'s "that"-clause is demanded without a modal', { skip: !hasModel }, () => {
  const events = eventsOf('Valmora repeated its demand that Tarsk release the prisoners.', states);
  assert.deepEqual(brief(events), [['REQUEST', 'valmora', 'tarsk']]);
});

test('an act said without "must" stays the act', { skip: !hasModel }, () => {
  assert.deepEqual(brief(eventsOf('Valmora said Tarsk withdrew its troops from the border.', states)), [['RETREAT', 'tarsk', null]]);
});
