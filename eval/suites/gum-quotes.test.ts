import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMarked, joinContinued, normalizeSpan, readGumXml } from './gum-quotes.js';

test('a quote GUM splits at sentence ends is read as one; a new mark opens a new quote', () => {
  const text = '"We won. We will win again." Then: "Next year."';
  const first = { start: 0, end: 8 };
  const second = { start: 9, end: 28 };
  const third = { start: 35, end: 47 };
  assert.deepEqual(joinContinued(text, [first, second, third]), [{ start: 0, end: 28 }, third]);
});

test('a span on the next line (a caption repeating the words) is a quote of its own', () => {
  const text = '"We won the cup," said the coach.\nWe won the cup.';
  const first = { start: 0, end: 17 };
  const caption = { start: 34, end: 49 };
  assert.deepEqual(joinContinued(text, [first, caption]), [first, caption]);
});

test('a translator\'s note after the closing mark is not part of the quoted words', () => {
  const text = 'The minister said "the ruling is unfair" ((it)).';
  const gold = { start: text.indexOf('"the'), end: text.indexOf('((it))') + 6 };
  const ours = { start: text.indexOf('the ruling'), end: text.indexOf('unfair') + 6 };
  assert.deepEqual(normalizeSpan(text, gold), normalizeSpan(text, ours));
});

test('a turn after a paragraph that ends with a closing mark is not a marked quote', () => {
  const text = 'He read us the line, "we will see."\nWhat did you make of it?\n"A fine line," she said.';
  const turn = { id: 'q1', text: '', start: text.indexOf('What'), end: text.indexOf('it?') + 3, direct: true, speaker: null, speakerText: null };
  const marked = { ...turn, start: text.indexOf('A fine'), end: text.indexOf('line,"') + 4 };
  assert.equal(isMarked(text, turn), false);
  assert.equal(isMarked(text, marked), true);
});

test('a speaker id GUM misspells is read as the speaker the text names', () => {
  const xml = '<text>\n<sp who="#JackHarris">\n<s type="decl">\nHello\t_\n</s>\n</sp>\n</text>';
  assert.equal(readGumXml('GUM_interview_herrick', xml).sentences[0]!.who, '#JackHerrick');
  assert.equal(readGumXml('GUM_interview_other', xml).sentences[0]!.who, '#JackHarris');
});

test('straight marks are spaced by their tag, so a quote nested in the same marks reads as printed', () => {
  const row = (word: string, tag: string) => `${word}\t${tag}\t${word}\tX\tX\tx\t_`;
  const xml = ['<text>', '<s type="decl">', row('"', '``'), row('It', 'PP'), row('is', 'VBZ'), row('"', '``'), row('new', 'JJ'), row('"', "''"), row(',', ','), row('right', 'RB'), row('?', 'SENT'), row('"', "''"), '</s>', '</text>'].join('\n');
  assert.equal(readGumXml('x', xml).text, '"It is "new", right?"');
});
