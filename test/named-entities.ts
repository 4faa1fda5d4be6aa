/**
 * Entities for extractor tests without the recogniser: every whole-word occurrence of a listed surface form is a
 * name mention of its entity (surface → [id, type]), so a test controls exactly which actors a text has.
 */
import type { Entity, EntityType } from '../src/model/types.js';

export function entitiesNamed(text: string, actors: Record<string, [string, EntityType]>): Entity[] {
  const byId = new Map<string, Entity>();
  for (const [surface, [id, type]] of Object.entries(actors)) {
    for (const m of text.matchAll(new RegExp(`\\b${surface}\\b`, 'g'))) {
      let e = byId.get(id);
      if (!e) byId.set(id, (e = { id, name: id, type, kbId: null, wikidata: null, aliases: [], mentions: [] }));
      e.mentions.push({ start: m.index!, end: m.index! + surface.length, text: surface, kind: 'name' });
    }
  }
  return [...byId.values()];
}
