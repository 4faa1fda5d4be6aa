import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../test/helpers.js';
import { article } from '../resolve/testing.js';
import { writeDocument } from '../store/store.js';
import { timeline } from './statements.js';

// A state acting by name, and the same state acting through its police (an agent mention: nominal, with a role).
const doc = article({
  date: '2024-05-02', source: 'Morava Monitor',
  text: 'Serbia protested to Kosovo on 1 May. Its riot police detained two men near the border on 2 May.',
  entities: {
    e1: { name: 'Serbia', type: 'GPE', kbId: 'serbia', words: ['Serbia', 'police'] },
    e2: { name: 'Kosovo', type: 'GPE', kbId: 'kosovo', words: ['Kosovo'] },
  },
  events: [
    { type: 'PROTEST', source: 'e1', target: 'e2', date: '2024-05-01', trigger: 'protested' },
    { type: 'COERCE', source: 'e1', date: '2024-05-02', trigger: 'detained' },
  ],
});
const serbia = doc.layers.entities.find((e) => e.name === 'Serbia')!;
for (const m of serbia.mentions) if (m.text === 'police') Object.assign(m, { kind: 'nominal', role: 'COP' });

for (const backend of backends) {
  test(`timeline --actor includes a state's agents unless asked not to, on ${backend.name}`, { skip: backend.skip ?? false }, async () => {
    const store = await backend.open();
    try {
      await writeDocument(store.db, doc);
      assert.deepEqual((await timeline(store.db, { actor: 'kb:serbia' })).items.map((e) => e.type), ['PROTEST', 'COERCE']);
      assert.deepEqual((await timeline(store.db, { actor: 'kb:serbia', agents: false })).items.map((e) => e.type), ['PROTEST']);
    } finally {
      await store.close();
    }
  });
}
