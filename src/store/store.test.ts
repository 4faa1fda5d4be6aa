import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../test/helpers.js';
import { Doc } from '../nlp/doc.js';
import type { Document, Layers } from '../model/types.js';
import { documentExists, globalEntityId, writeDocument } from './store.js';
import { getDocument, listDocuments, searchSentences } from '../service/documents.js';
import { findEntity, listEntities } from '../service/entities.js';

const text = 'Predsjednik Vučić met the envoy in Belgrade on Monday. The envoy praised the talks.';
const document: Document = {
  id: 'a'.repeat(64), text, title: 'Talks in Belgrade', date: '2024-03-04', dateSource: 'given', source: 'test', url: null, language: 'en',
};
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
const layers: Layers = {
  entities: [
    { id: 'e1', name: 'Aleksandar Vučić', type: 'PERSON', kbId: 'aleksandar-vucic', wikidata: null, aliases: ['Vučić'], mentions: [at('Vučić')] },
    { id: 'e2', name: 'Belgrade', type: 'GPE', kbId: null, wikidata: null, aliases: [], mentions: [at('Belgrade')] },
  ],
  times: [{ ...at('Monday'), value: '2024-03-04', granularity: 'day' }],
  quotes: [],
  events: [{ id: 'v1', type: 'CONSULT', source: 'e1', target: null, location: 'e2', date: { value: '2024-03-04', text: 'Monday' }, negated: false,
    modality: 'asserted', trigger: at('met'), sentence: { start: 0, end: 54 }, confidence: 0.8, cameo: '04' }],
  stances: [],
};

for (const backend of backends) {
  test(`store on ${backend.name}`, { skip: backend.skip ?? false }, async (t) => {
    const store = await backend.open();
    try {
      const doc = new Doc(text);
      await writeDocument(store.db, { document, doc, layers, wordCount: 14, signature: new Array(64).fill(1), bands: new Array(16).fill(7), nearDuplicate: null });

      await t.test('a document and its layers read back', async () => {
        const d = await getDocument(store.db, document.id);
        assert.equal(d?.title, 'Talks in Belgrade');
        assert.equal(d?.date, '2024-03-04');
        assert.deepEqual(d?.entities.map((e) => e.name).sort(), ['Aleksandar Vučić', 'Belgrade']);
        assert.equal(d?.events[0]?.locationName, 'Belgrade');
        assert.equal(d?.times[0]?.value, '2024-03-04');
      });

      await t.test('search is full text, ranked, and ignores diacritics', async () => {
        const hits = await searchSentences(store.db, 'vucic envoy');
        assert.equal(hits.length, 1);
        assert.equal(hits[0]!.sentence, 'Predsjednik Vučić met the envoy in Belgrade on Monday.');
      });

      await t.test('a failed write leaves nothing behind', async () => {
        const bad = { ...document, id: 'b'.repeat(64) };
        const broken = { ...layers, quotes: [{ id: 'q1', text: 'x', start: 0, end: 1, direct: true, speaker: null, speakerText: null, norm: null as unknown as string }] };
        // A NOT NULL violation half-way through the transaction (quote text null).
        (broken.quotes[0] as any).text = null;
        await assert.rejects(writeDocument(store.db, { document: bad, doc, layers: broken, wordCount: 1, signature: new Array(64).fill(1), bands: [], nearDuplicate: null }));
        assert.equal(await documentExists(store.db, bad.id), false);
        const list = await listDocuments(store.db);
        assert.equal(list.total, 1);
      });

      await t.test('entities merge by KB id and are found by any spelling', async () => {
        const hit = await findEntity(store.db, 'Vucic');
        assert.equal(hit?.id, globalEntityId({ kbId: 'aleksandar-vucic', type: 'PERSON', name: '' }));
        const list = await listEntities(store.db);
        assert.equal(list.total, 2);
      });
    } finally {
      await store.dispose();
    }
  });
}
