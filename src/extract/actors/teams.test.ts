import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../nlp/doc.js';
import { recognise } from '../entities.js';
import { defaultKnowledgeBase } from '../../kb/load.js';

const kb = defaultKnowledgeBase();
const names = (text: string) => {
  const doc = new Doc(text);
  return recognise(doc, kb).flatMap((e) => e.mentions.map((m) => `${e.type}:${m.kind}:${doc.text.slice(m.start, m.end)}:${e.kbId ?? '-'}`));
};

test('states that play a match are teams, not states', () => {
  const got = names('Sweden defeated Norway 2 – 1 on Sunday; Austria lost 0-3 to Hungary.');
  for (const n of ['Sweden', 'Norway', 'Austria', 'Hungary']) assert.ok(got.includes(`ORG:metonym:${n}:-`), `${n} a team in ${got.join(', ')}`);
});

test('in a report of results every use of a side is the team, except where it is the place', () => {
  const got = names('Norway beat Denmark 3-0. Denmark drew 1-1 with Austria in Norway. Denmark\'s coach blamed the pitch.');
  assert.ok(got.includes('ORG:metonym:Denmark:-'));
  assert.equal(got.filter((n) => n === 'ORG:metonym:Denmark:-').length, 3, got.join(', '));
  assert.ok(got.includes('GPE:name:Norway:norway'), 'in Norway is the place');
});

test('a score alone, a date range or a single result in a story of states changes nothing else', () => {
  assert.ok(names('Talks between Serbia and Kosovo resumed on August 15-16 in Brussels.').includes('GPE:name:Serbia:serbia'));
  // A range of numbers with no match's word: no result.
  assert.ok(names('Children aged 8-10 were surveyed in Slovakia, Austria and Hungary.').includes('GPE:name:Hungary:hungary'));
  const got = names('Serbia beat Albania 2-0 in a qualifier. Serbia and Albania signed a border agreement on Monday.');
  assert.ok(got.includes('ORG:metonym:Serbia:-'), got.join(', '));
  assert.ok(got.includes('GPE:name:Serbia:serbia'), 'the state in the next sentence');
});
