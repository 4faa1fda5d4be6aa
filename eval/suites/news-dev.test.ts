import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, EventRecord, Quote, TimeExpression } from '../../src/model/types.js';
import {
  acceptedForms, actorMatches, dateMatches, locate, measuresOf, normName, quoteMatches, scoreDoc, scoreEntities,
  scoreEvents, scoreQuotes, scoreTimes, suiteMeasures, totals, type GoldDoc,
} from './news-dev.js';

// A made-up article, written for this test.
const TEXT =
  'Ruritania and Borduria sign a pact\n\n' +
  'The Ruritanian foreign minister, Anna Kovač, met her Bordurian counterpart in Szohôd on Tuesday. ' +
  '"We have turned a page," Kovač said after the talks. ' +
  'Borduria had not withdrawn its troops from the border, officials said. ' +
  "Last year Borduria's army shelled two villages.";

const at = (needle: string, from = 0) => {
  const start = TEXT.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length, text: needle };
};

const entity = (id: string, name: string, type: Entity['type'], texts: string[] = [name], aliases: string[] = []): Entity => ({
  id, name, type, kbId: null, wikidata: null, aliases, mentions: texts.map((t) => at(t)),
});

const GOLD: GoldDoc = {
  date: '2031-03-14',
  entities: [
    { name: 'Ruritania', type: 'GPE', aliases: ['Ruritania', 'Ruritanian'] },
    { name: 'Borduria', type: 'GPE', aliases: ['Borduria'] },
    { name: 'Anna Kovač', type: 'PERSON', aliases: ['Anna Kovač', 'Kovač'] },
    { name: 'Szohôd', type: 'GPE', aliases: ['Szohôd'] },
    { name: 'Bordurian', type: 'NORP', aliases: ['Bordurian'], optional: true },
  ],
  quotes: [
    { speaker: ['Anna Kovač', 'Ruritania'], text: 'We have turned a page' },
    { speaker: ['officials'], text: 'no such words', optional_speaker: true },
  ],
  events: [
    { source: ['Anna Kovač', 'Ruritania'], target: ['Borduria'], types: ['CONSULT'], hint: 'met her Bordurian counterpart', date: '2031-03-11' },
    { source: ['Borduria'], target: [], types: ['RETREAT'], hint: 'had not withdrawn its troops', date: null, negated: true },
    { source: ['Borduria'], target: [], types: ['ASSAULT'], hint: 'shelled two villages', date: '2030' },
    { source: [], target: [], types: ['AGREE'], hint: 'sign a pact', date: null, optional: true },
  ],
  times: [
    { text: 'on Tuesday', value: '2031-03-11' },
    { text: 'Last year', value: '2030' },
  ],
  allowed_extra: ['Bordurian counterpart'],
};

const kovac = entity('e1', 'Anna Kovac', 'PERSON', ['Anna Kovač', 'Kovač']);
const borduria = entity('e2', 'Borduria', 'GPE', ['Borduria', "Borduria's"]);
const ruritania = entity('e3', 'Ruritania', 'ORG', ['Ruritania']);
const spurious = entity('e4', 'Last', 'PERSON', ['Last']);
const ENTITIES = [kovac, borduria, ruritania, spurious];

const sentenceOf = (needle: string) => {
  const s = at(needle);
  const start = TEXT.lastIndexOf('. ', s.start) + 2;
  const end = TEXT.indexOf('.', s.end) + 1;
  return { start, end };
};

const event = (over: Partial<EventRecord> & Pick<EventRecord, 'type' | 'trigger'>): EventRecord => ({
  id: 'v', source: null, target: null, location: null, date: null, negated: false, modality: 'asserted',
  sentence: sentenceOf(over.trigger.text), confidence: 0.5, ...over,
});

test('names compare without case, diacritics, apostrophe style, a possessive or a leading "the"', () => {
  assert.equal(normName('Anna Kovač'), normName('anna kovac'));
  assert.equal(normName('The Bordurian Army’s'), 'bordurian army');
  assert.equal(normName("Ruritania's"), 'ruritania');
  assert.equal(normName('  Szohôd  '), 'szohod');
  assert.notEqual(normName('Theodor'), normName('odor'));
});

test('accepted names take in the aliases of the gold entity they name', () => {
  const forms = acceptedForms(['Anna Kovač', 'the crowd'], GOLD.entities);
  assert.ok(forms.has('kovac'));
  assert.ok(forms.has('crowd'));
  assert.ok(!forms.has('ruritania'));
});

test('entities: recall over required gold, precision over system PERSON/ORG/GPE, type of the matched entity', () => {
  const c = scoreEntities(GOLD, ENTITIES);
  // Ruritania, Borduria and Kovač are found (Kovač through a mention); Szohôd is not; the optional NORP does not count.
  assert.equal(c.required, 4);
  assert.equal(c.found, 3);
  // Ruritania came out as an ORG.
  assert.equal(c.typed, 2);
  assert.deepEqual(c.wrongType.map((w) => w.gold.name), ['Ruritania']);
  // "Last" matches nothing; an allowed extra or an optional entity would not have been counted against us.
  assert.equal(c.system, 4);
  assert.equal(c.systemRight, 3);
  const withExtra = scoreEntities(GOLD, [entity('e9', 'Bordurian counterpart', 'PERSON'), entity('e8', 'Bordurian', 'ORG')]);
  assert.equal(withExtra.systemRight, 2);
  // A NORP system entity is outside precision but still finds gold.
  const norp = scoreEntities(GOLD, [entity('e7', 'Ruritanian', 'NORP')]);
  assert.equal(norp.system, 0);
  assert.equal(norp.found, 1);
});

test('quote text matches by containment, with everything but letters and digits removed', () => {
  assert.ok(quoteMatches('We have turned a page', 'We have turned a page,'));
  assert.ok(quoteMatches('We have turned a page', '“we have turned — a page” and more'));
  // A system quote of 20+ characters inside the gold text counts; a short one does not.
  assert.ok(quoteMatches('We have turned a page today', 'We have turned a page'));
  assert.ok(!quoteMatches('We have turned a page today', 'a page'));
  assert.ok(!quoteMatches('We have turned a page', 'We turned'));
});

test('quotes: found, attributed by entity or by the words naming the speaker, optional speakers free once found', () => {
  const q = (text: string, speaker: string | null, speakerText: string | null): Quote => ({ id: 'q', text, start: 0, end: 0, direct: true, speaker, speakerText });
  const right = scoreQuotes(GOLD, [q('We have turned a page,', 'e1', 'Kovač')], ENTITIES);
  assert.deepEqual(right.map((r) => [r.found, r.attributed]), [[true, true], [false, false]]);
  const wrong = scoreQuotes(GOLD, [q('We have turned a page', 'e2', 'Borduria')], ENTITIES);
  assert.deepEqual([wrong[0]!.found, wrong[0]!.attributed], [true, false]);
  const byText = scoreQuotes(GOLD, [q('We have turned a page', null, 'Ms Kovač')], ENTITIES);
  assert.equal(byText[0]!.attributed, false);
  const byAlias = scoreQuotes(GOLD, [q('We have turned a page', null, 'Kovač')], ENTITIES);
  assert.equal(byAlias[0]!.attributed, true);
  const optional = scoreQuotes(GOLD, [q('no such words!', null, null)], ENTITIES);
  assert.deepEqual([optional[1]!.found, optional[1]!.attributed], [true, true]);
});

test('gold strings are located exactly, or across changed white space', () => {
  assert.deepEqual(locate('a  b\nc a b c', 'a b c'), [{ start: 7, end: 12 }]);
  assert.deepEqual(locate('x a  b\nc', 'a b c'), [{ start: 2, end: 8 }]);
  assert.deepEqual(locate('abc', 'zz'), []);
});

test('actors: any listed name, an empty list accepts anything', () => {
  assert.ok(actorMatches('e1', ENTITIES, ['Anna Kovač'], GOLD.entities));
  assert.ok(actorMatches('e2', ENTITIES, ['Borduria'], GOLD.entities));
  assert.ok(!actorMatches(null, ENTITIES, ['Borduria'], GOLD.entities));
  assert.ok(!actorMatches('e2', ENTITIES, ['Ruritania'], GOLD.entities));
  assert.ok(actorMatches(null, ENTITIES, [], GOLD.entities));
});

test('events: a system event in the hint\'s sentence with a listed type, matching actors and negation; dates by prefix', () => {
  const events = [
    event({ type: 'CONSULT', source: 'e1', target: 'e2', trigger: at('met'), date: { value: '2031-03-11', text: 'on Tuesday' } }),
    // Right type and actor, but the denial was missed.
    event({ type: 'RETREAT', source: 'e2', trigger: at('withdrawn') }),
    // Right event, date at a finer granularity than the gold.
    event({ type: 'ASSAULT', source: 'e2', trigger: at('shelled'), date: { value: '2030-05', text: 'Last year' } }),
    // Right type and actors but in another sentence: it does not count for the first gold event.
    event({ type: 'CONSULT', source: 'e1', target: 'e2', trigger: at('talks') }),
  ];
  const r = scoreEvents(GOLD, TEXT, events, ENTITIES);
  assert.equal(r.length, 3, 'the optional event is left out');
  assert.deepEqual(r.map((x) => x.found), [true, false, true]);
  assert.deepEqual(r.map((x) => x.dateRight), [true, null, true]);
  assert.deepEqual(r[1]!.inSentence[0]!.faults, ['negation']);
  const swapped = scoreEvents(GOLD, TEXT, [event({ type: 'CONSULT', source: 'e2', target: 'e1', trigger: at('met') })], ENTITIES);
  assert.deepEqual(swapped[0]!.inSentence[0]!.faults, ['source', 'target']);
  const undated = scoreEvents(GOLD, TEXT, [event({ type: 'CONSULT', source: 'e3', target: 'e2', trigger: at('met') })], ENTITIES);
  assert.equal(undated[0]!.found, true, 'a person acting for a state: either one matches');
  assert.equal(undated[0]!.dateRight, false);
  assert.ok(dateMatches('2030', '2030-05-01'));
  assert.ok(!dateMatches('2030-05', '2030'));
});

test('times: overlapped by a system time whose value starts with the gold value', () => {
  const t = (needle: string, value: string | null): TimeExpression => ({ ...at(needle), value });
  const r = scoreTimes(GOLD, TEXT, [t('Tuesday', '2031-03-11'), t('Last year', '2029')]);
  assert.deepEqual(r.map((x) => x.right), [true, false]);
});

test('totals pool the articles, and each measure is given overall and per theatre', () => {
  const prediction = {
    text: TEXT,
    entities: ENTITIES,
    quotes: [{ id: 'q1', text: 'We have turned a page,', start: 0, end: 0, direct: true, speaker: 'e1', speakerText: 'Kovač' }],
    events: [event({ type: 'CONSULT', source: 'e1', target: 'e2', trigger: at('met') })],
    times: [{ ...at('Tuesday'), value: '2031-03-11' }],
  };
  const a = scoreDoc('a.txt', 'balkans', GOLD, prediction);
  const b = scoreDoc('b.txt', 'other', GOLD, { ...prediction, quotes: [], events: [], times: [] });
  const m = measuresOf(totals([a, b]));
  assert.equal(m.quoteFound, 0.25);
  assert.equal(m.quoteAttributed, 0.25);
  assert.equal(m.eventRecall, round3(1 / 6));
  assert.equal(m.eventDateAcc, 0);
  assert.equal(m.timeAcc, 0.25);
  assert.equal(m.entityRecall, 0.75);
  const names = suiteMeasures([a, b]).map((x) => x.measure);
  for (const n of ['quoteAttributed', 'quoteAttributed (balkans)', 'quoteAttributed (other)', 'entityF1', 'eventDateAcc (other)', 'timeAcc']) {
    assert.ok(names.includes(n), n);
  }
  const byName = new Map(suiteMeasures([a, b]).map((x) => [x.measure, x.value]));
  assert.equal(byName.get('quoteFound (balkans)'), 0.5);
  assert.equal(byName.get('quoteFound (other)'), 0);
  assert.equal(byName.get('eventDateAcc (other)'), null, 'no event found there, so no date to judge');
});

const round3 = (x: number) => Math.round(x * 1000) / 1000;
