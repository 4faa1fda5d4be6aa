import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../nlp/doc.js';
import { recognise } from '../entities.js';
import { TEST_KB } from './testkb.js';
import { tidySpan } from './names.js';
import type { NameSpan } from '../../nlp/ner/doc-names.js';
import type { KnowledgeBase } from '../../model/types.js';

const names = (text: string, kb: KnowledgeBase = TEST_KB) => {
  const doc = new Doc(text);
  return recognise(doc, kb).flatMap((e) => e.mentions.map((m) => `${e.type}:${doc.text.slice(m.start, m.end)}:${e.kbId ?? '-'}`));
};

test('multi-word names the KB lacks are kept whole', () => {
  assert.deepEqual(names('The Adriatic Council on Maritime Security published its findings on Tuesday.'),
    ['ORG:Adriatic Council on Maritime Security:-']);
  assert.deepEqual(names('Officials met Teodora Marinescu-Halloway in Vienna.'),
    ['PERSON:Teodora Marinescu-Halloway:-', 'GPE:Vienna:-']);
});

test('a KB match inside a tagged name does not cut it', () => {
  // TEST_KB knows "European Union" and "NATO"; the names around them are one organisation each.
  assert.deepEqual(names('Analysts at the European Union Institute for Security Studies disagreed.'),
    ['ORG:European Union Institute for Security Studies:-']);
  const kb: KnowledgeBase = {
    ...TEST_KB,
    entries: [...TEST_KB.entries, { id: 'european-council', type: 'ORG', name: 'European Council', aliases: [] }],
  };
  const got = names('Analysts at the European Council on Foreign Relations said so.', kb);
  assert.deepEqual(got, ['ORG:European Council on Foreign Relations:-']);
  assert.ok(!got.some((n) => n.startsWith('PERSON')), 'no person "Relations"');
});

test('the KB links what the tagger finds, and its type wins', () => {
  assert.deepEqual(names('Jens Stoltenberg met the Northern Fisheries Board in Brussels.'),
    ['PERSON:Jens Stoltenberg:stoltenberg', 'ORG:Northern Fisheries Board:-', 'GPE:Brussels:brussels']);
});

test('every mention span is exact', () => {
  const text = 'On Monday, Teodora Marinescu-Halloway of the Adriatic Council on Maritime Security told Serbian reporters in Belgrade that NATO would wait.';
  const doc = new Doc(text);
  const ents = recognise(doc, TEST_KB);
  assert.ok(ents.length >= 4);
  for (const e of ents) {
    for (const m of e.mentions) {
      assert.equal(m.text, text.slice(m.start, m.end));
      assert.match(m.text, /^\S(.*\S)?$/, 'no space at either end');
    }
  }
});

test('titles, offices, commas and dates are not part of a tagged name', () => {
  const text = 'Serbian Energy Minister Dubravka Petrovic, Defence Minister Ilse Varga and Australia On Saturday';
  const doc = new Doc(text);
  const span = (from: string, to: string, type: NameSpan['type']): NameSpan => {
    const start = text.indexOf(from);
    const end = text.indexOf(to) + to.length;
    return { start, end, type, tokenStart: doc.tokenIndexAt(start), tokenEnd: doc.tokenIndexAt(end - 1) + 1 };
  };
  const tidy = (s: NameSpan) => tidySpan(doc, s).map((t) => `${t.type}:${text.slice(t.start, t.end)}`);
  assert.deepEqual(tidy(span('Serbian', 'Petrovic', 'PER')), ['PER:Dubravka Petrovic']);
  assert.deepEqual(tidy(span('Dubravka', 'Varga', 'PER')), ['PER:Dubravka Petrovic', 'PER:Ilse Varga']);
  assert.deepEqual(tidy(span('Australia', 'Saturday', 'PLACE')), ['PLACE:Australia']);
});
