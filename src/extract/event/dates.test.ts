import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType, EventRecord } from '../../model/types.js';
import { Doc } from '../../nlp/doc.js';
import { extractEvents } from '../events.js';
import { extractTimes } from '../times.js';
import { emptyKnowledgeBase } from '../../kb/load.js';
import { dateBasisOf } from './dates.js';
import { entitiesNamed } from '../../../test/named-entities.js';

const kb = emptyKnowledgeBase();
const REPORT = '2024-03-14';

const ACTORS: Record<string, [string, EntityType]> = {
  Serbia: ['serbia', 'GPE'], Kosovo: ['kosovo', 'GPE'], Russia: ['russia', 'GPE'], Ukraine: ['ukraine', 'GPE'],
  NATO: ['nato', 'ORG'], Albania: ['albania', 'GPE'], Greece: ['greece', 'GPE'],
};

/** The events of a text with its own time expressions, as the pipeline runs them. */
function events(text: string, date: string | null = REPORT): EventRecord[] {
  const doc = new Doc(text);
  const ctx = { kb, date };
  const times = extractTimes(doc, ctx, {});
  return extractEvents(doc, ctx, { entities: entitiesNamed(text, ACTORS), times, quotes: [] });
}

function dateOf(list: EventRecord[], trigger: string): EventRecord['date'] {
  const e = list.find((x) => x.trigger.text.includes(trigger));
  assert.ok(e, `no event on "${trigger}" in ${JSON.stringify(list.map((x) => x.trigger.text))}`);
  return e.date;
}

test('an event is dated by the time on its own predicate, not by another clause\'s', () => {
  const list = events('Serbia, which attacked Kosovo in 2019, signed a deal with Albania on Monday.');
  assert.deepEqual(dateOf(list, 'attacked'), { value: '2019', text: '2019', basis: 'stated' });
  assert.equal(dateOf(list, 'signed')?.value, '2024-03-11');
});

test('a time on the clause that governs the event dates it; a time on a reporting verb does not date what is reported', () => {
  const list = events('In January, Greece agreed to send weapons to Ukraine.');
  assert.equal(dateOf(list, 'send')?.value, '2024-01');
  const reported = events('On Monday Serbia said that Russia attacked Ukraine.');
  assert.equal(dateOf(reported, 'attacked')?.basis, 'report');
});

test('a time on an argument of the predicate dates it ("at a meeting on Tuesday")', () => {
  const list = events('Greece condemned Russia at a summit on Tuesday.');
  assert.equal(dateOf(list, 'condemned')?.value, '2024-03-12');
});

test('a week or a season gives an event the month or year that holds it', () => {
  assert.equal(dateOf(events('Greece condemned Russia last week.'), 'condemned')?.value, '2024-03');
  assert.equal(dateOf(events('Greece condemned Russia in the winter.'), 'condemned')?.value, '2023');
});

test('an asserted past act with no time of its own has the report date, marked "report"', () => {
  const past = dateOf(events('Serbia attacked Kosovo.'), 'attacked');
  assert.deepEqual(past, { value: REPORT, text: '', basis: 'report' });
  assert.equal(dateBasisOf(past), 'report');
  assert.equal(dateOf(events('Serbia has attacked Kosovo.'), 'attacked')?.basis, 'report');
  assert.equal(dateOf(events('Greece is sending weapons to Ukraine.'), 'sending')?.basis, 'report'); // going on now
});

test('a denied act in a past form is dated like the act: by the report', () => {
  assert.equal(dateOf(events('Serbia did not attack Kosovo.'), 'attack')?.value, REPORT);
  assert.equal(dateOf(events('The ministry said it had not attacked Kosovo.'), 'attacked')?.value, REPORT);
});

test('no date is invented for what is not an asserted act of the report\'s days', () => {
  assert.equal(dateOf(events('Serbia will attack Kosovo.'), 'attack'), null); // future
  assert.equal(dateOf(events('Serbia has not recognised Kosovo.'), 'recognised'), null); // a standing state, denied
  assert.equal(dateOf(events('Serbia previously attacked Kosovo.'), 'attacked'), null); // background
  assert.equal(dateOf(events('Serbia often condemns Kosovo.'), 'condemns'), null); // habitual present
  assert.equal(dateOf(events('Serbia attacked Kosovo.', null), 'attacked'), null); // no report date
  // A time the calendar cannot hold still dates the event: it is not put in the report's days.
  assert.equal(dateOf(events('In the 1990s Serbia attacked Kosovo.'), 'attacked'), null);
});

test('the stored form tells the basis from the text: a report date has no words', () => {
  assert.equal(dateBasisOf({ text: 'last May' }), 'stated');
  assert.equal(dateBasisOf({ text: '' }), 'report');
  assert.equal(dateBasisOf(null), null);
});

test('the timeline prints a date no report states as "≤ date"', async () => {
  const { formatTimelineEntry } = await import('../../cli/statements.js');
  const entry = {
    id: '1', type: 'ASSAULT', cameo: null, sourceId: null, sourceName: 'Serbia', targetId: null, targetName: 'Kosovo',
    locationId: null, locationName: null, date: REPORT, negated: false, modality: 'asserted', mentions: [],
  };
  assert.match(formatTimelineEntry({ ...entry, dateBasis: 'report' }), /^≤ 2024-03-14 /);
  assert.match(formatTimelineEntry({ ...entry, dateBasis: 'stated' }), /^2024-03-14 /);
});

test('an act stated through another ("offered to send") takes the governing act\'s date', () => {
  const list = events('Greece has offered to send weapons to Ukraine.');
  const send = list.find((e) => e.trigger.text.includes('send'));
  assert.equal(send?.embeddedIn, list.find((e) => e.trigger.text === 'offered')?.id);
  assert.equal(send?.modality, 'future');
  assert.deepEqual(send?.date, { value: REPORT, text: '', basis: 'report' });
});

test('a time on another argument of an event noun\'s verb dates the event ("hold talks in X, the capital, on Friday")', () => {
  const list = events('Greece and Albania will hold talks in Tirana, the Albanian capital, on Friday.');
  assert.equal(dateOf(list, 'talks')?.value, '2024-03-15'); // the coming Friday: "will hold"
});

test('an act in the simple present holds at the report\'s date, also through a participle ("by backing")', () => {
  assert.equal(dateOf(events('Greece backs Ukraine.'), 'backs')?.basis, 'report');
  assert.equal(dateOf(events('Greece flexes its muscles by backing Ukraine.'), 'backing')?.basis, 'report');
});

test('an event noun is dated by the verb that begins it ("the protests, which began in June")', () => {
  assert.equal(dateOf(events('The protests against Serbia, which began in June, grew.'), 'protests')?.value, '2023-06');
});

test('a past act after a sentence that dates its scene, in the same paragraph, takes that time as its context', () => {
  const scene = events('Thousands of people marched in Serbia on March 10. Police said Serbia detained 40 people.');
  assert.deepEqual(dateOf(scene, 'detained'), { value: '2024-03-10', text: 'March 10', basis: 'context' });
  // A new paragraph, a state up to now, or two times in the sentence before: the report's date as before.
  const broken = events('Thousands of people marched in Serbia on March 10.\n\nPolice said Serbia detained 40 people.');
  assert.equal(dateOf(broken, 'detained')?.basis, 'report');
  const standing = events('Serbia closed the crossing on March 10. Serbia has condemned Kosovo.');
  assert.equal(dateOf(standing, 'condemned')?.basis, 'report');
  const two = events('Serbia closed the crossing on March 10 and reopened it on March 12. Kosovo condemned Serbia.');
  assert.equal(dateOf(two, 'condemned')?.basis, 'report');
});

test('a sentence that places its act by words of its own does not take the scene\'s time', () => {
  const placed = events('Thousands of people marched in Serbia on March 10. Days later Serbia detained 40 people.');
  assert.notEqual(dateOf(placed, 'detained')?.basis, 'context');
});

test('a measure announced for the days ahead is dated by its announcement', () => {
  const list = events('On March 10 Serbia announced that it would close its border with Kosovo.');
  assert.equal(dateOf(list, 'close')?.value, '2024-03-10');
  // What is reported as said stays undated by the saying.
  assert.notEqual(dateOf(events('On March 10 Serbia said that it would close its border with Kosovo.'), 'close')?.value, '2024-03-10');
});

test('times that narrow each other in the scene\'s sentence date the next act by the finest', () => {
  const list = events('Serbia moved troops in March last year. Serbia attacked Kosovo.');
  assert.deepEqual(dateOf(list, 'attacked'), { value: '2023-03', text: 'March', basis: 'context' });
});

test('an event noun is dated by "since it began" also where the parser hangs the clause on the phrase around it', () => {
  // The clause on the noun's phrase head ("the cost of …") and on the main verb whose subject holds the noun.
  assert.equal(dateOf(events('Greece fears the cost of the blockade of Kosovo since it began in June.'), 'blockade')?.value, '2023-06');
  assert.equal(dateOf(events('The toll of Serbia\'s blockade of Kosovo since it began in June shocked Greece.'), 'blockade')?.value, '2023-06');
});

test('an accusation is dated by the time of the act it charges, also when the charge is parsed as a clause on the accused', () => {
  assert.deepEqual(dateOf(events('Kosovo accuses Serbia of rigging last month\'s election.'), 'accuses'), { value: '2024-02', text: 'last month', basis: 'stated' });
});

test('a scene\'s time carries past one sentence that names no time, not past two, nor past one that moves the time on', () => {
  const quoted = events('In January Serbia closed its border with Kosovo. "We had no choice," a minister said. Kosovo condemned Serbia.');
  assert.deepEqual(dateOf(quoted, 'condemned'), { value: '2024-01', text: 'January', basis: 'context' });
  const far = events('In January Serbia closed its border with Kosovo. The move was sudden. Roads were empty. Kosovo condemned Serbia.');
  assert.equal(dateOf(far, 'condemned')?.basis, 'report');
  const moved = events('In January Serbia closed its border with Kosovo. Weeks passed. Kosovo condemned Serbia.');
  assert.notEqual(dateOf(moved, 'condemned')?.basis, 'context');
});

test('an event noun called recent takes the scene\'s time only when that time is near the report', () => {
  const near = events('In February Greece sent weapons to Ukraine. Russia criticised the recent meeting between Greece and Ukraine.');
  assert.equal(dateOf(near, 'meeting')?.value, '2024-02');
  const old = events('Greece sent weapons to Ukraine in 2019. Russia criticised the recent meeting between Greece and Ukraine.');
  assert.notEqual(dateOf(old, 'meeting')?.value, '2019');
});

test('an event noun under a denied present perfect is a standing state: undated', () => {
  assert.equal(dateOf(events('Serbia has not joined the sanctions against Russia.'), 'sanctions'), null);
});

test('an act a picture shows, or a witness saw, took place by the report; one that is foreseen did not', () => {
  assert.equal(dateOf(events('Footage shows Serbian troops shelling Kosovo.'), 'shelling')?.basis, 'report');
  // Through the parser's chain of participles on the object ("a drone, made in X, tracking … before attacking it").
  const chain = events('One video shows a Serbian drone, made in Russia, tracking a Kosovo convoy before attacking it.');
  assert.equal(dateOf(chain, 'attacking')?.basis, 'report');
  assert.equal(dateOf(events('Witnesses saw Serbian troops shelling Kosovo.'), 'shelling')?.basis, 'report');
  assert.equal(dateOf(events('Analysts see Serbian troops shelling Kosovo.'), 'shelling'), null);
});

test('a readiness stated ("was prepared to engage in talks") is dated by the statement; one to come is not', () => {
  const stated = events('The foreign office said it was prepared to hold consultations with Kosovo.');
  assert.equal(dateOf(stated, 'consultations')?.basis, 'report');
  assert.equal(dateOf(events('Serbia will be ready to hold consultations with Kosovo.'), 'consultations'), null);
});

test('an event noun is dated by a verb that places it ("which took place on Sunday"), also hung on the clause\'s verb', () => {
  const list = events('Albania condemned the attack on Kosovo, which happened on Sunday.');
  assert.equal(dateOf(list, 'attack')?.value, '2024-03-10');
  // The condemnation is not what happened on Sunday.
  assert.equal(dateOf(list, 'condemned')?.basis, 'report');
});

test('a definite event noun takes the date of the act it names again, past another act by others', () => {
  const text = 'Serbia attacked Kosovo on Monday.\n\nGreece called for calm. Russia attacked Ukraine. Serbia\'s attack on Kosovo killed ten people.';
  const list = events(text);
  const attack = list.find((e) => e.trigger.text === 'attack');
  assert.deepEqual(attack?.date, { value: '2024-03-11', text: 'Monday', basis: 'context' });
  // What the attack did happened when it did.
  assert.equal(dateOf(list, 'killed')?.value, '2024-03-11');
});

test('a definite event noun whose nearest act of its type is dated by the report alone carries nothing', () => {
  const list = events('Serbia attacked Kosovo on Monday.\n\nGreece called for calm. Serbia attacked Kosovo again. Prices rose. The attack on Kosovo killed ten people.');
  assert.equal(list.find((e) => e.trigger.text === 'attack')?.date?.basis, 'report');
});

test('an act in the present perfect over "the N years since …" is dated by the span\'s start, counted back from the report', () => {
  const list = events('Greece has trained 5,000 Ukrainian cadets during the three years since the launch of its programme.');
  assert.deepEqual(dateOf(list, 'trained'), { value: '2021', text: 'the three years', basis: 'stated' });
  // No "since", or no perfect tying the span to now: the report's date as before.
  assert.equal(dateOf(events('Serbia has detained 40 people over the past two weeks.'), 'detained')?.basis, 'report');
  assert.equal(dateOf(events('Greece trained 5,000 Ukrainian cadets during the three years since the launch of its programme.'), 'trained')?.basis, 'report');
});

test('a time inside an "after"/"before" phrase does not date an act outside it, whatever the parse', () => {
  const after = events('Two days after Serbia attacked Kosovo on Monday, Albania condemned the attack.');
  assert.equal(dateOf(after, 'attacked')?.value, '2024-03-11');
  assert.notEqual(dateOf(after, 'condemned')?.value, '2024-03-11');
  const before = events('Serbia attacked Kosovo last month, weeks before Albania sanctioned Russia.');
  assert.equal(dateOf(before, 'attacked')?.value, '2024-02');
  assert.notEqual(dateOf(before, 'sanctioned')?.value, '2024-02');
  // A phrase with no verb of its own places the act it is on.
  assert.equal(dateOf(events('Serbian troops attacked Kosovo shortly after midnight on Monday.'), 'attacked')?.value, '2024-03-11');
  assert.equal(dateOf(events('Serbian troops crossed into Kosovo before dawn on Sunday.'), 'crossed')?.value, '2024-03-10');
});
