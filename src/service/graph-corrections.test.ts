/**
 * The API's actor graph read through an analyst's corrections: splits move documents, mentions and links to the
 * actor split off, event corrections change or remove the links their events make, and an actor's neighbourhood
 * is drawn from every stored id that reads as it. Documents invented for this test, stored as fixtures.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../store/store.js';
import { backends } from '../../test/helpers.js';
import { writeFixture, type FixtureSpec } from '../server/fixtures.js';
import { addCorrection, undoCorrection, type Correction } from './corrections.js';
import { buildGraph, type Graph } from './graph.js';
import { getDocument } from './documents.js';
import { correctedActorGraph } from '../export/corrected-graph.js';

const FIRST: FixtureSpec = {
  title: 'Border talks', date: '2024-03-01', source: 'Valmora Herald',
  text: 'Valmora warned Tarsk over the border. Tarsk met Ruritania in the capital.',
  entities: [
    { name: 'Valmora', type: 'GPE', mentions: ['Valmora'] },
    { name: 'Tarsk', type: 'GPE', mentions: ['Tarsk'] },
    { name: 'Ruritania', type: 'GPE', mentions: ['Ruritania'] },
  ],
  events: [
    { type: 'THREATEN', source: 'Valmora', target: 'Tarsk', trigger: 'warned' },
    { type: 'CONSULT', source: 'Tarsk', target: 'Ruritania', trigger: 'met' },
  ],
};
const SECOND: FixtureSpec = {
  title: 'A charge denied', date: '2024-03-05', source: 'Tarsk Daily',
  text: 'Valmora accused Tarsk of moving troops. Officials in Tarsk denied it.',
  entities: [
    { name: 'Valmora', type: 'GPE', mentions: ['Valmora'] },
    { name: 'Tarsk', type: 'GPE', mentions: ['Tarsk'] },
  ],
  events: [{ type: 'ACCUSE', source: 'Valmora', target: 'Tarsk', trigger: 'accused' }],
};

const VALMORA = 'x:GPE:valmora';
const TARSK = 'x:GPE:tarsk';
const RURITANIA = 'x:GPE:ruritania';
const edge = (g: Graph, id: string) => g.edges.find((e) => e.id === id);
const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id);

for (const backend of backends) describe(`the API graph reads through corrections on ${backend.name}`, { skip: backend.skip ?? false }, () => {
  let store: Store & { dispose: () => Promise<void> };
  let first: string;
  let second: string;
  const made: Correction[] = [];
  const correct = async (req: Parameters<typeof addCorrection>[1]) => {
    const c = await addCorrection(store.db, req);
    made.push(c);
    return c;
  };
  const trigger = async (doc: string, text: string) => {
    const v = (await getDocument(store.db, doc))!.events.find((x) => x.trigger.text === text)!;
    return { document: doc, start: v.trigger.start, end: v.trigger.end };
  };
  // Both paths: the running counts (no filter) and the window of documents (a date range).
  const graphs = async (f: Parameters<typeof buildGraph>[1] = {}) => [await buildGraph(store.db, f), await buildGraph(store.db, { ...f, from: '2024-01-01', to: '2024-12-31' })];

  before(async () => {
    store = await backend.open();
    first = await writeFixture(store, FIRST);
    second = await writeFixture(store, SECOND);
  });
  after(() => store.close());

  test('as analysed: one conflictual link of Valmora to Tarsk, two events', async () => {
    for (const g of await graphs()) {
      assert.deepEqual(edge(g, `conflictual:verbal:${VALMORA}>${TARSK}`)?.types, { THREATEN: 1, ACCUSE: 1 });
      assert.equal(edge(g, `co:${TARSK}|${VALMORA}`)?.weight, 2);
      assert.equal(node(g, TARSK)?.documents, 2);
    }
  });

  test('a rejected event is no longer counted in its link', async () => {
    const reject = await correct({ kind: 'event-reject', target: await trigger(second, 'accused') });
    for (const g of await graphs()) {
      const e = edge(g, `conflictual:verbal:${VALMORA}>${TARSK}`)!;
      assert.deepEqual([e.weight, e.types], [1, { THREATEN: 1 }]);
    }
    await undoCorrection(store.db, reject.id);
  });

  test('an event given another type, actors and date is the link it was corrected to', async () => {
    const warned = await trigger(first, 'warned');
    const type = await correct({ kind: 'event-type', target: warned, value: { type: 'CONSULT' } });
    const date = await correct({ kind: 'event-date', target: warned, value: { date: '2023-05' } });
    const actors = await correct({ kind: 'event-actors', target: await trigger(first, 'met'), value: { target: VALMORA } });
    for (const g of await graphs()) {
      assert.deepEqual(edge(g, `conflictual:verbal:${VALMORA}>${TARSK}`)?.types, { ACCUSE: 1 });
      const consult = edge(g, `cooperative:verbal:${VALMORA}>${TARSK}`)!;
      assert.deepEqual([consult.types, consult.from, consult.to], [{ CONSULT: 1 }, '2023-05-01', '2023-05-31']);
      assert.deepEqual(consult.corrections, [type.id, date.id]);
      assert.equal(edge(g, `cooperative:verbal:${TARSK}>${RURITANIA}`), undefined);
      assert.deepEqual(edge(g, `cooperative:verbal:${TARSK}>${VALMORA}`)?.corrections, [actors.id]);
    }
    for (const c of [type, date, actors]) await undoCorrection(store.db, c.id);
    for (const g of await graphs()) assert.deepEqual(edge(g, `conflictual:verbal:${VALMORA}>${TARSK}`)?.types, { THREATEN: 1, ACCUSE: 1 });
  });

  test('an actor split off in one document takes its documents, mentions and links there', async () => {
    const split = await correct({ kind: 'split', target: { entity: TARSK }, value: { documents: [second], name: 'Tarsk Province', type: 'GPE' } });
    const province = `c:${split.id}`;
    for (const g of await graphs()) {
      assert.deepEqual([node(g, province)?.name, node(g, province)?.documents, node(g, province)?.mentions], ['Tarsk Province', 1, 2]);
      assert.equal(node(g, TARSK)?.documents, 1);
      assert.equal(edge(g, `co:${TARSK}|${VALMORA}`)?.weight, 1);
      assert.deepEqual(edge(g, `co:${province}|${VALMORA}`)?.corrections, [split.id]);
      assert.deepEqual(edge(g, `conflictual:verbal:${VALMORA}>${province}`)?.types, { ACCUSE: 1 });
      assert.deepEqual(edge(g, `conflictual:verbal:${VALMORA}>${TARSK}`)?.types, { THREATEN: 1 });
    }
    // The exports draw the same actors with the same documents.
    const exported = await correctedActorGraph(store.db);
    const api = await buildGraph(store.db);
    assert.deepEqual(exported.nodes.map((n) => [n.entityId, n.documents]).sort(), api.nodes.map((n) => [n.id, n.documents]).sort());
    // Its neighbourhood is drawn from the documents the split gave it.
    for (const g of await graphs({ actor: province })) {
      assert.deepEqual(g.nodes.map((n) => n.id).sort(), [province, VALMORA].sort());
      assert.ok(g.edges.every((e) => e.source === province || e.target === province));
    }
    await undoCorrection(store.db, split.id);
  });

  test('a neighbourhood includes the links of the actors merged into it', async () => {
    const merge = await correct({ kind: 'merge', target: { entity: RURITANIA }, value: { into: VALMORA } });
    for (const g of await graphs({ actor: VALMORA })) {
      // Tarsk met Ruritania, which is Valmora now: a cooperative link from Tarsk to Valmora.
      assert.deepEqual(edge(g, `cooperative:verbal:${TARSK}>${VALMORA}`)?.types, { CONSULT: 1 });
      assert.ok(!g.nodes.some((n) => n.id === RURITANIA));
    }
    await undoCorrection(store.db, merge.id);
  });

  test('a corrected entity type counts for the type filter', async () => {
    const retype = await correct({ kind: 'entity-type', target: { entity: RURITANIA }, value: { type: 'ORG' } });
    for (const g of await graphs({ entityTypes: ['ORG', 'GPE'] })) assert.equal(node(g, RURITANIA)?.type, 'ORG');
    for (const g of await graphs({ entityTypes: ['GPE'] })) assert.equal(node(g, RURITANIA), undefined);
    for (const g of await graphs({ entityTypes: ['ORG'] })) assert.deepEqual(g.nodes.map((n) => n.id), [RURITANIA]);
    await undoCorrection(store.db, retype.id);
  });
});
