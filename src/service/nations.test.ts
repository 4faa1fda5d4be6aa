import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/store.js';
import { ingest } from '../ingest/ingest.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { getDocument } from './documents.js';
import { entityProfile, findEntity, listEntities } from './entities.js';
import { buildGraph } from './graph.js';
import { actorGraph } from '../export/graph.js';
import { createApp } from '../server/app.js';

// Articles written for this test: one names Russia and "Russian", one only "Russian", one Serbia alone.
const ARTICLES: Record<string, string> = {
  'a.txt': 'Drills near the border\n\nRussian troops held drills near the border on Monday. Russia said the drills were planned long ago.',
  'b.txt': 'Gas talks\n\nThe Russian delegation left Belgrade on Tuesday without a deal on gas prices for Serbia.',
  'c.txt': 'Budget vote\n\nSerbia passed its budget on Wednesday after a long debate in Belgrade.',
};

describe('NORP actors are counted with their states', () => {
  let store: Store;
  let dir: string;
  const kb = defaultKnowledgeBase();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-nations-'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
    store = await openStore({ dataDir: 'memory://' });
    await ingest(store, Object.keys(ARTICLES).map((n) => join(dir, n)), { kb, date: '2024-05-06' });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the entity list folds "Russian" into Russia, counting a document once; unfolded on request', async () => {
    const folded = await listEntities(store.db, { kb });
    assert.ok(!folded.items.some((e) => e.type === 'NORP' && e.name === 'Russian'), 'no separate Russian');
    const russia = folded.items.find((e) => e.id === 'kb:russia')!;
    assert.equal(russia.documents, 2, 'a.txt names both, b.txt only the demonym');
    assert.deepEqual(russia.nations, ['x:NORP:russian']);
    assert.equal(russia.corrections, undefined, 'a fold is no analyst correction');
    const apart = await listEntities(store.db, { kb, nations: 'separate' });
    assert.equal(apart.items.find((e) => e.id === 'kb:russia')!.documents, 1);
    assert.ok(apart.items.some((e) => e.id === 'x:NORP:russian'));
    const norp = await listEntities(store.db, { kb, type: 'NORP' });
    assert.ok(norp.items.some((e) => e.id === 'x:NORP:russian'), 'a list of NORP actors shows them');
  });

  test('profiles and lookups read the state with its people; the reader keeps the NORP mention', async () => {
    assert.equal((await findEntity(store.db, 'Russian', { kb }))!.id, 'kb:russia');
    const profile = (await entityProfile(store.db, 'x:NORP:russian', kb))!;
    assert.equal(profile.id, 'kb:russia');
    assert.equal(profile.documentCount, 2);
    assert.deepEqual(profile.nations, [{ id: 'x:NORP:russian', name: 'Russian' }]);
    assert.equal((await entityProfile(store.db, 'x:NORP:russian', kb, 50, 'separate'))!.id, 'x:NORP:russian');
    const serbia = (await entityProfile(store.db, 'kb:serbia', kb))!;
    assert.ok(serbia.coActors.some((c) => c.id === 'kb:russia'));
    assert.ok(!serbia.coActors.some((c) => c.id === 'x:NORP:russian'));
    const stored = (await listEntities(store.db, { kb, nations: 'separate' })).items;
    const b = stored.find((e) => e.id === 'kb:serbia') ? (await getDocument(store.db, (await store.db.query<{ id: string }>(
      `SELECT id FROM documents WHERE text LIKE '%delegation%'`)).rows[0]!.id))! : null;
    assert.ok(b!.entities.some((e) => e.id === 'x:NORP:russian' && e.type === 'NORP'), 'the reader shows the demonym as such');
  });

  test('the graph and its export have one node for Russia and "Russian"', async () => {
    const g = await buildGraph(store.db, { kb });
    assert.ok(!g.nodes.some((n) => n.id === 'x:NORP:russian'));
    assert.equal(g.nodes.find((n) => n.id === 'kb:russia')!.documents, 2);
    assert.ok(g.edges.some((e) => e.kind === 'cooccurrence' && [e.source, e.target].includes('kb:russia') && [e.source, e.target].includes('kb:serbia')));
    assert.ok((await buildGraph(store.db, { kb, nations: 'separate' })).nodes.some((n) => n.id === 'x:NORP:russian'));
    assert.equal((await buildGraph(store.db, { kb, actor: 'x:NORP:russian' })).nodes.find((n) => n.id === 'kb:russia')!.documents, 2);
    const x = await actorGraph(store.db, { kb });
    assert.ok(!x.nodes.some((n) => n.entityId === 'x:NORP:russian'));
    assert.equal(x.nodes.find((n) => n.entityId === 'kb:russia')!.documents, 2);
    assert.ok((await actorGraph(store.db, { kb, nations: 'separate' })).nodes.some((n) => n.entityId === 'x:NORP:russian'));
  });

  test('the API takes nations=separate on the list, the profile and the graph, and refuses other values', async () => {
    const app = createApp(store, kb);
    const get = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, body: await res.json() as any };
    };
    const ids = (items: { id: string }[]) => items.map((e) => e.id);
    assert.ok(!ids((await get('/api/entities')).body.items).includes('x:NORP:russian'));
    assert.ok(ids((await get('/api/entities?nations=separate')).body.items).includes('x:NORP:russian'));
    assert.equal((await get('/api/entities/x:NORP:russian')).body.id, 'kb:russia');
    assert.equal((await get('/api/entities/x:NORP:russian?nations=separate')).body.id, 'x:NORP:russian');
    assert.ok((await get('/api/graph?nations=separate')).body.nodes.some((n: { id: string }) => n.id === 'x:NORP:russian'));
    const bad = await get('/api/entities?nations=apart');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /nations: expected one of fold, separate/);
  });
});
