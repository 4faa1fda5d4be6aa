import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../test/helpers.js';
import { article, type ArticleSpec } from '../resolve/testing.js';
import { deleteDocument, writeDocument } from '../store/store.js';
import { listDisagreements, listQuotes, listStances, timeline } from './statements.js';

const serbia = { name: 'Serbia', type: 'GPE' as const, kbId: 'serbia', words: ['Serbian', 'Serbia'] };
const nato = { name: 'NATO', type: 'ORG' as const, kbId: 'nato', words: ['NATO'] };
const gasic = { name: 'Dragan Gasic', type: 'PERSON' as const, words: ['Gasic'] };
const quote = 'Our army will keep training with every partner that respects our neutrality';

const first: ArticleSpec = {
  date: '2024-03-05', source: 'Adriatic Wire',
  text: `Serbian troops joined a NATO exercise near Nis on 4 March. Defence Minister Gasic said: "${quote}." ` +
    'Serbia opposes NATO membership, the minister repeated.',
  entities: { e1: serbia, e2: nato, e3: gasic },
  events: [{ type: 'COOPERATE', source: 'e1', target: 'e2', date: '2024-03-04', trigger: 'joined' }],
  quotes: [{ text: quote, speaker: 'e3' }],
  stances: [{ holder: 'e1', topic: 'NATO membership', polarity: 'oppose', evidence: 'Serbia opposes NATO membership' }],
};
const second: ArticleSpec = {
  date: '2024-03-06', source: 'Balkan Daily',
  text: `A Serbian unit took part in the NATO drill in March, according to the ministry. "${quote}," Gasic told reporters. ` +
    'Serbia is warming to NATO membership, analysts argue.',
  entities: { e1: serbia, e2: nato, e3: gasic },
  events: [{ type: 'COOPERATE', source: 'e1', target: 'e2', date: '2024-03', trigger: 'took part' }],
  quotes: [{ text: quote, speaker: 'e3' }],
  stances: [{ holder: 'e1', topic: 'NATO membership', polarity: 'support', evidence: 'Serbia is warming to NATO membership' }],
};
const third: ArticleSpec = {
  date: '2024-03-07', source: 'Skopje Post',
  text: 'Serbia did not take part in any NATO exercise on 4 March, the ministry insisted. Kosovo asked KFOR for more patrols. ' +
    `Montenegro joined the NATO exercise on 4 March as well. An aide recalled the words "${quote} and our sovereignty".`,
  entities: { e1: serbia, e2: nato, e4: { name: 'Kosovo', type: 'GPE', kbId: 'kosovo', words: ['Kosovo'] },
    e5: { name: 'KFOR', type: 'ORG', kbId: 'kfor', words: ['KFOR'] }, e6: { name: 'Montenegro', type: 'GPE', kbId: 'montenegro', words: ['Montenegro'] } },
  events: [
    { type: 'COOPERATE', source: 'e1', target: 'e2', date: '2024-03-04', trigger: 'did not take part', negated: true },
    { type: 'REQUEST', source: 'e4', target: 'e5', trigger: 'asked' },
    { type: 'COOPERATE', source: 'e6', target: 'e2', date: '2024-03-04', trigger: 'joined' },
  ],
  quotes: [{ text: `${quote} and our sovereignty`, speaker: null }],
};

for (const backend of backends) {
  test(`statements across documents on ${backend.name}`, { skip: backend.skip ?? false }, async (t) => {
    const store = await backend.open();
    try {
      const [a, b, c] = [article(first), article(second), article(third)];
      await writeDocument(store.db, a);
      await writeDocument(store.db, b);

      await t.test('two documents reporting one event give one entry with two mentions', async () => {
        const tl = await timeline(store.db);
        assert.equal(tl.total, 1);
        const entry = tl.items[0]!;
        assert.equal(entry.type, 'COOPERATE');
        assert.equal(entry.sourceName, 'Serbia');
        assert.equal(entry.targetName, 'NATO');
        assert.equal(entry.date, '2024-03-04', 'the entry keeps the more precise date');
        assert.deepEqual(entry.mentions.map((m) => [m.source, m.trigger, m.documentDate]),
          [['Adriatic Wire', 'joined', '2024-03-05'], ['Balkan Daily', 'took part', '2024-03-06']]);
        assert.equal(entry.mentions[0]!.sentence, 'Serbian troops joined a NATO exercise near Nis on 4 March.');
      });

      await t.test('the same quote in two documents is one quote with two sources', async () => {
        const qs = await listQuotes(store.db);
        assert.equal(qs.total, 1);
        assert.equal(qs.items[0]!.speakerName, 'Dragan Gasic');
        assert.equal(qs.items[0]!.text, quote);
        assert.deepEqual(qs.items[0]!.sources.map((s) => s.source), ['Adriatic Wire', 'Balkan Daily']);
      });

      await t.test('opposite stances by one holder on one topic are one disagreement', async () => {
        const ds = await listDisagreements(store.db);
        assert.equal(ds.total, 1);
        const d = ds.items[0]!;
        assert.equal(d.kind, 'stance');
        assert.equal(d.actorName, 'Serbia');
        assert.equal(d.topic, 'NATO membership');
        assert.deepEqual([d.a.claim, d.a.source, d.a.text], ['oppose', 'Adriatic Wire', 'Serbia opposes NATO membership']);
        assert.deepEqual([d.b.claim, d.b.source, d.b.text], ['support', 'Balkan Daily', 'Serbia is warming to NATO membership']);
        const stances = await listStances(store.db, { holder: 'kb:serbia' });
        assert.deepEqual(stances.map((s) => [s.polarity, s.date]), [['support', '2024-03-06'], ['oppose', '2024-03-05']]);
      });

      await writeDocument(store.db, c);

      await t.test('a denial joins the entry and is an event disagreement; other actors and undated events stay apart', async () => {
        const tl = await timeline(store.db);
        assert.deepEqual(tl.items.map((e) => [e.type, e.sourceName, e.date, e.mentions.length]), [
          ['COOPERATE', 'Serbia', '2024-03-04', 3],
          ['COOPERATE', 'Montenegro', '2024-03-04', 1],
          ['REQUEST', 'Kosovo', null, 1],
        ]);
        assert.equal(tl.items[0]!.negated, false);
        assert.equal(tl.items[0]!.mentions[2]!.negated, true);
        const ds = await listDisagreements(store.db, { actor: 'kb:serbia' });
        const ev = ds.items.find((d) => d.kind === 'event');
        assert.ok(ev, 'an event disagreement');
        assert.equal(ev.topic, 'COOPERATE → NATO');
        assert.deepEqual([ev.a.claim, ev.a.source, ev.b.claim, ev.b.source], ['asserted', 'Adriatic Wire', 'denied', 'Skopje Post']);
        assert.equal(ev.b.text, 'Serbia did not take part in any NATO exercise on 4 March, the ministry insisted.');
        assert.equal((await listDisagreements(store.db, { actor: 'kb:kosovo' })).total, 0);
      });

      await t.test('a longer version of a quote joins its group and becomes the text shown', async () => {
        const qs = await listQuotes(store.db, { speaker: 'x:PERSON:dragan gasic' });
        assert.equal(qs.total, 1);
        assert.equal(qs.items[0]!.text, `${quote} and our sovereignty`);
        assert.equal(qs.items[0]!.sources.length, 3);
        assert.equal((await listQuotes(store.db, { q: 'NEUTRALITY' })).total, 1);
        assert.equal((await listQuotes(store.db, { q: 'membership' })).total, 0);
      });

      await t.test('filters: actor, type, dates, outlet', async () => {
        assert.equal((await timeline(store.db, { actor: 'kb:nato' })).total, 2);
        assert.deepEqual((await timeline(store.db, { type: 'request' })).items.map((e) => e.sourceName), ['Kosovo']);
        assert.equal((await timeline(store.db, { from: '2024-03-05' })).total, 1, 'the undated request counts at its document date');
        assert.equal((await timeline(store.db, { to: '2024-03-04' })).total, 2);
        assert.equal((await timeline(store.db, { source: 'skopje' })).total, 3);
        assert.equal((await timeline(store.db, { source: 'balkan' })).total, 1);
        const paged = await timeline(store.db, { limit: 1, offset: 1 });
        assert.deepEqual([paged.total, paged.items[0]!.sourceName], [3, 'Montenegro']);
      });

      await t.test('deleting documents leaves no broken entries, groups or disagreements', async () => {
        await deleteDocument(store.db, c.document.id);
        let tl = await timeline(store.db);
        assert.deepEqual(tl.items.map((e) => e.mentions.length), [2]);
        assert.equal((await listDisagreements(store.db)).items.every((d) => d.kind === 'stance'), true);
        await deleteDocument(store.db, a.document.id);
        await deleteDocument(store.db, b.document.id);
        tl = await timeline(store.db);
        assert.equal(tl.total, 0);
        assert.equal((await listQuotes(store.db)).total, 0);
        assert.equal((await listDisagreements(store.db)).total, 0);
        const left = await store.db.query<{ n: number }>('SELECT (SELECT count(*) FROM timeline_entries) + (SELECT count(*) FROM quote_groups) AS n');
        assert.equal(Number(left.rows[0]!.n), 0);
      });
    } finally {
      await store.dispose();
    }
  });
}
