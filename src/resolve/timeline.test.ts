/**
 * One timeline entry per real event (issue 13): reports of one event merge across documents and within one,
 * actors compared as the states they act for, dates compatible including a report's own date; a change of
 * position over years is not a disagreement. The articles are sentences written for this test, about made-up states.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../test/helpers.js';
import { article, type ArticleSpec } from './testing.js';
import { writeDocument } from '../store/store.js';
import { listDisagreements, timeline } from '../service/statements.js';
import { actorsAgree, clusterReports, type Report } from './timeline.js';
import { dateInterval } from './dates.js';
import { positionChanges, samePeriod } from './stances.js';

const valdoria = { name: 'Valdoria', type: 'GPE' as const, kbId: 'valdoria', words: ['Valdoria'] };
const norland = { name: 'Norland', type: 'GPE' as const, kbId: 'norland', words: ['Norland'] };
const petrov = { name: 'Ivo Petrov', type: 'PERSON' as const, words: ['Ivo Petrov'] };

const spring: ArticleSpec = {
  date: '2022-04-15', source: 'Hill Gazette',
  text: 'Since 24 February, when President Ivo Petrov launched an invasion of Norland, the border towns have emptied. ' +
    'Three days after Valdoria invaded Norland, the council asked for help. The war on Norland has cost Valdoria its friends. ' +
    'Valdoria attacked its own past.',
  entities: { e1: valdoria, e2: norland, e3: petrov },
  events: [
    { type: 'ASSAULT', source: 'e3', sourceState: 'e1', target: 'e2', date: '2022-02-24', trigger: 'launched an invasion' },
    { type: 'ASSAULT', source: 'e1', target: 'e2', date: '2022-04-15', basis: 'report', trigger: 'invaded' },
    { type: 'ASSAULT', source: 'e1', target: 'e2', trigger: 'war', modality: 'reported' },
    { type: 'ASSAULT', source: 'e1', trigger: 'attacked' },
  ],
};
const may: ArticleSpec = {
  date: '2022-05-04', source: 'Valley Times',
  text: 'In light of the war Valdoria waged on Norland in February, the alliance is sending more help.',
  entities: { e1: valdoria, e2: norland },
  events: [{ type: 'ASSAULT', source: 'e1', target: 'e2', date: '2022-02', trigger: 'waged' }],
};
const later: ArticleSpec = {
  date: '2024-02-20', source: 'Coast Herald',
  text: 'The invasion Valdoria began against Norland in February 2022 shattered the peace. ' +
    'Trade has fallen since Valdoria invaded Norland.',
  entities: { e1: valdoria, e2: norland },
  events: [
    { type: 'ASSAULT', source: 'e1', target: 'e2', date: '2022-02', trigger: 'began' },
    { type: 'ASSAULT', source: 'e1', target: 'e2', date: '2024-02-20', basis: 'report', trigger: 'invaded' },
  ],
};
const twoStrikes: ArticleSpec = {
  date: '2022-05-06', source: 'Hill Gazette',
  text: 'Valdoria shelled Norland on 3 May. Valdoria shelled Norland again on 5 May.',
  entities: { e1: valdoria, e2: norland },
  events: [
    { type: 'ASSAULT', source: 'e1', target: 'e2', date: '2022-05-03', trigger: 'shelled' },
    { type: 'ASSAULT', source: 'e1', target: 'e2', date: '2022-05-05', trigger: 'again' },
  ],
};

const report = (over: Partial<Report>): Report => ({ type: 'ASSAULT', source: null, target: null, exact: null, bound: null, factual: true, ...over });

test('actors agree when one is shared and the other equal or unnamed', () => {
  assert.equal(actorsAgree({ source: 'a', target: 'b' }, { source: 'a', target: null }), true);
  assert.equal(actorsAgree({ source: 'a', target: 'b' }, { source: 'a', target: 'c' }), false);
  assert.equal(actorsAgree({ source: null, target: 'b' }, { source: 'x', target: 'b' }), true);
  assert.equal(actorsAgree({ source: 'a', target: null }, { source: null, target: 'b' }), false);
});

test('within a document: the most precise date leads, a bound joins an earlier date, two days stay two events', () => {
  const day = report({ source: 'v', target: 'n', exact: dateInterval('2022-02-24') });
  const bound = report({ source: 'v', target: 'n', bound: '2022-04-15' });
  const undated = report({ source: 'v', target: 'n' });
  const hypothetical = report({ source: 'v', target: 'n', factual: false });
  const clusters = clusterReports([bound, undated, day, report({ source: 'v', target: 'n', exact: dateInterval('2022-05-03') }), hypothetical]);
  assert.deepEqual(clusters.map((c) => c.members), [[0, 1, 2], [3], [4]], 'the undated act is the dated one; the hypothetical one is not');
  const lone = clusterReports([hypothetical, report({ source: 'v', target: 'n', exact: dateInterval('2022-03-01') })]);
  assert.equal(lone.length, 2, 'a hypothetical act is not the dated one');
  assert.equal(clusterReports([report({ source: 'v' }), report({ source: 'v', target: 'n', exact: dateInterval('2022-03-01') })]).length, 2,
    'an undated act with a side unnamed is not matched by its actors');
  assert.deepEqual(clusters[0]!.exact, dateInterval('2022-02-24'));
  assert.equal(clusters[0]!.target, 'n');
  assert.equal(clusterReports([report({ source: 'v', bound: '2022-01-01' }), report({ source: 'v', exact: dateInterval('2022-03') })]).length, 2,
    'a bound does not join a later date');
});

test('claims about the same period, and a change over years', () => {
  assert.equal(samePeriod(dateInterval('2017-09-01'), dateInterval('2017-06')), true);
  assert.equal(samePeriod(dateInterval('2006'), dateInterval('2017-09-01')), false);
  assert.equal(samePeriod(null, dateInterval('2017')), true);
  const held = [
    { topic: 'NATO membership', polarity: 'oppose', date: '2017-09-01' },
    { topic: 'NATO membership', polarity: 'support', date: '2017-08-20' },
    { topic: 'NATO membership', polarity: 'support', date: '2006-12-14' },
    { topic: 'EU', polarity: 'support', date: '2006-12-14' },
  ];
  assert.deepEqual([...positionChanges(held)], [[0, { polarity: 'support', date: '2006-12-14' }]],
    'opposing in 2017 after supporting in 2006 is a change; the same-month support is a disagreement, not the position before');
});

async function entries(db: Parameters<typeof timeline>[0]) {
  const tl = await timeline(db, { limit: 50 });
  return tl.items.map((e) => ({ date: e.date, source: e.sourceName, target: e.targetName, reports: e.mentions.map((m) => m.trigger).sort() }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

for (const backend of backends) {
  test(`one entry per real event on ${backend.name}, in either order`, { skip: backend.skip ?? false }, async () => {
    const results = [];
    for (const order of [[spring, may, later, twoStrikes], [twoStrikes, later, may, spring]]) {
      const store = await backend.open();
      try {
        for (const spec of order) await writeDocument(store.db, article(spec));
        results.push(await entries(store.db));
        const tl = await timeline(store.db, { limit: 50 });
        const invasion = tl.items.find((e) => e.mentions.length > 2)!;
        assert.equal(invasion.date, '2022-02-24', 'the entry keeps the stated day');
        assert.equal(invasion.sourceName, 'Valdoria', 'the president acts for his state');
        assert.equal(invasion.mentionCount, 6, 'every report listed');
        assert.equal((await timeline(store.db, { actor: 'x:PERSON:ivo petrov' })).total, 1, 'the agent still finds the entry');
        const latest = await timeline(store.db, { newestFirst: true, limit: 10 });
        assert.deepEqual(latest.items.map((e) => e.date), ['2022-05-05', '2022-05-03', '2022-02-24'], 'the Overview: latest first, dated only');
      } finally {
        await store.dispose();
      }
    }
    assert.deepEqual(results[0], [
      { date: '2022-02-24', source: 'Valdoria', target: 'Norland', reports: ['began', 'invaded', 'invaded', 'launched an invasion', 'waged', 'war'] },
      { date: '2022-05-03', source: 'Valdoria', target: 'Norland', reports: ['shelled'] },
      { date: '2022-05-05', source: 'Valdoria', target: 'Norland', reports: ['again'] },
      { date: null, source: 'Valdoria', target: null, reports: ['attacked'] },
    ]);
    assert.deepEqual(results[1], results[0], 'the same entries whichever document came first');
  });

  test(`a change of position over years is no disagreement on ${backend.name}`, { skip: backend.skip ?? false }, async () => {
    const store = await backend.open();
    const stance = (date: string, polarity: 'support' | 'oppose', evidence: string): ArticleSpec => ({
      date, text: `${evidence}, officials said.`, entities: { e1: valdoria }, stances: [{ holder: 'e1', topic: 'NATO membership', polarity, evidence }],
    });
    try {
      await writeDocument(store.db, article(stance('2006-12-14', 'support', 'Valdoria wants to join NATO')));
      await writeDocument(store.db, article(stance('2017-09-01', 'oppose', 'Valdoria rejects NATO membership')));
      assert.equal((await listDisagreements(store.db)).total, 0, 'eleven years apart: a change');
      await writeDocument(store.db, article(stance('2017-10-02', 'support', 'Valdoria is warming to NATO membership')));
      const ds = await listDisagreements(store.db);
      assert.equal(ds.total, 1, 'a month apart: a disagreement');
      assert.deepEqual([ds.items[0]!.a.claim, ds.items[0]!.a.date, ds.items[0]!.b.claim, ds.items[0]!.b.date], ['oppose', '2017-09-01', 'support', '2017-10-02']);
    } finally {
      await store.dispose();
    }
  });
}
