/**
 * Every kind of correction the issue lists, made on the analysis of two invented articles, then checked three
 * times: as made, after the same files are ingested again (exact copies), and after the documents are deleted and
 * analysed afresh (every analysis row rewritten). A correction names what a re-analysis reproduces (store ids,
 * a document id and a span), so each one must still hold: one test per kind.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteDocument, openStore, type Store } from '../store/store.js';
import { ingest } from '../ingest/ingest.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { addCorrection, type Correction, type CorrectionRequest } from './corrections.js';
import { getDocument, type DocumentDetail } from './documents.js';
import { findEntity } from './entities.js';
import { timeline } from './statements.js';
import { buildGraph } from './graph.js';

// Invented for this test; the analysis reads what the checks below start from (asserted in `before`).
const FIRST = [
  'Talks in Valmora',
  '',
  'Serbia accused Kosovo of blocking the talks on Monday, the foreign ministry in Belgrade said.',
  '"We will not accept this," said Ivica Dačić, the foreign minister of Serbia.',
  'NATO condemned the violence in the north and sent more troops to the border.',
  'The Valmora Defence Council met the Tarsk Defence Council in Pristina on Tuesday.',
].join('\n');
const SECOND = [
  'A new alliance in the north',
  '',
  'NATO, the new pact of the northern valleys, held its first meeting in Valmora on Friday.',
  'The Valmora Defence Council said it would send observers.',
].join('\n');

const VALMORA = 'x:GPE:valmora';
const VDC = 'x:ORG:valmora defence council';
const TDC = 'x:ORG:tarsk defence council';

describe('every correction kind survives re-ingest and re-analysis', () => {
  let store: Store;
  let dir: string;
  const kb = defaultKnowledgeBase();
  const files = () => [join(dir, 'first.txt'), join(dir, 'second.txt')];
  const dates = ['2024-05-10', '2024-05-17'];
  let ids: string[] = [];
  const run = async () => {
    const out: string[] = [];
    for (const [i, f] of files().entries()) {
      const r = await ingest(store, [f], { kb, date: dates[i] });
      out.push(r.stored[0] ?? '');
    }
    return out;
  };
  const doc = async (i: number) => (await getDocument(store.db, ids[i]!))!;
  const event = (d: DocumentDetail, trigger: string) => d.events.find((v) => v.trigger.text === trigger)!;
  const made = new Map<string, Correction>();

  /** Each kind: the correction asked for, and what must hold while it stands. */
  const CASES: { kind: string; request: () => Promise<CorrectionRequest>; check: (c: Correction) => Promise<void> }[] = [
    {
      kind: 'merge', request: async () => ({ kind: 'merge', target: { entity: 'kb:belgrade' }, value: { into: 'kb:serbia' } }),
      check: async (c) => {
        const d = await doc(0);
        assert.ok(!d.entities.some((e) => e.id === 'kb:belgrade'));
        assert.ok(d.entities.find((e) => e.id === 'kb:serbia')!.mentions.some((m) => m.text === 'Belgrade'));
        assert.ok(d.entities.find((e) => e.id === 'kb:serbia')!.corrections?.includes(c.id));
      },
    },
    {
      kind: 'split', request: async () => ({ kind: 'split', target: { entity: 'kb:nato' }, value: { documents: [ids[1]!], name: 'Northern Valleys Pact', type: 'ORG' } }),
      check: async (c) => {
        assert.equal((await doc(1)).entities.find((e) => e.name === 'Northern Valleys Pact')?.id, `c:${c.id}`);
        assert.ok((await doc(0)).entities.some((e) => e.id === 'kb:nato' && e.name === 'NATO'));
        assert.ok((await buildGraph(store.db)).nodes.some((n) => n.id === `c:${c.id}` && n.documents === 1));
      },
    },
    {
      kind: 'rename', request: async () => ({ kind: 'rename', target: { entity: VALMORA }, value: { name: 'Republic of Valmora' } }),
      check: async () => {
        assert.equal((await doc(1)).entities.find((e) => e.id === VALMORA)?.name, 'Republic of Valmora');
        assert.equal((await findEntity(store.db, 'Republic of Valmora'))?.id, VALMORA);
      },
    },
    {
      kind: 'entity-type', request: async () => ({ kind: 'entity-type', target: { entity: TDC }, value: { type: 'GPE' } }),
      check: async () => assert.equal((await doc(0)).entities.find((e) => e.id === TDC)?.type, 'GPE'),
    },
    {
      kind: 'kb-link', request: async () => ({ kind: 'kb-link', target: { entity: VDC }, value: { kbId: 'kosovo' } }),
      check: async (c) => {
        // Kosovo is stored, so the link is a merge into it.
        const d = await doc(1);
        assert.ok(!d.entities.some((e) => e.id === VDC));
        assert.ok(d.entities.find((e) => e.id === 'kb:kosovo')?.corrections?.includes(c.id));
      },
    },
    {
      kind: 'speaker (set)', request: async () => {
        const q = (await doc(0)).quotes.find((x) => x.text.startsWith('We will not'))!;
        return { kind: 'speaker', target: { document: ids[0]!, start: q.start, end: q.end }, value: { speaker: 'kb:serbia' } };
      },
      check: async (c) => {
        const q = (await doc(0)).quotes.find((x) => x.text.startsWith('We will not'))!;
        assert.deepEqual([q.speakerId, q.corrections], ['kb:serbia', [c.id]]);
      },
    },
    {
      kind: 'speaker (clear)', request: async () => {
        const q = (await doc(0)).quotes.find((x) => x.text.startsWith('Serbia accused'))!;
        return { kind: 'speaker', target: { document: ids[0]!, start: q.start, end: q.end }, value: { speaker: null } };
      },
      check: async (c) => {
        const q = (await doc(0)).quotes.find((x) => x.text.startsWith('Serbia accused'))!;
        assert.deepEqual([q.speakerId, q.corrections], [null, [c.id]]);
      },
    },
    {
      kind: 'event-reject', request: async () => ({ kind: 'event-reject', target: { document: ids[0]!, local: event(await doc(0), 'condemned').id } }),
      check: async () => {
        assert.equal(event(await doc(0), 'condemned').rejected, true);
        assert.ok(!(await timeline(store.db, { actor: 'kb:nato', type: 'ACCUSE' })).items.some((e) => e.mentions.some((m) => m.trigger === 'condemned')));
      },
    },
    {
      kind: 'event-confirm', request: async () => ({ kind: 'event-confirm', target: { document: ids[0]!, local: event(await doc(0), 'sent more troops').id } }),
      check: async () => assert.equal(event(await doc(0), 'sent more troops').confirmed, true),
    },
    {
      kind: 'event-type', request: async () => ({ kind: 'event-type', target: { document: ids[0]!, local: event(await doc(0), 'accused').id }, value: { type: 'THREATEN' } }),
      check: async () => {
        assert.equal(event(await doc(0), 'accused').type, 'THREATEN');
        assert.equal((await timeline(store.db, { actor: 'kb:serbia', type: 'THREATEN' })).items.length, 1);
      },
    },
    {
      kind: 'event-actors', request: async () => ({ kind: 'event-actors', target: { document: ids[0]!, local: event(await doc(0), 'met').id }, value: { target: 'kb:kosovo' } }),
      check: async () => assert.equal(event(await doc(0), 'met').targetId, 'kb:kosovo'),
    },
    {
      kind: 'event-date', request: async () => ({ kind: 'event-date', target: { document: ids[0]!, local: event(await doc(0), 'accept').id }, value: { date: '2024-04' } }),
      check: async () => assert.equal(event(await doc(0), 'accept').date, '2024-04'),
    },
  ];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-reanalysis-'));
    writeFileSync(files()[0]!, FIRST);
    writeFileSync(files()[1]!, SECOND);
    store = await openStore({ dataDir: 'memory://' });
    ids = await run();
    // What the corrections start from, as the analysis reads it.
    const [a, b] = [await doc(0), await doc(1)];
    for (const id of ['kb:belgrade', 'kb:nato', TDC, VDC]) assert.ok(a.entities.some((e) => e.id === id), `${id} in the first article`);
    for (const id of ['kb:nato', VALMORA, VDC]) assert.ok(b.entities.some((e) => e.id === id), `${id} in the second article`);
    for (const t of ['condemned', 'sent more troops', 'accused', 'met', 'accept']) assert.ok(event(a, t), `an event "${t}"`);
    for (const c of CASES) made.set(c.kind, await addCorrection(store.db, { ...(await c.request()), author: 'tester' }));
    // Three readings: as made, after an exact re-ingest, after a fresh analysis.
    await checkAll('as made');
    const again = await run();
    assert.deepEqual(again, ['', ''], 'the same files again are exact copies');
    await checkAll('after re-ingest');
    for (const id of ids) assert.ok(await deleteDocument(store.db, id));
    assert.deepEqual(await run(), ids, 'analysed afresh, the same document ids');
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const failures = new Map<string, string[]>();
  async function checkAll(when: string) {
    for (const c of CASES) {
      try {
        await c.check(made.get(c.kind)!);
      } catch (err) {
        failures.set(c.kind, [...(failures.get(c.kind) ?? []), `${when}: ${(err as Error).message}`]);
      }
    }
  }

  for (const c of CASES) {
    test(`${c.kind} holds as made, after re-ingest and after re-analysis`, async () => {
      assert.deepEqual(failures.get(c.kind) ?? [], []);
      await c.check(made.get(c.kind)!);
    });
  }
});
