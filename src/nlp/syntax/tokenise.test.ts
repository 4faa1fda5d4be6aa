import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../doc.js';
import { modelForm, udWords, type UdWord } from './tokenise.js';

/** The words of every sentence of a text (sentences written for these tests). */
function words(text: string): UdWord[] {
  const doc = new Doc(text);
  const out = doc.sentences.flatMap((_, i) => udWords(doc.text, doc.sentenceTokens(i)));
  for (const w of out) {
    assert.equal(text.slice(w.start, w.end), w.text, `offsets of ${w.text}`);
    const t = doc.tokens[w.token]!;
    assert.ok(t.start <= w.start && w.start < t.end, `${w.text} starts inside its token ${t.text}`);
  }
  return out;
}
const texts = (text: string) => words(text).map((w) => w.text);

test('clitics are words of their own, as EWT has them', () => {
  assert.deepEqual(texts("We don't know why they can't or won't sign, and I'm sure we'll ask."),
    ['We', 'do', "n't", 'know', 'why', 'they', 'ca', "n't", 'or', 'wo', "n't", 'sign', ',', 'and', 'I', "'m", 'sure', 'we', "'ll", 'ask', '.']);
  assert.deepEqual(texts("Serbia's envoy said they'd've gone if they're asked."),
    ['Serbia', "'s", 'envoy', 'said', 'they', "'d", "'ve", 'gone', 'if', 'they', "'re", 'asked', '.']);
});

test('contractions written without an apostrophe split as EWT splits them', () => {
  assert.deepEqual(texts('The mayor cannot say if they are gonna vote or wanna wait.'),
    ['The', 'mayor', 'can', 'not', 'say', 'if', 'they', 'are', 'gon', 'na', 'vote', 'or', 'wan', 'na', 'wait', '.']);
});

test('curly apostrophes keep exact offsets, and the model reads them as straight ones', () => {
  const ws = words('Kosovo’s premier said he isn’t leaving the teachers’ talks.');
  assert.deepEqual(ws.map((w) => w.text), ['Kosovo', '’s', 'premier', 'said', 'he', 'is', 'n’t', 'leaving', 'the', 'teachers', '’', 'talks', '.']);
  assert.deepEqual(ws.map((w) => w.form).filter((f, i) => f !== ws[i]!.text), ["'s", "n't", "'"]);
});

test('contractions form one multiword token; hyphen splits do not', () => {
  const ws = words("They don't back the well-known plan.");
  const byText = (t: string) => ws.findIndex((w) => w.text === t);
  assert.equal(ws[byText('do')]!.multiword, byText('do'));
  assert.equal(ws[byText("n't")]!.multiword, byText('do'));
  assert.equal(ws[byText('They')]!.multiword, -1);
  assert.deepEqual(ws.slice(byText('well'), byText('well') + 3).map((w) => [w.text, w.multiword, w.spaceAfter]),
    [['well', -1, false], ['-', -1, false], ['known', -1, true]]);
});

test('hyphens: compounds and ranges split, prefixes, phone numbers and codes stay whole', () => {
  assert.deepEqual(texts('The anti-war group sent an e-mail about the 2020–21 budget and the 20-year-old pro-Russian leader.'),
    ['The', 'anti-war', 'group', 'sent', 'an', 'e-mail', 'about', 'the', '2020', '–', '21', 'budget', 'and', 'the', '20', '-', 'year',
      '-', 'old', 'pro-Russian', 'leader', '.']);
  assert.deepEqual(texts('A so-called deal ended 3-2 after the F-16 call to 555-0199.'),
    ['A', 'so', '-', 'called', 'deal', 'ended', '3', '-', '2', 'after', 'the', 'F-16', 'call', 'to', '555-0199', '.']);
  // The range's en dash is a hyphen to the model, a dash between words is "--".
  const ws = words('The 2020–21 budget — a first — passed.');
  assert.deepEqual(ws.filter((w) => /[–—]/.test(w.text)).map((w) => w.form), ['-', '--', '--']);
});

test('initialisms stay whole, at the end of a sentence too', () => {
  assert.deepEqual(texts('Troops from the U.S. arrived. U.S. officials met the U.K. envoy in the U.S.'),
    ['Troops', 'from', 'the', 'U.S.', 'arrived', '.', 'U.S.', 'officials', 'met', 'the', 'U.K.', 'envoy', 'in', 'the', 'U.S.']);
});

test('times, amounts and numbers', () => {
  assert.deepEqual(texts('At 5pm the fund paid $1,250,000, or 12% of 3.5 million.'),
    ['At', '5', 'pm', 'the', 'fund', 'paid', '$', '1,250,000', ',', 'or', '12', '%', 'of', '3.5', 'million', '.']);
  assert.deepEqual(texts('Prices of the 1990’s came back!!'), ['Prices', 'of', 'the', '1990’s', 'came', 'back', '!!']);
});

test('addresses stay one word', () => {
  assert.deepEqual(texts('Details are at https://www.example.org/report or from press@example.org today.'),
    ['Details', 'are', 'at', 'https://www.example.org/report', 'or', 'from', 'press@example.org', 'today', '.']);
  // Where wink cuts a host name into pieces inside a sentence, the pieces join again. (Its sentence splitter
  // also breaks at "www." today, so the tokens are given here as wink cuts them.)
  const text = 'Go to www.example.org now';
  const cut = [[0, 2], [3, 5], [6, 9], [9, 10], [10, 17], [17, 18], [18, 21], [22, 25]];
  const tokens = cut.map(([start, end], i) => ({ i, start: start!, end: end!, text: text.slice(start, end), lower: text.slice(start, end).toLowerCase(), pos: 'X' as const, sentence: 0 }));
  assert.deepEqual(udWords(text, tokens).map((w) => [w.text, w.token]), [['Go', 0], ['to', 1], ['www.example.org', 2], ['now', 7]]);
});

test('diacritics and Cyrillic keep exact offsets and their own letters', () => {
  const ws = words('Vučić’s ally met Ђорђе Петровић and Đukanović in Nikšić.');
  assert.deepEqual(ws.map((w) => w.text), ['Vučić', '’s', 'ally', 'met', 'Ђорђе', 'Петровић', 'and', 'Đukanović', 'in', 'Nikšić', '.']);
  assert.equal(ws[4]!.form, 'Ђорђе');
});

test('spaceAfter follows the text', () => {
  const ws = words('“We agree,” she said.');
  assert.deepEqual(ws.map((w) => [w.text, w.spaceAfter]),
    [['“', false], ['We', true], ['agree', false], [',', false], ['”', true], ['she', true], ['said', false], ['.', true]]);
  assert.deepEqual(ws.map((w) => w.form).slice(0, 1), ['"']);
});

test('modelForm normalises typography only', () => {
  assert.equal(modelForm('O’Neill'), "O'Neill");
  assert.equal(modelForm('…'), '...');
  assert.equal(modelForm('—'), '--');
  assert.equal(modelForm('Skopje'), 'Skopje');
});
