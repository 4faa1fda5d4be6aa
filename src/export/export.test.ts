import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { backends } from '../../test/helpers.js';
import { article } from '../resolve/testing.js';
import { writeDocument } from '../store/store.js';
import type { Queryable } from '../store/db.js';
import { exportFormats } from './index.js';
import { csvField } from './events.js';
import { addCorrection, undoCorrection } from '../service/corrections.js';

const russia = { name: 'Russia', type: 'GPE' as const, kbId: 'russia', wikidata: 'Q159', words: ['Russia'] };
const bih = { name: 'Bosnia and Herzegovina', type: 'GPE' as const, kbId: 'bosnia-and-herzegovina', wikidata: 'Q225', words: ['Bosnia'] };
const sarajevo = { name: 'Sarajevo', type: 'GPE' as const, kbId: 'sarajevo', words: ['Sarajevo'] };
const docs = [
  article({
    date: '2024-06-10', source: 'Sava & Drina Review', url: 'https://example.org/a?x=1&y=2',
    text: 'In Sarajevo, Russia warned Bosnia on 9 June against "any step, however small, toward the alliance". Officials <protested>.',
    entities: { e1: russia, e2: bih, e3: sarajevo },
    events: [{ type: 'THREATEN', source: 'e1', target: 'e2', location: 'e3', date: '2024-06-09', trigger: 'warned', cameo: '13' }],
  }),
  article({
    date: '2024-06-12', source: 'Neretva Notes',
    text: 'Bosnia protested after Russia issued its warning in June.',
    entities: { e1: russia, e2: bih },
    events: [{ type: 'PROTEST', source: 'e2', target: 'e1', date: '2024-06', trigger: 'protested' }],
  }),
];

async function exported(db: Queryable, format: string): Promise<string> {
  const chunks: string[] = [];
  const out = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  await exportFormats[format]!(db, out);
  return chunks.join('');
}

/** A strict RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += ch;
  }
  return rows;
}

test('CSV fields are quoted only when they must be', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "no"'), '"say ""no"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(null), '');
});

for (const backend of backends) {
  test(`exports on ${backend.name}`, { skip: backend.skip ?? false }, async (t) => {
    const store = await backend.open();
    try {
      for (const d of docs) await writeDocument(store.db, d);

      await t.test('events JSONL: one event per line with actors, Wikidata, CAMEO root and the sentence', async () => {
        const lines = (await exported(store.db, 'events-jsonl')).trim().split('\n').map((l) => JSON.parse(l));
        assert.equal(lines.length, 2);
        const threat = lines.find((l) => l.event_type === 'THREATEN');
        assert.deepEqual(
          [threat.mode, threat.date, threat.cameo_root, threat.source_actor, threat.source_wikidata, threat.target_id, threat.location, threat.document_url],
          ['asserted', '2024-06-09', '13', 'Russia', 'Q159', 'kb:bosnia-and-herzegovina', 'Sarajevo', 'https://example.org/a?x=1&y=2']);
        assert.equal(threat.sentence, 'In Sarajevo, Russia warned Bosnia on 9 June against "any step, however small, toward the alliance".');
        const protest = lines.find((l) => l.event_type === 'PROTEST');
        assert.equal(protest.cameo_root, '14', 'the type\'s root when the event has no code');
        // CAMEO-style actor codes: a state acting by name has its bare country code, no agent and no role.
        assert.deepEqual([threat.source_cameo, threat.source_role, threat.source_agent, threat.target_cameo], ['RUS', null, null, 'BIH']);
      });

      await t.test('events CSV: RFC 4180, a header, and fields that round-trip', async () => {
        const text = await exported(store.db, 'events-csv');
        assert.ok(text.endsWith('\r\n'));
        const rows = parseCsv(text);
        assert.equal(rows.length, 3);
        const head = rows[0]!;
        assert.ok(rows.every((r) => r.length === head.length));
        const threat = rows.find((r) => r[head.indexOf('event_type')] === 'THREATEN')!;
        assert.equal(threat[head.indexOf('sentence')], 'In Sarajevo, Russia warned Bosnia on 9 June against "any step, however small, toward the alliance".');
        assert.equal(threat[head.indexOf('cameo_root')], '13');
      });

      await t.test('GEXF 1.3: well-formed, typed nodes, dated co-occurrence and event edges', async () => {
        const xml = await exported(store.db, 'gexf');
        assert.equal(XMLValidator.validate(xml), true);
        const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['node', 'edge', 'attvalue'].includes(name) }).parse(xml);
        assert.equal(parsed.gexf.version, '1.3');
        assert.equal(parsed.gexf.graph.mode, 'dynamic');
        const nodes = parsed.gexf.graph.nodes.node;
        assert.deepEqual(nodes.map((n: any) => n.label).sort(), ['Bosnia and Herzegovina', 'Russia', 'Sarajevo']);
        const russiaNode = nodes.find((n: any) => n.label === 'Russia');
        assert.deepEqual([russiaNode.start, russiaNode.end], ['2024-06-10', '2024-06-12']);
        assert.equal(russiaNode.attvalues.attvalue.find((a: any) => a.for === 'type').value, 'GPE');
        const edges = parsed.gexf.graph.edges.edge;
        const co = edges.filter((e: any) => e.type === 'undirected');
        assert.equal(co.length, 3);
        const pair = co.find((e: any) => e.weight === '2');
        assert.deepEqual([pair.start, pair.end], ['2024-06-10', '2024-06-12']);
        const events = edges.filter((e: any) => e.type === 'directed');
        assert.deepEqual(events.map((e: any) => [e.label, e.start, e.end]), [['PROTEST', '2024-06-01', '2024-06-30'], ['THREATEN', '2024-06-09', '2024-06-09']]);
        const threat = events[1];
        assert.equal(nodes.find((n: any) => n.id === threat.source).label, 'Russia');
      });

      await t.test('GraphML: well-formed, with keys declared for every datum', async () => {
        const xml = await exported(store.db, 'graphml');
        assert.equal(XMLValidator.validate(xml), true);
        const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'data', 'key'].includes(name) }).parse(xml);
        const keys = new Set(parsed.graphml.key.map((k: any) => k.id));
        const graph = parsed.graphml.graph;
        assert.equal(graph.node.length, 3);
        assert.equal(graph.edge.length, 5);
        for (const el of [...graph.node, ...graph.edge]) for (const d of el.data) assert.ok(keys.has(d.key), d.key);
        assert.ok(graph.edge.some((e: any) => e.directed === 'true' && e.data.some((d: any) => d.key === 'event_type' && d['#text'] === 'THREATEN')));
      });

      await t.test('GEXF and GraphML read through corrections, as the API does', async () => {
        const merge = await addCorrection(store.db, { kind: 'merge', target: { entity: 'kb:sarajevo' }, value: { into: 'kb:bosnia-and-herzegovina' } });
        const rename = await addCorrection(store.db, { kind: 'rename', target: { entity: 'kb:russia' }, value: { name: 'Russian Federation' } });
        const protest = (docs[1]!.layers.events[0]!).trigger;
        const reject = await addCorrection(store.db, { kind: 'event-reject', target: { document: docs[1]!.document.id, start: protest.start, end: protest.end } });
        const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'attvalue', 'data', 'key'].includes(name) }).parse(xml);
        const gexf = parse(await exported(store.db, 'gexf')).gexf.graph;
        assert.deepEqual(gexf.nodes.node.map((n: any) => n.label).sort(), ['Bosnia and Herzegovina', 'Russian Federation']);
        const attr = (el: any, k: string) => el.attvalues.attvalue.find((a: any) => a.for === k)?.value;
        const renamed = gexf.nodes.node.find((n: any) => n.label === 'Russian Federation');
        assert.equal(attr(renamed, 'corrections'), rename.id);
        assert.equal(attr(gexf.nodes.node.find((n: any) => n.label === 'Bosnia and Herzegovina'), 'corrections'), merge.id);
        // The rejected protest is no link; Sarajevo's links joined Bosnia's (no link of Bosnia with itself).
        assert.deepEqual(gexf.edges.edge.filter((e: any) => e.type === 'directed').map((e: any) => e.label), ['THREATEN']);
        const co = gexf.edges.edge.filter((e: any) => e.type === 'undirected');
        assert.equal(co.length, 1);
        assert.equal(co[0].weight, '3', 'Russia with Bosnia in two documents and with Sarajevo in one');
        const graphml = parse(await exported(store.db, 'graphml')).graphml.graph;
        assert.equal(graphml.node.length, 2);
        assert.ok(graphml.node.some((n: any) => n.data.some((d: any) => d.key === 'label' && d['#text'] === 'Russian Federation')));
        for (const c of [merge, rename, reject]) await undoCorrection(store.db, c.id);
        assert.equal(parse(await exported(store.db, 'gexf')).gexf.graph.nodes.node.length, 3);
      });

      await t.test('documents JSONL is offered too', async () => {
        const lines = (await exported(store.db, 'jsonl')).trim().split('\n');
        assert.equal(lines.length, 2);
        assert.equal(JSON.parse(lines[0]!).text.length > 0, true);
      });
    } finally {
      await store.dispose();
    }
  });
}
