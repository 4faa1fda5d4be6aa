import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Entity, EntityType, EventRecord, Quote } from '../../model/types.js';
import { Doc } from '../../nlp/doc.js';
import { DEFAULT_MODEL_PATH } from '../../nlp/syntax/model.js';
import { emptyKnowledgeBase } from '../../kb/load.js';
import { extractEvents } from '../events.js';

// Sentences written for these tests. The allegation is read off the parse, so they need the shipped model.
const hasModel = existsSync(DEFAULT_MODEL_PATH);

function entity(text: string, id: string, type: EntityType, surface: string): Entity {
  const mentions = [...text.matchAll(new RegExp(`\\b${surface}\\b`, 'g'))].map((m) => ({ start: m.index!, end: m.index! + surface.length, text: surface, kind: 'name' as const }));
  return { id, name: surface, type, kbId: null, wikidata: null, aliases: [], mentions };
}

function indirect(text: string, quoted: string, speaker: string): Quote {
  const start = text.indexOf(quoted);
  return { id: 'q1', text: quoted, start, end: start + quoted.length, direct: false, speaker, speakerText: null };
}

function eventsOf(text: string, entities: Entity[], quotes: Quote[]): EventRecord[] {
  return extractEvents(new Doc(text), { kb: emptyKnowledgeBase(), date: '2024-03-01' }, { entities, times: [], quotes });
}

test('a speaker saying another actor attacked accuses it, beside the attack it reports', { skip: !hasModel }, () => {
  const text = 'Ukraine said Russia shelled Kharkiv overnight.';
  const entities = [entity(text, 'ua', 'GPE', 'Ukraine'), entity(text, 'ru', 'GPE', 'Russia'), entity(text, 'kh', 'GPE', 'Kharkiv')];
  const events = eventsOf(text, entities, [indirect(text, 'Russia shelled Kharkiv overnight', 'ua')]);
  const assault = events.find((e) => e.type === 'ASSAULT')!;
  assert.equal(assault.source, 'ru');
  const accuse = events.find((e) => e.type === 'ACCUSE')!;
  assert.deepEqual([accuse.source, accuse.target, accuse.trigger.text], ['ua', 'ru', 'said']);
  assert.equal(text.slice(accuse.trigger.start, accuse.trigger.end), 'said');
  assert.deepEqual(events.map((e) => e.id), events.map((_, n) => `v${n + 1}`));
});

test('no accusation of oneself, of one\'s own state, of a denied act, or where the act has no source', { skip: !hasModel }, () => {
  const own = 'Russia said Russia struck Kharkiv.';
  const ents = [entity(own, 'ru', 'GPE', 'Russia'), entity(own, 'kh', 'GPE', 'Kharkiv')];
  // Both mentions of Russia are one entity: the speaker tells of its own act.
  assert.equal(eventsOf(own, ents, [indirect(own, 'Russia struck Kharkiv', 'ru')]).some((e) => e.type === 'ACCUSE'), false);
  const denied = 'Ukraine said Russia did not shell Kharkiv.';
  const ents2 = [entity(denied, 'ua', 'GPE', 'Ukraine'), entity(denied, 'ru', 'GPE', 'Russia'), entity(denied, 'kh', 'GPE', 'Kharkiv')];
  assert.equal(eventsOf(denied, ents2, [indirect(denied, 'Russia did not shell Kharkiv', 'ua')]).some((e) => e.type === 'ACCUSE'), false);
});

test('"according to X" makes X the accuser, with "according" as the span', { skip: !hasModel }, () => {
  const text = 'According to Ukraine, Russia shelled Kharkiv.';
  const entities = [entity(text, 'ua', 'GPE', 'Ukraine'), entity(text, 'ru', 'GPE', 'Russia'), entity(text, 'kh', 'GPE', 'Kharkiv')];
  const events = eventsOf(text, entities, [indirect(text, 'Russia shelled Kharkiv', 'ua')]);
  const accuse = events.find((e) => e.type === 'ACCUSE')!;
  assert.deepEqual([accuse.source, accuse.target, accuse.trigger.text], ['ua', 'ru', 'According']);
  // "according to" is not the verb "accord": no agreement is coded.
  assert.equal(events.some((e) => e.type === 'AGREE' || e.type === 'COOPERATE'), false);
});
