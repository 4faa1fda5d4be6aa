import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../nlp/doc.js';
import { extractTimes } from './times.js';
import { emptyKnowledgeBase } from '../kb/load.js';

const kb = emptyKnowledgeBase();

/** `text=value` for every time found, in order. */
function times(text: string, date: string | null = '2022-06-30'): string[] {
  return extractTimes(new Doc(text), { kb, date }, {}).map((t) => `${t.text}=${t.value}`);
}

test('spans index the original text exactly', () => {
  const text = 'Ministers in Niš met on 24 February 2022 and again last May.';
  for (const t of extractTimes(new Doc(text), { kb, date: '2022-06-30' }, {})) {
    assert.equal(text.slice(t.start, t.end), t.text);
  }
});

test('calendar dates in the usual news forms', () => {
  assert.deepEqual(times('The column crossed the border on Feb. 24, 2022 before dawn.'), ['Feb. 24, 2022=2022-02-24']);
  assert.deepEqual(times('It was signed on 24 February 2022 in a hurry.'), ['24 February 2022=2022-02-24']);
  assert.deepEqual(times('The ceasefire was agreed on 2021-11-03.'), ['2021-11-03=2021-11-03']);
  assert.deepEqual(times('The envoy wrote to them in November 2023.'), ['November 2023=2023-11']);
});

test('a month and day without a year take the report year, past or future by the clause', () => {
  assert.deepEqual(times('On February 19 the patrols doubled.', '2022-02-24'), ['February 19=2022-02-19']);
  assert.deepEqual(times('The envoy will return on January 10.', '2022-12-20'), ['January 10=2023-01-10']);
  assert.deepEqual(times('Talks resumed on December 28.', '2023-01-05'), ['December 28=2022-12-28']);
});

test('"last May" is never ahead of the report date; "this February" is the report year', () => {
  assert.deepEqual(times('The delegation came last May.', '2022-06-30'), ['last May=2022-05']);
  assert.deepEqual(times('The delegation came last May.', '2022-05-20'), ['last May=2021-05']);
  assert.deepEqual(times('The delegation came last July.', '2024-02-20'), ['last July=2023-07']);
  assert.deepEqual(times('A second visit followed this February.', '2024-02-20'), ['this February=2024-02']);
});

test('a bare month is the latest one, unless the clause looks forward', () => {
  assert.deepEqual(times('The drills took place in March.', '2022-06-30'), ['March=2022-03']);
  assert.deepEqual(times('The drills took place in August.', '2022-06-30'), ['August=2021-08']);
  assert.deepEqual(times('The drills will take place in March.', '2022-06-30'), ['March=2023-03']);
  assert.deepEqual(times('Parliament voted in early December.', '2023-01-10'), ['early December=2022-12']);
});

test('years, decades and year ranges', () => {
  assert.deepEqual(times('The army has stayed neutral since 2006.'), ['2006=2006']);
  assert.deepEqual(times('The bombing came in 1999, after talks failed.'), ['1999=1999']);
  assert.deepEqual(times('Leaders gathered at the 2022 Madrid Summit.'), ['2022=2022']);
  assert.deepEqual(times('In the 1990s the region was at war.'), ['the 1990s=199X']);
  assert.deepEqual(times('The league ran the 1957-58 season twice.'), ['1957=1957', '58=1958']);
  assert.deepEqual(times('Growth slowed in mid-2023 and early 2022.'), ['mid-2023=2023', 'early 2022=2022']);
});

test('relative units count from the report date', () => {
  assert.deepEqual(times('Exports fell last year, rose this month and dipped last month.'), [
    'last year=2021', 'this month=2022-06', 'last month=2022-05',
  ]);
  assert.deepEqual(times('A deal is due by the end of the year.'), ['the end of the year=2022']);
  assert.deepEqual(times('It opened three years ago.'), ['three years ago=2019']);
  // A week has no value format of its own: it is given as the month that holds it.
  assert.deepEqual(times('The envoy arrived last week.'), ['last week=2022-06']);
});

test('weekdays and deictic days', () => {
  // 2022-06-30 is a Thursday.
  assert.deepEqual(times('The minister spoke on Wednesday.'), ['Wednesday=2022-06-29']);
  assert.deepEqual(times('The minister spoke on Thursday.'), ['Thursday=2022-06-30']);
  assert.deepEqual(times('The minister will speak on Monday.'), ['Monday=2022-07-04']);
  assert.deepEqual(times('She landed yesterday and flies home today.'), ['yesterday=2022-06-29', 'today=2022-06-30']);
  assert.deepEqual(times('Markets were closed for Good Friday.'), []);
  assert.deepEqual(times('The board meets on a Monday each quarter.'), []);
});

test('an offset from a date, and anaphora counted from the previous time', () => {
  assert.deepEqual(times('Three days after February 24 the first convoy left.'), ['Three days after February 24=2022-02-27']);
  assert.deepEqual(times('The unit deployed in March 2019. Two years later it came home.'), [
    'March 2019=2019-03', 'Two years later=2021',
  ]);
  // A month cannot be counted from a bare year.
  assert.deepEqual(times('The treaty dates from 1995. Later that month it was ratified.'), ['1995=1995', 'Later that month=null']);
});

test('durations, counts and numbers in names are not times', () => {
  assert.deepEqual(times('The mission has run for several years with 1,600 activities.'), []);
  assert.deepEqual(times('Only 93 NATO troops remained under Resolution 1244.'), []);
  assert.deepEqual(times('For more than 17 years, two decades almost, the base stayed open.'), []);
  assert.deepEqual(times('Another 2000 troops were sent to the border.'), []);
  assert.deepEqual(times('The Agenda 2030 plan was shelved; Theresa May spoke.'), []);
  assert.deepEqual(times('They cited a 2009 analysis of the budget.'), ['2009=2009']);
});

test('without a report date, relative expressions have no value but absolute ones resolve', () => {
  assert.deepEqual(times('Talks failed last May and resumed on 3 March 2023.', null), ['last May=null', '3 March 2023=2023-03-03']);
  assert.deepEqual(times('Nothing moved in 2014 or yesterday.', null), ['2014=2014', 'yesterday=null']);
});

test('granularity follows the value', () => {
  const found = extractTimes(new Doc('In the 1990s, in 2022, in May 2022 and on 5 May 2022.'), { kb, date: '2022-06-30' }, {});
  assert.deepEqual(found.map((t) => t.granularity), ['decade', 'year', 'month', 'day']);
});

test('an anaphor counts from the story time, not from an aside read off the report date', () => {
  assert.deepEqual(
    times('On March 3, the mayor, who was re-elected this month, promised new buses. Later that month the first ones arrived.', '2024-05-20'),
    ['March 3=2024-03-03', 'this month=2024-05', 'Later that month=2024-03'],
  );
  assert.deepEqual(times('The talks opened on Monday. Two days later they collapsed.', '2024-05-22'), ['Monday=2024-05-20', 'Two days later=2024-05-22']);
});
