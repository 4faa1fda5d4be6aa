import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, deleteDocument, type Store } from '../store/store.js';
import { ingest } from '../ingest/ingest.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { FIXTURES, fixtureKb, writeFixture } from '../server/fixtures.js';
import { addCorrection, CorrectionError, listCorrections, undoCorrection } from './corrections.js';
import { getDocument } from './documents.js';
import { entityProfile, findEntity, listEntities } from './entities.js';
import { listQuotes, listStances, timeline } from './statements.js';
import { buildGraph } from './graph.js';
import { eventRecords } from '../export/events.js';

// An article written for this test: the quote's speaker is not named where the analysis looks ("an adviser"), and
// the army is named twice in two ways the analysis keeps apart.
const ARTICLE = [
  'Talks in Skopje',
  '',
  'Jens Stoltenberg met Prime Minister Hristijan Mickoski in Skopje on Tuesday to discuss the reform of the army.',
  '"We stand with North Macedonia," an adviser to the delegation said after the talks.',
  'The Macedonian Army Command and the Army of North Macedonia will hold a joint exercise with NATO in May.',
].join('\n');

describe('corrections survive re-ingest and re-analysis', () => {
  let store: Store;
  let dir: string;
  const kb = defaultKnowledgeBase();
  const file = () => join(dir, 'skopje.txt');
  const run = () => ingest(store, [file()], { kb, date: '2024-06-12' });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-corrections-'));
    writeFileSync(file(), ARTICLE);
    store = await openStore({ dataDir: 'memory://' });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a speaker correction and an entity merge hold after the same article is ingested again and re-analysed', async () => {
    const first = await run();
    const id = first.stored[0]!;
    const before = (await getDocument(store.db, id))!;
    const quote = before.quotes.find((q) => q.text.startsWith('We stand with'))!;
    assert.equal(quote.speakerId, null, 'the analysis leaves the adviser unnamed');
    const army = before.entities.find((e) => e.name === 'Macedonian Army Command')!;
    assert.equal(army.id, 'x:ORG:macedonian army command');

    const speaker = await addCorrection(store.db, {
      kind: 'speaker', target: { document: id.slice(0, 10), local: quote.id }, value: { speaker: 'kb:jens-stoltenberg' },
      author: 'tester', reason: 'the adviser is Stoltenberg, as the next paragraph of the wire copy says',
    });
    assert.deepEqual(speaker.target, { document: id, start: quote.start, end: quote.end });
    const merge = await addCorrection(store.db, { kind: 'merge', target: { entity: army.id }, value: { into: 'kb:army-north-macedonia' }, author: 'tester' });

    const check = async () => {
      const d = (await getDocument(store.db, id))!;
      const q = d.quotes.find((x) => x.start === quote.start)!;
      assert.equal(q.speakerId, 'kb:jens-stoltenberg');
      assert.equal(q.speakerName, 'Jens Stoltenberg');
      assert.deepEqual(q.corrections, [speaker.id]);
      assert.equal(d.text.slice(q.start, q.end), q.text, 'offsets stay those of the text');
      const armies = d.entities.filter((e) => e.id === 'kb:army-north-macedonia');
      assert.equal(armies.length, 1);
      assert.deepEqual(armies[0]!.mentions.map((m) => m.text), ['Macedonian Army Command', 'Army of North Macedonia']);
      assert.ok(armies[0]!.corrections?.includes(merge.id));
      assert.ok(!d.entities.some((e) => e.id === army.id));
      const exercise = d.events.find((v) => v.trigger.text === 'joint exercise')!;
      assert.equal(exercise.sourceId, 'kb:army-north-macedonia');
      assert.equal(exercise.sourceName, 'Army of North Macedonia');

      const quotes = await listQuotes(store.db, { speaker: 'kb:jens-stoltenberg' });
      assert.deepEqual(quotes.items.map((x) => x.text), ['We stand with North Macedonia']);
      const list = await listEntities(store.db, { type: 'ORG' });
      assert.ok(!list.items.some((e) => e.id === army.id), 'the merged-away entity is not listed');
      assert.equal(list.items.find((e) => e.id === 'kb:army-north-macedonia')!.mentions, 2);
      assert.equal((await findEntity(store.db, 'Macedonian Army Command'))!.id, 'kb:army-north-macedonia');
      const events = await timeline(store.db, { actor: 'kb:army-north-macedonia', type: 'MOBILIZE' });
      assert.equal(events.items.length, 1);
      assert.equal(events.items[0]!.sourceName, 'Army of North Macedonia');
      const profile = (await entityProfile(store.db, army.id, kb))!;
      assert.equal(profile.id, 'kb:army-north-macedonia');
      assert.equal(profile.mentions, 2);
      assert.equal((await entityProfile(store.db, 'kb:jens-stoltenberg', kb))!.quotes.length, 1);
      const graph = await buildGraph(store.db);
      assert.ok(!graph.nodes.some((n) => n.id === army.id));
    };
    await check();

    // The same article again: an exact copy, stored once.
    const again = await run();
    assert.equal(again.duplicate, 1);
    await check();
    // Re-analysis: the document and every analysis row are written afresh.
    assert.ok(await deleteDocument(store.db, id));
    assert.equal((await run()).new, 1);
    await check();

    // Undo: the analysis shows through again; the correction stays listed as undone.
    await undoCorrection(store.db, speaker.id, 'tester');
    const undone = (await getDocument(store.db, id))!.quotes.find((x) => x.start === quote.start)!;
    assert.equal(undone.speakerId, null);
    assert.equal(undone.corrections, undefined);
    assert.deepEqual((await listCorrections(store.db)).items.map((c) => c.id), [merge.id]);
    const all = await listCorrections(store.db, { all: true });
    assert.equal(all.items.find((c) => c.id === speaker.id)!.undoneBy, 'tester');
    await assert.rejects(undoCorrection(store.db, speaker.id), /already undone/);
    assert.equal(await undoCorrection(store.db, '999'), null);
  });
});

describe('corrections of events and entities', () => {
  let store: Store;
  let ids: string[];
  before(async () => {
    store = await openStore({ dataDir: 'memory://' });
    ids = [];
    for (const f of FIXTURES) ids.push(await writeFixture(store, f));
  });
  after(() => store.close());

  const eventOf = async (doc: string, trigger: string) => (await getDocument(store.db, doc))!.events.find((v) => v.trigger.text === trigger)!;

  test('a rejected event leaves the timeline and stays in its document marked; confirming brings it back', async () => {
    const accused = await eventOf(ids[1]!, 'accused');
    const reject = await addCorrection(store.db, { kind: 'event-reject', target: { document: ids[1]!, start: accused.trigger.start, end: accused.trigger.end }, reason: 'a misreading' });
    assert.equal((await timeline(store.db, { type: 'ACCUSE' })).items.length, 0);
    assert.equal((await eventOf(ids[1]!, 'accused')).rejected, true);
    const confirm = await addCorrection(store.db, { kind: 'event-confirm', target: { document: ids[1]!, local: 'v2' } });
    const back = (await timeline(store.db, { type: 'ACCUSE' })).items;
    assert.equal(back.length, 1);
    assert.deepEqual(back[0]!.corrections, [reject.id, confirm.id]);
    assert.equal((await eventOf(ids[1]!, 'accused')).confirmed, true);
    await undoCorrection(store.db, confirm.id);
    await undoCorrection(store.db, reject.id);
  });

  test('an event\'s type, actors and date are corrected in the timeline, its filters and the document', async () => {
    const asked = await eventOf(ids[1]!, 'asked');
    const target = { document: ids[1]!, start: asked.trigger.start, end: asked.trigger.end };
    const fixes = [
      await addCorrection(store.db, { kind: 'event-type', target, value: { type: 'consult' } }),
      await addCorrection(store.db, { kind: 'event-actors', target, value: { target: 'kb:russia' } }),
      await addCorrection(store.db, { kind: 'event-date', target, value: { date: '2023-04' } }),
    ];
    assert.equal((await timeline(store.db, { type: 'REQUEST' })).items.length, 0);
    const consult = (await timeline(store.db, { type: 'CONSULT', actor: 'kb:russia' })).items;
    assert.equal(consult.length, 1);
    assert.equal(consult[0]!.targetName, 'Russia');
    assert.equal(consult[0]!.date, '2023-04');
    const v = await eventOf(ids[1]!, 'asked');
    assert.deepEqual([v.type, v.targetId, v.date, v.trigger.text], ['CONSULT', 'kb:russia', '2023-04', 'asked']);
    const exported = [];
    for await (const r of eventRecords(store.db)) exported.push(r);
    const record = exported.find((r) => r.trigger === 'asked')!;
    assert.deepEqual([record.event_type, record.target_id, record.target_actor, record.date, record.corrections], ['CONSULT', 'kb:russia', 'Russia', '2023-04', fixes.map((f) => f.id).join(' ')]);
    assert.equal(exported.find((r) => r.trigger === 'accused')!.corrections, null);
    for (const f of fixes) await undoCorrection(store.db, f.id);
    assert.equal((await timeline(store.db, { type: 'REQUEST' })).items.length, 1);
  });

  test('rename, type and a split read through lists, profiles and stances', async () => {
    const rename = await addCorrection(store.db, { kind: 'rename', target: { entity: 'kb:aleksandar-vucic' }, value: { name: 'President Vučić' } });
    assert.equal((await findEntity(store.db, 'President Vučić'))!.id, 'kb:aleksandar-vucic');
    assert.equal((await listStances(store.db, { holder: 'kb:aleksandar-vucic' }))[0]!.holderName, 'President Vučić');
    const retype = await addCorrection(store.db, { kind: 'entity-type', target: { entity: 'kb:nato' }, value: { type: 'LAW' } });
    assert.deepEqual((await listEntities(store.db, { type: 'LAW' })).items.map((e) => e.id), ['kb:nato']);
    assert.ok(!(await listEntities(store.db, { type: 'ORG' })).items.some((e) => e.id === 'kb:nato'));
    // NATO in the second document is taken to be another body.
    const split = await addCorrection(store.db, { kind: 'split', target: { entity: 'kb:nato' }, value: { documents: [ids[1]!.slice(0, 8)], name: 'The other alliance', type: 'ORG' } });
    const second = (await getDocument(store.db, ids[1]!))!;
    assert.equal(second.entities.find((e) => e.name === 'The other alliance')!.id, `c:${split.id}`);
    assert.equal((await getDocument(store.db, ids[0]!))!.entities.find((e) => e.id === 'kb:nato')!.name, 'NATO');
    const other = (await entityProfile(store.db, `c:${split.id}`, fixtureKb()))!;
    assert.deepEqual(other.documents.map((d) => d.id), [ids[1]]);
    assert.deepEqual((await entityProfile(store.db, 'kb:nato', fixtureKb()))!.documents.map((d) => d.id), [ids[0]]);
    // The entity list has the split-off entity, and NATO without the document it lost.
    const listed = await listEntities(store.db, { limit: 200 });
    const entry = listed.items.find((e) => e.id === `c:${split.id}`)!;
    assert.deepEqual([entry.name, entry.type, entry.documents, entry.corrections], ['The other alliance', 'ORG', 1, [split.id]]);
    assert.equal(listed.items.find((e) => e.id === 'kb:nato')!.documents, 1);
    assert.equal(listed.total, listed.items.length);
    assert.deepEqual((await listEntities(store.db, { q: 'other alli' })).items.map((e) => e.id), [`c:${split.id}`]);
    // Paged one at a time, every entity comes once. (A page is ordered by its corrected counts, the pages by the
    // stored ones, so the order across pages may differ from one long page.)
    const paged: string[] = [];
    for (let offset = 0; offset < listed.total; offset++) paged.push(...(await listEntities(store.db, { limit: 1, offset })).items.map((e) => e.id));
    assert.deepEqual(paged.sort(), listed.items.map((e) => e.id).sort());
    for (const c of [split, retype, rename]) await undoCorrection(store.db, c.id);
    assert.ok(!(await listEntities(store.db, { limit: 200 })).items.some((e) => e.id.startsWith('c:')));
  });

  test('bad corrections are refused with one line naming what is wrong', async () => {
    const cases: [Parameters<typeof addCorrection>[1], RegExp][] = [
      [{ kind: 'rewrite', target: {} }, /kind: expected one of/],
      [{ kind: 'merge', target: { entity: 'kb:nato' }, value: { into: 'kb:nato' } }, /already reads as/],
      [{ kind: 'merge', target: { entity: 'kb:nowhere' }, value: { into: 'kb:nato' } }, /no entity "kb:nowhere"/],
      [{ kind: 'speaker', target: { document: ids[0]!, local: 'q9' }, value: { speaker: null } }, /q9 is not a quote/],
      [{ kind: 'event-type', target: { document: ids[0]!, local: 'v1' }, value: { type: 'PARTY' } }, /PLOVER type/],
      [{ kind: 'event-date', target: { document: ids[0]!, local: 'v1' }, value: { date: '2023-13' } }, /YYYY/],
      [{ kind: 'entity-type', target: { entity: 'kb:nato' }, value: { type: 'CLUB' } }, /type: expected one of/],
      [{ kind: 'split', target: { entity: 'kb:russia' }, value: { documents: [ids[0]!], name: 'x' } }, /does not name kb:russia/],
    ];
    for (const [req, message] of cases) await assert.rejects(addCorrection(store.db, req), (err: Error) => err instanceof CorrectionError && message.test(err.message));
    const merge = await addCorrection(store.db, { kind: 'merge', target: { entity: 'kb:serbia' }, value: { into: 'kb:belgrade' } });
    await assert.rejects(addCorrection(store.db, { kind: 'merge', target: { entity: 'kb:belgrade' }, value: { into: 'kb:serbia' } }), /undo that merge first/);
    await undoCorrection(store.db, merge.id);
  });
});
