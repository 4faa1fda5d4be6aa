import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../nlp/doc.js';
import { recogniseEntities } from '../entities.js';
import { resolveCoreference } from '../coref.js';
import { TEST_KB } from './testkb.js';
import type { KbEntry, KnowledgeBase } from '../../model/types.js';

// Sentences written for these tests. TEST_KB: Stoltenberg (NATO secretary general 2014-10 to 2024-10), Vulin
// (Serbia's defence minister 2017-06 to 2020-10), Osmani (Kosovo's president from 2021-04).
const envoy: KbEntry = {
  id: 'envoy-a', type: 'PERSON', name: 'Petra Ilvessalo', aliases: [], roles: [{ office: 'special-representative', of: 'serbia', from: '2020-01' }],
};
const biden: KbEntry = {
  id: 'biden', type: 'PERSON', name: 'Joe Biden', aliases: [], roles: [{ office: 'president', of: 'serbia', from: '2021-01' }],
};
// A namesake without the office: the surname alone fixes no one, the title does.
const namesake: KbEntry = { id: 'jill-biden', type: 'PERSON', name: 'Jill Biden', aliases: [] };
const KB: KnowledgeBase = {
  entries: [...TEST_KB.entries, envoy, biden, namesake],
  offices: [...TEST_KB.offices, { id: 'special-representative', names: ['envoy'] }],
  byId: new Map([...TEST_KB.entries, envoy, biden, namesake].map((e) => [e.id, e])),
};

function people(text: string, date: string) {
  const doc = new Doc(text);
  const ctx = { kb: KB, date };
  const ents = resolveCoreference(doc, ctx, { entities: recogniseEntities(doc, ctx, {}) });
  return ents.filter((e) => e.type === 'PERSON').map((e) => `${e.kbId ?? e.name}: ${e.mentions.map((m) => `${m.text}/${m.kind}`).join(', ')}`);
}

test('an office fixed by its state or organisation links its one holder on the date', () => {
  assert.deepEqual(people("Serbia's defence minister flew home.", '2018-01-10'), ['vulin: defence minister/nominal']);
  assert.deepEqual(people('The president of Kosovo spoke.', '2022-01-10'), ['osmani: president/nominal']);
  assert.deepEqual(people('The NATO secretary general spoke.', '2020-01-10'), ['stoltenberg: secretary general/nominal']);
});

test('an office outside the holder\'s dates, held by several at once, or not fixed links no one', () => {
  assert.deepEqual(people("Serbia's defence minister flew home.", '2022-01-10'), []);
  assert.deepEqual(people('A Serbian envoy arrived. The Serbian envoy left.', '2022-01-10'), []);
  assert.deepEqual(people('Kosovo held talks. The president spoke.', '2022-01-10'), []);
  assert.deepEqual(people('Its president spoke for Kosovo.', '2022-01-10'), []);
});

test('a former or then holder is not the holder on the date', () => {
  assert.deepEqual(people('A former Serbian defence minister spoke.', '2018-01-10'), []);
  assert.deepEqual(people("Kosovo's then president wrote back.", '2022-01-10'), []);
});

test('a definite office refers back to the one holder the document named', () => {
  assert.deepEqual(people('Vjosa Osmani arrived. The president spoke.', '2022-01-10'),
    ['osmani: Vjosa Osmani/name, president/nominal']);
});

test('an appositive office is the person it stands beside, not another holder', () => {
  assert.deepEqual(people('Vjosa Osmani met Jens Stoltenberg. Mila Rendak, the president, said no.', '2022-01-10').slice(2),
    ['Mila Rendak: Mila Rendak/name, president/nominal']);
});

test('a surname after an office title names the one holder with that surname, among namesakes', () => {
  assert.deepEqual(people('President Biden signed the order. The president left.', '2022-01-10'),
    ['biden: Biden/surname, president/nominal']);
  assert.deepEqual(people('President Biden signed the order.', '2019-01-10'), ['Biden: Biden/name']);
});
