import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, EntityType, Quote, Stance } from '../model/types.js';
import { Doc } from '../nlp/doc.js';
import { extractEvents } from './events.js';
import { extractStances } from './stance.js';
import { emptyKnowledgeBase } from '../kb/load.js';

const kb = emptyKnowledgeBase();

function entitiesIn(text: string, forms: Record<string, [string, string, EntityType]>): Entity[] {
  const byId = new Map<string, Entity>();
  for (const [surface, [id, name, type]] of Object.entries(forms)) {
    let e = byId.get(id);
    if (!e) byId.set(id, (e = { id, name, type, kbId: null, wikidata: null, aliases: [], mentions: [] }));
    for (const m of text.matchAll(new RegExp(`\\b${surface}\\b`, 'g'))) e.mentions.push({ start: m.index!, end: m.index! + surface.length, text: surface });
  }
  return [...byId.values()].filter((e) => e.mentions.length);
}

const ACTORS: Record<string, [string, string, EntityType]> = {
  Serbia: ['e1', 'Serbia', 'GPE'], Belgrade: ['e1', 'Serbia', 'GPE'], NATO: ['e2', 'NATO', 'ORG'],
  Russia: ['e3', 'Russia', 'GPE'], Moscow: ['e3', 'Russia', 'GPE'], Kosovo: ['e4', 'Kosovo', 'GPE'],
  Putin: ['e5', 'Vladimir Putin', 'PERSON'], 'Republika Srpska': ['e6', 'Republika Srpska', 'GPE'],
  Bosnia: ['e7', 'Bosnia and Herzegovina', 'GPE'], Hoxha: ['e8', 'Ana Hoxha', 'PERSON'], 'EU': ['e9', 'EU', 'ORG'],
};

function stances(text: string, opts: { quotes?: Quote[]; date?: string } = {}): Stance[] {
  const doc = new Doc(text);
  const entities = entitiesIn(text, ACTORS);
  const ctx = { kb, date: opts.date ?? '2023-03-01' };
  const prior = { entities, times: [], quotes: opts.quotes ?? [] };
  const events = extractEvents(doc, ctx, prior);
  return extractStances(doc, ctx, { ...prior, events });
}

const brief = (list: Stance[]) => list.map((s) => `${s.holder} ${s.polarity} ${s.topic}`).sort();

test('military neutrality is a neutral stance on NATO membership, held by its possessor', () => {
  const list = stances("The alliance says it respects Serbia's commitment to military neutrality.");
  assert.deepEqual(brief(list), ['e1 neutral NATO membership']);
  assert.equal(list[0]!.date, '2023-03-01');
});

test('rejecting membership opposes it; the subject holds the stance', () => {
  assert.deepEqual(brief(stances('Republika Srpska firmly rejects membership of Bosnia in NATO.')), ['e6 oppose NATO membership']);
});

test('aspiring to join is support for membership, and the EU is told apart from NATO', () => {
  assert.deepEqual(brief(stances('Kosovo aspires to join NATO one day.')), ['e4 support NATO membership']);
  assert.deepEqual(brief(stances('Kosovo wants to join the European Union soon.')), ['e4 support EU membership']);
});

test('sanctions: imposed oppose Russia, not imposed is neutral', () => {
  assert.deepEqual(brief(stances('Kosovo imposed sanctions against Russia last spring.')), ['e4 oppose Russia']);
  assert.deepEqual(brief(stances('Serbia has not introduced sanctions against Russia.')), ['e1 neutral Russia']);
});

test('solidarity with Putin is support for Russia', () => {
  assert.deepEqual(brief(stances('Belgrade showed solidarity with Putin that week.')), ['e1 support Russia']);
});

test('inside a quote the speaker holds the stance', () => {
  const text = 'Hoxha spoke plainly. "Our path is the Euro-Atlantic path," she said.';
  const start = text.indexOf('Our');
  const quotes: Quote[] = [{ id: 'q1', text: 'Our path is the Euro-Atlantic path,', start, end: start + 35, direct: true, speaker: 'e8', speakerText: 'she' }];
  assert.deepEqual(brief(stances(text, { quotes })), ['e8 support NATO membership']);
});

test('a sentence with no cue and no event aimed at a topic gives no stance', () => {
  assert.deepEqual(stances('Serbia held local elections in the spring.'), []);
});

const full = (list: Stance[]) => list.map((s) => `${s.holder} ${s.polarity} ${s.label}`).sort();

test('a membership stance names whose membership: the possessor, the "of", or the one to join', () => {
  assert.deepEqual(full(stances('Republika Srpska firmly rejects membership of Bosnia in NATO.')), ['e6 oppose Bosnia and Herzegovina\'s NATO membership']);
  assert.deepEqual(full(stances("Moscow opposes Bosnia's NATO membership.")), ['e3 oppose Bosnia and Herzegovina\'s NATO membership']);
  assert.deepEqual(full(stances('Serbia backs Kosovo joining the European Union.')), ['e1 support Kosovo\'s EU membership']);
  assert.deepEqual(full(stances('Putin warned against Bosnia joining NATO.')), ['e5 oppose Bosnia and Herzegovina\'s NATO membership']);
});

test("without another state named, the membership is the holder's own", () => {
  const [s] = stances('Kosovo aspires to join NATO one day.');
  assert.equal(s!.object, 'e4');
  assert.equal(s!.label, "Kosovo's NATO membership");
  assert.deepEqual(full(stances("The alliance says it respects Serbia's commitment to military neutrality.")), ["e1 neutral Serbia's NATO membership"]);
});

test('a stance on an actor names the actor as the document does', () => {
  const [s] = stances('Kosovo imposed sanctions against Moscow last spring.');
  assert.equal(s!.object, 'e3');
  assert.equal(s!.label, 'Russia');
});

test('a person who holds no state is left without an object rather than given a wrong one', () => {
  const [s] = stances('Hoxha wants to join NATO.');
  assert.equal(s!.topic, 'NATO membership');
  assert.equal(s!.object, null);
  assert.equal(s!.label, 'NATO membership');
});

test("an opposition to another state's joining is the possessor's, about that state's membership", () => {
  assert.deepEqual(full(stances("Putin cited Russia's opposition to Bosnia's potential NATO membership.")), ["e3 oppose Bosnia and Herzegovina's NATO membership"]);
});
