import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../store/store.js';
import { createApp } from './app.js';
import { openApiDocument } from './openapi.js';
import { FIXTURES, fixtureKb, writeFixture } from './fixtures.js';

let store: Store;
let app: ReturnType<typeof createApp>;
let ids: string[];
const TOKEN = 'test-token-123';

before(async () => {
  store = await openStore({ dataDir: 'memory://' });
  ids = [];
  for (const f of FIXTURES) ids.push(await writeFixture(store, f));
  app = createApp(store, fixtureKb(), { token: TOKEN });
});
after(() => store.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() as any };
};

describe('documents', () => {
  test('lists newest first with a total, and pages', async () => {
    const all = await get('/api/documents');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 2);
    assert.deepEqual(all.body.items.map((d: any) => d.title), ['Pristina renews its membership request', 'Belgrade hosts alliance talks']);
    const second = await get('/api/documents?limit=1&offset=1');
    assert.deepEqual(second.body.items.map((d: any) => d.id), [ids[0]]);
  });

  test('filters by date range and source', async () => {
    assert.deepEqual((await get('/api/documents?to=2023-04-01')).body.items.map((d: any) => d.id), [ids[0]]);
    assert.deepEqual((await get('/api/documents?source=other')).body.items.map((d: any) => d.id), [ids[1]]);
  });

  test('refuses bad parameters with a message naming them', async () => {
    for (const [path, word] of [['/api/documents?limit=0', 'limit'], ['/api/documents?limit=201', 'limit'], ['/api/documents?offset=-1', 'offset'],
      ['/api/documents?limit=ten', 'limit'], ['/api/documents?from=2023-02-30', 'from'], ['/api/documents?from=2023-05-01&to=2023-01-01', 'after']]) {
      const r = await get(path!);
      assert.equal(r.status, 400, path);
      assert.match(r.body.error, new RegExp(word!), path);
    }
  });

  test('one document carries its layers; a prefix finds it; an unknown id is a 404', async () => {
    const r = await get(`/api/documents/${ids[0]!.slice(0, 10)}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, ids[0]);
    assert.equal(r.body.quotes[0].text, 'We will stay militarily neutral whatever happens.');
    assert.equal(r.body.quotes[0].speakerId, 'kb:aleksandar-vucic');
    assert.equal(r.body.events[0].type, 'CONSULT');
    const nato = r.body.entities.find((e: any) => e.id === 'kb:nato');
    assert.equal(r.body.text.slice(nato.mentions[0].start, nato.mentions[0].end), 'NATO');
    assert.equal((await get('/api/documents/ffffffffff')).status, 404);
    assert.match((await get('/api/documents/not-hex')).body.error, /no document/);
  });
});

describe('entities', () => {
  test('name search ignores diacritics', async () => {
    const r = await get('/api/entities?q=vucic');
    assert.deepEqual(r.body.items.map((e: any) => e.id), ['kb:aleksandar-vucic']);
  });

  test('lookup finds a misspelt name', async () => {
    const r = await get('/api/entities/lookup?name=Aleksander%20Vucic');
    assert.equal(r.body.id, 'kb:aleksandar-vucic');
    assert.equal((await get('/api/entities/lookup')).status, 400);
  });

  test('the profile has KB facts, quotes, events and stances', async () => {
    const r = await get(`/api/entities/${encodeURIComponent('kb:aleksandar-vucic')}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.name, 'Aleksandar Vučić');
    assert.deepEqual(r.body.kb.roleLabels, ['President of Serbia, 2017-05-31 – now']);
    assert.equal(r.body.quotes[0].text, 'We will stay militarily neutral whatever happens.');
    assert.equal(r.body.stances[0].polarity, 'oppose');
    const nato = await get('/api/entities/kb:nato');
    assert.deepEqual(nato.body.events.map((v: any) => v.type).sort(), ['ACCUSE', 'CONSULT', 'REQUEST']);
  });

  test('an unknown entity is a 404 and a bad type a 400', async () => {
    const r = await get('/api/entities/kb:atlantis');
    assert.equal(r.status, 404);
    assert.match(r.body.error, /unknown entity/);
    assert.equal((await get('/api/entities?type=ANIMAL')).status, 400);
  });
});

describe('statements', () => {
  test('filters check the actor and the event type', async () => {
    assert.match((await get('/api/timeline?actor=Atlantis%20Republic%20Zzz')).body.error, /actor: unknown entity/);
    assert.match((await get('/api/timeline?type=DANCE')).body.error, /type: expected one of/);
    const ok = await get('/api/timeline?actor=NATO&type=accuse');
    assert.equal(ok.status, 200);
    assert.ok(Array.isArray(ok.body.items));
    assert.equal((await get('/api/quotes?speaker=kb:aleksandar-vucic')).status, 200);
    assert.equal((await get('/api/stances?topic=NATO%20membership')).status, 200);
    assert.equal((await get('/api/disagreements?limit=5')).status, 200);
  });

  test('topic-first: the topics held, every holder on one over time, quotes about a topic', async () => {
    const topics = (await get('/api/topics')).body.items;
    assert.deepEqual(topics.map((t: any) => [t.label, t.stances]).sort(), [["Kosovo's NATO membership", 1], ["Serbia's NATO membership", 1]]);
    const all = await get('/api/topics/stances?topic=nato%20membership');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 2);
    assert.deepEqual(all.body.holders.map((h: any) => [h.holderName, h.latest]).sort(), [['Aleksandar Vučić', 'oppose'], ['Kosovo', 'support']]);
    const kosovo = all.body.holders.find((h: any) => h.holderName === 'Kosovo').stances[0];
    assert.equal(kosovo.evidence, 'to speed up its membership path');
    assert.equal(kosovo.evidenceStart, FIXTURES[1]!.text.indexOf('to speed up'));
    const whose = await get(`/api/topics/stances?topic=${encodeURIComponent("Serbia's NATO membership")}`);
    assert.deepEqual(whose.body.holders.map((h: any) => h.holderName), ['Aleksandar Vučić']);
    assert.equal(whose.body.topic.label, "Serbia's NATO membership");
    assert.match((await get('/api/topics/stances')).body.error, /^topic: required/);
    assert.match((await get('/api/topics/stances?topic=weather')).body.error, /^topic: "weather" is not a topic/);
    const quotes = await get('/api/quotes?about=joining%20NATO');
    assert.equal(quotes.body.about, 'NATO membership');
    assert.deepEqual(quotes.body.items.map((x: any) => x.text), []);
    assert.deepEqual((await get('/api/quotes?about=Russia')).body.items, []);
    assert.match((await get('/api/quotes?about=zzqxv')).body.error, /^about: zzqxv: neither a topic/);
  });
});

describe('search', () => {
  test('full text finds the sentence, and names match', async () => {
    const r = await get('/api/search?q=neutral');
    assert.equal(r.body.hits.length, 1);
    assert.match(r.body.hits[0].sentence, /militarily neutral/);
    assert.equal(r.body.hits[0].documentId, ids[0]);
    const names = await get('/api/search?q=kosovo');
    assert.deepEqual(names.body.entities.map((e: any) => e.id), ['kb:kosovo']);
    assert.equal((await get('/api/search')).status, 400);
  });
});

describe('graph', () => {
  test('co-occurrence and event edges, coloured by PLOVER class, with dates', async () => {
    const r = await get('/api/graph');
    const nodeIds = r.body.nodes.map((n: any) => n.id);
    for (const id of ['kb:nato', 'kb:serbia', 'kb:kosovo', 'kb:russia']) assert.ok(nodeIds.includes(id), id);
    const nato = r.body.nodes.find((n: any) => n.id === 'kb:nato');
    assert.equal(nato.documents, 2);
    const accuse = r.body.edges.find((e: any) => e.kind === 'conflictual' && e.source === 'kb:russia');
    assert.deepEqual({ target: accuse.target, mode: accuse.mode, types: accuse.types, from: accuse.from }, { target: 'kb:nato', mode: 'verbal', types: { ACCUSE: 1 }, from: '2023-05-02' });
    const consult = r.body.edges.find((e: any) => e.kind === 'cooperative');
    assert.deepEqual([consult.source, consult.target, consult.weight], ['kb:serbia', 'kb:nato', 1]);
    const co = r.body.edges.find((e: any) => e.kind === 'cooccurrence' && [e.source, e.target].sort().join() === 'kb:nato,kb:serbia');
    assert.equal(co.weight, 1);
  });

  test('filters by date range, edge kind and actor', async () => {
    const early = await get('/api/graph?to=2023-04-01');
    assert.ok(!early.body.nodes.some((n: any) => n.id === 'kb:russia'));
    const conflict = await get('/api/graph?kinds=conflictual');
    assert.deepEqual(conflict.body.edges.map((e: any) => e.types).sort((a: any, b: any) => Object.keys(a)[0]!.localeCompare(Object.keys(b)[0]!)), [{ ACCUSE: 1 }, { REQUEST: 1 }]);
    const ego = await get('/api/graph?actor=Kosovo');
    assert.deepEqual(ego.body.nodes.map((n: any) => n.id).sort(), ['kb:kosovo', 'kb:nato', 'kb:russia']);
    assert.equal((await get('/api/graph?kinds=friendly')).status, 400);
  });

  test('filters actors by entity type, keeping the actor asked for', async () => {
    const gpe = await get('/api/graph?entityTypes=GPE');
    assert.ok(gpe.body.nodes.length > 0);
    assert.ok(gpe.body.nodes.every((n: any) => n.type === 'GPE'), JSON.stringify(gpe.body.nodes.map((n: any) => n.type)));
    const ego = await get('/api/graph?actor=NATO&entityTypes=GPE');
    assert.ok(ego.body.nodes.some((n: any) => n.id === 'kb:nato'));
    assert.ok(ego.body.nodes.filter((n: any) => n.id !== 'kb:nato').every((n: any) => n.type === 'GPE'));
    const bad = await get('/api/graph?entityTypes=PLANET');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /entityTypes/);
  });
});

describe('places', () => {
  test('places come from coordinates or the seat; located events carry their point', async () => {
    const r = await get('/api/places');
    const serbia = r.body.places.find((p: any) => p.id === 'kb:serbia');
    assert.deepEqual([serbia.lat, serbia.lon, serbia.via], [44.82, 20.46, 'seat']);
    assert.ok(!r.body.places.some((p: any) => p.id === 'kb:aleksandar-vucic'));
    assert.deepEqual(r.body.events.map((v: any) => [v.type, v.locationName]), [['CONSULT', 'Belgrade']]);
  });
});

describe('writes', () => {
  test('need the token, and answer 401 without it', async () => {
    const r = await app.request(`/api/documents/${ids[1]}`, { method: 'DELETE' });
    assert.equal(r.status, 401);
    const wrong = await app.request('/api/import', { method: 'POST', headers: { Authorization: 'Bearer nope', 'Content-Type': 'application/json' }, body: '{"text":"x"}' });
    assert.equal(wrong.status, 401);
  });

  test('refuse another origin even with the token', async () => {
    const r = await app.request('http://localhost:4173/api/import', {
      method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example', Host: 'localhost:4173', 'Content-Type': 'application/json' }, body: '{"text":"x"}',
    });
    assert.equal(r.status, 403);
  });

  test('import checks its body', async () => {
    const post = (body: BodyInit, type?: string) => app.request('/api/import', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, ...(type ? { 'Content-Type': type } : {}) }, body });
    assert.equal((await post('hello', 'text/plain')).status, 415);
    assert.match(((await (await post('{}', 'application/json')).json()) as any).error, /nothing to import/);
    assert.match(((await (await post('{"urls":["ftp://x"]}', 'application/json')).json()) as any).error, /not an http/);
    assert.match(((await (await post('{"text":"a","date":"2023-13-01"}', 'application/json')).json()) as any).error, /date/);
  });

  test('export streams one line per document', async () => {
    const r = await app.request('/api/export');
    assert.match(r.headers.get('content-type')!, /ndjson/);
    const lines = (await r.text()).trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((d) => d.id).sort(), [...ids].sort());
  });

  test('delete removes the document', async () => {
    const r = await app.request(`/api/documents/${ids[1]}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(r.status, 200);
    assert.equal((await get(`/api/documents/${ids[1]}`)).status, 404);
    assert.equal((await get('/api/documents')).body.total, 1);
  });
});

describe('the OpenAPI document', () => {
  test('describes exactly the routes the app serves', () => {
    const served = new Set(app.routes.filter((r) => r.path.startsWith('/api/') && !r.path.includes('*'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    const documented = new Set(Object.entries(openApiDocument.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    assert.deepEqual([...served].sort(), [...documented].sort());
    assert.equal(openApiDocument.openapi, '3.1.0');
  });

  test('is served as JSON, and unknown endpoints answer JSON errors', async () => {
    const r = await get('/api/openapi.json');
    assert.equal(r.body.info.title, 'Dossier API');
    const missing = await get('/api/nothing-here');
    assert.equal(missing.status, 404);
    assert.match(missing.body.error, /no such endpoint/);
  });
});
