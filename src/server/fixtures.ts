/**
 * Test fixtures for the API and the UI: small documents written by hand, annotated by naming the phrases that carry
 * each fact (offsets are found, never typed), stored with `writeDocument` so no extractor is involved.
 */
import { createHash } from 'node:crypto';
import type { EntityType, EventRecord, KbEntry, KnowledgeBase, Layers, PloverType, StanceTopic } from '../model/types.js';
import { Doc, wordCount } from '../nlp/doc.js';
import { lshBands, minhash } from '../ingest/dedup.js';
import { writeDocument, type Store } from '../store/store.js';

export interface FixtureSpec {
  text: string;
  title: string;
  date: string;
  source: string;
  entities: { name: string; type: EntityType; kbId?: string; mentions: string[] }[];
  quotes?: { text: string; speaker: string }[];
  events?: { type: PloverType; source: string; target: string; trigger: string; location?: string }[];
  /** `object`: whose membership (an entity's name), for a membership topic. */
  stances?: { holder: string; topic: StanceTopic; polarity: 'support' | 'oppose' | 'neutral'; evidence: string; object?: string }[];
}

function allIndexes(text: string, phrase: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) out.push(i);
  if (!out.length) throw new Error(`fixture: "${phrase}" is not in the text`);
  return out;
}

export async function writeFixture(store: Store, spec: FixtureSpec): Promise<string> {
  const { text } = spec;
  const doc = new Doc(text);
  const localId = new Map<string, string>();
  const layers: Layers = { entities: [], times: [], quotes: [], events: [], stances: [] };
  spec.entities.forEach((e, i) => {
    const id = `e${i + 1}`;
    localId.set(e.name, id);
    layers.entities.push({
      id, name: e.name, type: e.type, kbId: e.kbId ?? null, wikidata: null, aliases: [],
      mentions: e.mentions.flatMap((m) => allIndexes(text, m).map((start) => ({ start, end: start + m.length, text: m, kind: 'name' as const }))),
    });
  });
  const sentenceAt = (offset: number) => doc.sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
  spec.quotes?.forEach((q, i) => {
    const start = allIndexes(text, q.text)[0]!;
    layers.quotes.push({ id: `q${i + 1}`, text: q.text, start, end: start + q.text.length, direct: true, speaker: localId.get(q.speaker) ?? null, speakerText: q.speaker });
  });
  spec.events?.forEach((v, i) => {
    const start = allIndexes(text, v.trigger)[0]!;
    const s = sentenceAt(start);
    const ev: EventRecord = {
      id: `v${i + 1}`, type: v.type, source: localId.get(v.source) ?? null, target: localId.get(v.target) ?? null,
      location: v.location ? localId.get(v.location) ?? null : null, date: { value: spec.date, text: spec.date }, negated: false, modality: 'asserted',
      trigger: { start, end: start + v.trigger.length, text: v.trigger }, sentence: { start: s.start, end: s.end }, confidence: 0.9,
    };
    layers.events.push(ev);
  });
  spec.stances?.forEach((st) => {
    const start = allIndexes(text, st.evidence)[0]!;
    layers.stances.push({
      holder: localId.get(st.holder)!, topic: st.topic, polarity: st.polarity, evidence: { start, end: start + st.evidence.length }, date: spec.date,
      object: st.object ? localId.get(st.object) ?? null : null,
    });
  });
  const id = createHash('sha256').update(text).digest('hex');
  const signature = minhash(text);
  await writeDocument(store.db, {
    document: { id, text, title: spec.title, date: spec.date, dateSource: 'given', source: spec.source, url: null, language: 'en' },
    doc, layers, wordCount: wordCount(doc), signature, bands: lshBands(signature), nearDuplicate: null,
  });
  // The stances' objects, until the store's write path stores `object_id` itself (011_stance_objects.sql).
  for (const st of spec.stances ?? []) {
    const object = spec.entities.find((e) => e.name === st.object);
    if (!object) continue;
    const holder = spec.entities.find((e) => e.name === st.holder)!;
    const storeId = (e: { name: string; type: EntityType; kbId?: string }) => (e.kbId ? `kb:${e.kbId}` : null);
    await store.db.query('UPDATE stances SET object_id = $1 WHERE document_id = $2 AND holder_id = $3 AND topic = $4 AND object_id IS NULL',
      [storeId(object), id, storeId(holder), st.topic]);
  }
  return id;
}

/** A knowledge base just big enough for the fixtures: places with coordinates, a state with a seat, a person with a role. */
export function fixtureKb(): KnowledgeBase {
  const entries: KbEntry[] = [
    { id: 'serbia', type: 'GPE', kind: 'state', name: 'Serbia', aliases: ['Srbija'], seat: 'belgrade' },
    { id: 'belgrade', type: 'GPE', kind: 'city', name: 'Belgrade', aliases: ['Beograd'], country: 'serbia', coords: [44.82, 20.46] },
    { id: 'nato', type: 'ORG', kind: 'organisation', name: 'NATO', aliases: ['the Alliance'], coords: [50.88, 4.42] },
    { id: 'kosovo', type: 'GPE', kind: 'state', name: 'Kosovo', aliases: [], coords: [42.66, 21.17] },
    { id: 'russia', type: 'GPE', kind: 'state', name: 'Russia', aliases: [], seat: 'moscow' },
    { id: 'moscow', type: 'GPE', kind: 'city', name: 'Moscow', aliases: [], coords: [55.75, 37.62] },
    {
      id: 'aleksandar-vucic', type: 'PERSON', kind: 'person', name: 'Aleksandar Vučić', aliases: ['Vucic'], country: 'serbia',
      roles: [{ office: 'president', of: 'serbia', from: '2017-05-31' }],
    },
  ];
  return { entries, offices: [{ id: 'president', names: ['President'] }], byId: new Map(entries.map((e) => [e.id, e])) };
}

/** Two short reports in the project's own words; the second carries markup that must stay text. */
export const FIXTURES: FixtureSpec[] = [
  {
    title: 'Belgrade hosts alliance talks',
    date: '2023-03-10',
    source: 'example-wire',
    text: 'Officials from Serbia and NATO held talks in Belgrade on Tuesday about the training exercise.\n\n' +
      'Aleksandar Vučić told reporters: "We will stay militarily neutral whatever happens." ' +
      'Vučić added that the country does not seek to join the alliance.',
    entities: [
      { name: 'Serbia', type: 'GPE', kbId: 'serbia', mentions: ['Serbia'] },
      { name: 'NATO', type: 'ORG', kbId: 'nato', mentions: ['NATO'] },
      { name: 'Belgrade', type: 'GPE', kbId: 'belgrade', mentions: ['Belgrade'] },
      { name: 'Aleksandar Vučić', type: 'PERSON', kbId: 'aleksandar-vucic', mentions: ['Aleksandar Vučić'] },
    ],
    quotes: [{ text: 'We will stay militarily neutral whatever happens.', speaker: 'Aleksandar Vučić' }],
    events: [{ type: 'CONSULT', source: 'Serbia', target: 'NATO', trigger: 'held talks', location: 'Belgrade' }],
    stances: [{ holder: 'Aleksandar Vučić', topic: 'NATO membership', polarity: 'oppose', evidence: 'the country does not seek to join the alliance', object: 'Serbia' }],
  },
  {
    title: 'Pristina renews its membership request',
    date: '2023-05-02',
    source: 'other-news',
    text: 'Kosovo asked NATO on Friday to speed up its membership path. Russia accused NATO of pushing into the region.\n\n' +
      'A reader comment pasted here read <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> as plain words.',
    entities: [
      { name: 'Kosovo', type: 'GPE', kbId: 'kosovo', mentions: ['Kosovo'] },
      { name: 'NATO', type: 'ORG', kbId: 'nato', mentions: ['NATO'] },
      { name: 'Russia', type: 'GPE', kbId: 'russia', mentions: ['Russia'] },
    ],
    events: [
      { type: 'REQUEST', source: 'Kosovo', target: 'NATO', trigger: 'asked' },
      { type: 'ACCUSE', source: 'Russia', target: 'NATO', trigger: 'accused' },
    ],
    // (Evidence without "Friday": a test stores this text again with another day.)
    stances: [{ holder: 'Kosovo', topic: 'NATO membership', polarity: 'support', evidence: 'to speed up its membership path', object: 'Kosovo' }],
  },
];
