import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../nlp/doc.js';
import type { KbEntry, KnowledgeBase } from '../model/types.js';
import { aliasWords, kbMatcher, matchKb } from './matcher.js';

function kbOf(entries: KbEntry[]): KnowledgeBase {
  return { entries, offices: [], byId: new Map(entries.map((e) => [e.id, e])) };
}

const kb = kbOf([
  { id: 'vucic', type: 'PERSON', name: 'Aleksandar Vučić', aliases: ['Vučić', 'Вучић'] },
  { id: 'serbia', type: 'GPE', name: 'Serbia', aliases: ['Republic of Serbia'], demonyms: ['Serbian'] },
  { id: 'bih', type: 'GPE', name: 'Bosnia and Herzegovina', aliases: ['Bosnia', 'BiH', 'Bosnia-Herzegovina'] },
  { id: 'nato', type: 'ORG', name: 'NATO', aliases: ['the Alliance', 'North Atlantic Treaty Organization'] },
  { id: 'usa', type: 'GPE', name: 'United States', aliases: ['US', 'U.S.', 'USA'] },
  { id: 'eu', type: 'ORG', name: 'European Union', aliases: ['EU', 'union'] },
]);

const found = (text: string) =>
  matchKb(new Doc(text), kb).map((m) => `${text.slice(m.start, m.end)}=${m.entry.id}:${m.kind}`);

test('matches across case, diacritics, possessives and Cyrillic', () => {
  assert.deepEqual(found("Vucic met VUČIĆ's aides; Вучић spoke."), ['Vucic=vucic:alias', 'VUČIĆ=vucic:alias', 'Вучић=vucic:alias']);
});

test('prefers the longest alias and never overlaps', () => {
  assert.deepEqual(found('Troops left Bosnia and Herzegovina and the Republic of Serbia.'), [
    'Bosnia and Herzegovina=bih:name',
    'Republic of Serbia=serbia:alias',
  ]);
  assert.deepEqual(found('In Bosnia-Herzegovina today.'), ['Bosnia-Herzegovina=bih:alias']);
});

test('demonyms match as demonyms', () => {
  assert.deepEqual(found('A Serbian official spoke.'), ['Serbian=serbia:demonym']);
});

test('short acronyms need upper case; common-word aliases need their capital', () => {
  assert.deepEqual(found('Let us talk to the US and the U.S. envoy.'), ['US=usa:alias', 'U.S.=usa:alias']);
  assert.deepEqual(found('He said the alliance and the Alliance differ.'), ['the Alliance=nato:alias']);
  assert.deepEqual(found('A trade union met the Union and Nato.'), ['Union=eu:alias', 'Nato=nato:name']);
});

test('the automaton is built once per knowledge base', () => {
  assert.equal(kbMatcher(kb), kbMatcher(kb));
  assert.deepEqual(aliasWords("Vučić's").map((w) => w.key), ['vucic']);
});

test('a former union named by its members is matched only by its other names', () => {
  const kb = {
    entries: [
      { id: 'a', type: 'GPE' as const, kind: 'state', name: 'Arvia', aliases: [] },
      { id: 'b', type: 'GPE' as const, kind: 'state', name: 'Belmar', aliases: [] },
      { id: 'ab', type: 'GPE' as const, kind: 'historical-state', name: 'Arvia and Belmar', aliases: ['State Union of Arvia and Belmar'] },
    ],
    offices: [],
    byId: new Map(),
  };
  const hits = (text: string) => matchKb(new Doc(text), kb).map((m) => m.entry.id);
  assert.deepEqual(hits('Troops went to Arvia and Belmar.'), ['a', 'b']);
  assert.deepEqual(hits('The State Union of Arvia and Belmar ended.'), ['ab']);
});

test('an apostrophe inside a word and a possessive inside a name are matched as the text writes them', () => {
  const kb2 = kbOf([
    { id: 'valmora', type: 'GPE', name: "Côte d'Valmora", aliases: [] },
    { id: 'tarsk-army', type: 'ORG', name: "Tarsk People's Army", aliases: ["Tarsk's Army"] },
    { id: 'tarsk', type: 'GPE', name: 'Tarsk', aliases: [] },
  ]);
  const got = (text: string) => matchKb(new Doc(text), kb2).map((m) => `${text.slice(m.start, m.end)}=${m.entry.id}`);
  assert.deepEqual(got('Troops of the Tarsk People’s Army entered Côte d’Valmora.'), ["Tarsk People’s Army=tarsk-army", "Côte d’Valmora=valmora"]);
  // A possessive that ends an alias is not required of the text, and the text's own possessive stays outside.
  assert.deepEqual(aliasWords("Tarsk's").map((w) => w.key), ['tarsk']);
  assert.deepEqual(got("Tarsk's Army and Tarsk's envoy."), ["Tarsk's Army=tarsk-army", 'Tarsk=tarsk']);
});
