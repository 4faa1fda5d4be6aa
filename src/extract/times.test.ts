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
  // Weeks are ISO weeks (2022-06-30 is a Thursday of week 26).
  assert.deepEqual(times('The envoy arrived last week.'), ['last week=2022-W25']);
  assert.deepEqual(times('The envoy arrives this week.'), ['this week=2022-W26']);
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

test('a month takes the year the words after it name: "December last year", "June of that year"', () => {
  assert.deepEqual(times('The regime fell in December last year.', '2025-12-11'), ['December=2024-12', 'last year=2024']);
  assert.deepEqual(times('The border opened on 4 March this year.', '2025-12-11'), ['4 March=2025-03-04', 'this year=2025']);
  assert.deepEqual(times('The war began in February 2022. In June of that year the bloc opened talks, and signed a deal two years later.', '2025-09-29'), [
    'February 2022=2022-02', 'June=2022-06', 'that year=2022', 'two years later=2024',
  ]);
});

test('seasons are TimeML season values; a bare "in the summer" is the latest one unless the clause looks forward', () => {
  assert.deepEqual(times('The vote was held in the summer.', '2020-09-29'), ['the summer=2020-SU']);
  assert.deepEqual(times('The vote will be held in the summer.', '2020-09-29'), ['the summer=2021-SU']);
  assert.deepEqual(times('The dam burst last summer.', '2020-03-10'), ['last summer=2019-SU']);
  assert.deepEqual(times('The port was rebuilt in the spring of 2012.'), ['the spring of 2012=2012-SP']);
  assert.deepEqual(times('Since the fall of the city, nothing moved.'), []);
});

test('a month at the start of a sentence before a name is still a month', () => {
  assert.deepEqual(times('In August General Moreau dismissed the cabinet.', '2025-11-20'), ['August=2025-08']);
  assert.deepEqual(times('In November Mr Petrov toured the front.', '2025-12-11'), ['November=2025-11']);
  assert.deepEqual(times('Crowds gathered for May Day.', '2025-12-11'), []);
});

test('"on election day" is the day the text gave the vote', () => {
  assert.deepEqual(times('Voters went to the polls on October 4th. On election day, queues formed early.', '2026-10-06'), [
    'October 4th=2026-10-04', 'election day=2026-10-04',
  ]);
  assert.deepEqual(times('On election day, queues formed early.', '2026-10-06'), ['election day=null']);
});

test('the tense of the clause the time dates, read off the parse', () => {
  // A modal looks forward even in a reported clause; a past clause looks back.
  assert.deepEqual(times('The minister said fuel should reach the pumps by 27 January.', '2026-01-19'), ['27 January=2026-01-27']);
  assert.deepEqual(times('If no buyer completes the sale by late March, the deal lapses.', '2026-01-19'), ['late March=2026-03']);
  assert.deepEqual(times('With elections looming in October, the parties argued.', '2018-06-07'), ['October=2018-10']);
  // A month that names a noun: ahead lies what is awaited, else the nearer one.
  assert.deepEqual(times('The result is a warning ahead of October\'s general election.', '2026-02-09'), ['October=2026-10']);
  assert.deepEqual(times('The envoy said they will not accept the results of August\'s disputed election.', '2020-09-29'), ['August=2020-08']);
  assert.deepEqual(times('The campaign for the election on August 30th has been bitter.', '2020-08-29'), ['August 30th=2020-08-30']);
});

test('an infinitive is not a finished participle, and under a present perfect it looks on from now', () => {
  // Report of 2024-03-14: the May and June meant are the coming ones.
  assert.deepEqual(times('A report on the talks, which the envoy wrote with his aides, is due to be published in May.', '2024-03-14'), ['May=2024-05']);
  assert.deepEqual(times('Valmora said it has chosen three firms for the scheme to run through June.', '2024-03-14'), ['June=2024-06']);
  // A bare participle on a noun is still done: "the plan adopted in May".
  assert.deepEqual(times('Tarsk rejected the plan adopted in May.', '2024-03-14'), ['May=2023-05']);
});

test('the end of the year (or month) in a past clause is one that has come: the last one early in the year', () => {
  assert.deepEqual(times('The unrest started in early December and peaked by the end of the year.', '2024-03-14'), ['early December=2023-12', 'the end of the year=2023']);
  assert.deepEqual(times('Valmora said the unrest would end by the end of the year.', '2024-03-14'), ['the end of the year=2024']);
  assert.deepEqual(times('Prices fell at the end of the month.', '2024-03-14'), ['the end of the month=2024-02']);
});
