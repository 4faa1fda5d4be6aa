import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../nlp/doc.js';
import type { KbEntry, KnowledgeBase } from '../model/types.js';
import { inferPublicationDate } from './date-inference.js';

function kbOf(entries: KbEntry[]): KnowledgeBase {
  return { entries, offices: [], byId: new Map(entries.map((e) => [e.id, e])) };
}

const madrid: KbEntry = { id: 'madrid', type: 'GPE', kind: 'city', name: 'Madrid', aliases: [] };
const riga: KbEntry = { id: 'riga', type: 'GPE', kind: 'city', name: 'Riga', aliases: [] };
const kb = kbOf([
  madrid,
  riga,
  {
    id: 'summit-madrid-2022', type: 'EVENT', kind: 'summit', name: 'NATO Madrid Summit 2022', aliases: [],
    date: '2022-06-28', endDate: '2022-06-30', location: 'madrid',
  },
  {
    id: 'summit-riga-2006', type: 'EVENT', kind: 'summit', name: 'Riga Summit', aliases: [],
    date: '2006-11-28', endDate: '2006-11-29', location: 'riga',
  },
  {
    id: 'invasion-2022', type: 'EVENT', kind: 'war', name: 'Russian invasion of Ukraine', aliases: ['full-scale invasion'],
    date: '2022-02-24',
  },
]);

const infer = (text: string, base = kb) => inferPublicationDate(new Doc(text), base);

test('no anchors, no date', () => {
  assert.equal(infer('The minister spoke on Wednesday about the talks in March.'), null);
});

test('the latest past date is the lower bound and the estimate', () => {
  const r = infer('The accord was signed on 12 May 2021. Ministers met again on 3 October 2021 to review it.');
  assert.deepEqual(r, { date: '2021-10-03', from: '2021-10-03', to: '2022-10-03' });
});

test('a year alone bounds from its first day and estimates its last', () => {
  assert.deepEqual(infer('Serbia declared its neutrality in 2007.'), { date: '2007-12-31', from: '2007-01-01', to: '2008-12-31' });
});

test('future mentions close the interval instead of raising it', () => {
  const r = infer('Observers arrived in March 2023. Elections will be held in November 2023.');
  assert.deepEqual(r, { date: '2023-03-31', from: '2023-03-01', to: '2023-11-30' });
  // A deadline is not something that happened.
  assert.deepEqual(infer('The plan adopted in 2019 must be completed by 2030.')?.from, '2019-01-01');
});

test('a summit named by its place dates the report', () => {
  const r = infer('Officials at the Alliance summit in Madrid said the region mattered, recalling the wars of 1995.');
  assert.deepEqual(r, { date: '2022-06-30', from: '2022-06-28', to: '2023-06-30' });
});

test('an event named by its alias is a lower bound', () => {
  const r = infer("Since Russia's full-scale invasion, Kosovo has asked to join the alliance, as it did in 2008.");
  assert.equal(r?.from, '2022-02-24');
  assert.equal(r?.date, '2022-02-24');
});

test('an upcoming event bounds from above', () => {
  const r = infer('The leaders signed the pact in 2005 and will meet at the Riga summit.');
  assert.deepEqual(r, { date: '2005-12-31', from: '2005-01-01', to: '2006-11-29' });
});

test('without the KB, only the text counts', () => {
  assert.equal(infer('Officials at the Alliance summit in Madrid said so.', kbOf([])), null);
});

test('an office holder named by their title dates the report within their term', () => {
  const minister: KbEntry = {
    id: 'ana-test', type: 'PERSON', name: 'Ana Testović', aliases: [], gender: 'female',
    roles: [
      { office: 'minister', of: 'serbia', from: '2012-01-01', to: '2016-05-01' },
      { office: 'defence-minister', of: 'serbia', from: '2016-05-01', to: '2019-03-31' },
    ],
  };
  const base: KnowledgeBase = { ...kbOf([minister]), offices: [
    { id: 'minister', names: ['minister'] }, { id: 'defence-minister', names: ['defence minister', 'defense minister'] },
  ] };
  assert.deepEqual(infer('Defence Minister Ana Testović inspected the barracks.', base), { date: '2016-05-01', from: '2016-05-01', to: '2019-03-31' });
  assert.equal(infer('Former Defence Minister Ana Testović wrote a memoir.', base), null);
});
