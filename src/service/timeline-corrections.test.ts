import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../test/helpers.js';
import { article, type ArticleSpec } from '../resolve/testing.js';
import { writeDocument } from '../store/store.js';
import { addCorrection, undoCorrection } from './corrections.js';
import { timeline } from './statements.js';

const serbia = { name: 'Serbia', type: 'GPE' as const, kbId: 'serbia', words: ['Serbia'] };
const kosovo = { name: 'Kosovo', type: 'GPE' as const, kbId: 'kosovo', words: ['Kosovo'] };
const nato = { name: 'NATO', type: 'ORG' as const, kbId: 'nato', words: ['NATO'] };
const russia = { name: 'Russia', type: 'GPE' as const, kbId: 'russia', words: ['Russia'] };

// Two outlets report Kosovo's request to NATO (one timeline entry, two reports); a third reports another event.
const specs: ArticleSpec[] = [
  { date: '2023-05-02', source: 'Pristina Post', text: 'Kosovo asked NATO on 1 May for more troops.',
    entities: { e1: kosovo, e2: nato }, events: [{ type: 'REQUEST', source: 'e1', target: 'e2', date: '2023-05-01', trigger: 'asked' }] },
  { date: '2023-05-03', source: 'Balkan Wire', text: 'On 1 May Kosovo requested NATO reinforcements.',
    entities: { e1: kosovo, e2: nato }, events: [{ type: 'REQUEST', source: 'e1', target: 'e2', date: '2023-05-01', trigger: 'requested' }] },
  { date: '2023-06-10', source: 'Belgrade Daily', text: 'Serbia accused NATO on 9 June of bias.',
    entities: { e1: serbia, e2: nato }, events: [{ type: 'ACCUSE', source: 'e1', target: 'e2', date: '2023-06-09', trigger: 'accused' }] },
  { date: '2023-06-12', source: 'Belgrade Daily', text: 'Russia met Serbia on 11 June.',
    entities: { e1: russia, e2: serbia }, events: [{ type: 'CONSULT', source: 'e1', target: 'e2', date: '2023-06-11', trigger: 'met' }] },
];

for (const backend of backends) {
  test(`a corrected report leaves its timeline entry on ${backend.name}`, { skip: backend.skip ?? false }, async (t) => {
    const store = await backend.open();
    try {
      const docs = specs.map(article);
      for (const d of docs) await writeDocument(store.db, d);
      const second = docs[1]!.document.id;
      const report = (doc: string, trigger: string, text: string) => ({ document: doc, start: text.indexOf(trigger), end: text.indexOf(trigger) + trigger.length });
      const requested = report(second, 'requested', specs[1]!.text);
      const shape = async (f: Parameters<typeof timeline>[1] = {}) => (await timeline(store.db, f)).items
        .map((e) => `${e.date} ${e.type} ${e.sourceName}→${e.targetName} ×${e.mentionCount} ${e.mentions.map((m) => m.trigger).join(',')}`);

      await t.test('before: one entry with both reports', async () => {
        assert.deepEqual(await shape(), ['2023-05-01 REQUEST Kosovo→NATO ×2 asked,requested', '2023-06-09 ACCUSE Serbia→NATO ×1 accused', '2023-06-11 CONSULT Russia→Serbia ×1 met']);
      });

      await t.test('a report given another type, actors and date moves into an entry of its own, in its place by date', async () => {
        const fixes = [
          await addCorrection(store.db, { kind: 'event-type', target: requested, value: { type: 'ACCUSE' } }),
          await addCorrection(store.db, { kind: 'event-actors', target: requested, value: { source: 'kb:serbia' } }),
          await addCorrection(store.db, { kind: 'event-date', target: requested, value: { date: '2023-06-10' } }),
        ];
        assert.deepEqual(await shape(), [
          '2023-05-01 REQUEST Kosovo→NATO ×1 asked',
          '2023-06-09 ACCUSE Serbia→NATO ×1 accused',
          '2023-06-10 ACCUSE Serbia→NATO ×1 requested',
          '2023-06-11 CONSULT Russia→Serbia ×1 met',
        ]);
        const all = await timeline(store.db);
        assert.equal(all.total, 4);
        const moved = all.items[2]!;
        assert.match(moved.id, /^moved-/);
        assert.deepEqual(moved.corrections, fixes.map((f) => f.id));
        assert.equal(all.items[0]!.corrections, undefined, 'the entry it left is as the analysis made it');
        // Its filters are the corrected ones; pages of one put every entry once, in order.
        assert.deepEqual(await shape({ type: 'REQUEST' }), ['2023-05-01 REQUEST Kosovo→NATO ×1 asked']);
        assert.deepEqual(await shape({ type: 'ACCUSE', actor: 'kb:serbia' }), ['2023-06-09 ACCUSE Serbia→NATO ×1 accused', '2023-06-10 ACCUSE Serbia→NATO ×1 requested']);
        assert.deepEqual(await shape({ actor: 'kb:kosovo' }), ['2023-05-01 REQUEST Kosovo→NATO ×1 asked']);
        assert.deepEqual(await shape({ from: '2023-06-10', to: '2023-06-10' }), ['2023-06-10 ACCUSE Serbia→NATO ×1 requested']);
        assert.deepEqual(await shape({ source: 'balkan wire' }), ['2023-06-10 ACCUSE Serbia→NATO ×1 requested']);
        const paged: string[] = [];
        for (let offset = 0; offset < 4; offset++) paged.push(...(await shape({ limit: 1, offset })));
        assert.deepEqual(paged, await shape());
        assert.deepEqual((await timeline(store.db, { newestFirst: true, limit: 2 })).items.map((e) => e.mentions[0]!.trigger), ['met', 'requested']);
        for (const f of fixes) await undoCorrection(store.db, f.id);
        assert.deepEqual((await shape())[0], '2023-05-01 REQUEST Kosovo→NATO ×2 asked,requested');
      });

      await t.test('a rejected report leaves its entry; the entry stays with the others', async () => {
        const reject = await addCorrection(store.db, { kind: 'event-reject', target: requested });
        assert.deepEqual((await shape())[0], '2023-05-01 REQUEST Kosovo→NATO ×1 asked');
        await undoCorrection(store.db, reject.id);
      });

      await t.test('every report corrected alike: the entry itself takes the correction', async () => {
        const asked = report(docs[0]!.document.id, 'asked', specs[0]!.text);
        const fixes = [
          await addCorrection(store.db, { kind: 'event-type', target: asked, value: { type: 'CONSULT' } }),
          await addCorrection(store.db, { kind: 'event-type', target: requested, value: { type: 'CONSULT' } }),
        ];
        const items = (await timeline(store.db)).items;
        assert.equal(items.length, 3);
        assert.deepEqual([items[0]!.type, items[0]!.mentionCount, /^\d+$/.test(items[0]!.id)], ['CONSULT', 2, true]);
        for (const f of fixes) await undoCorrection(store.db, f.id);
      });
    } finally {
      await store.dispose();
    }
  });
}
