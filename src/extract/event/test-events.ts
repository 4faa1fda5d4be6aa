import { existsSync } from 'node:fs';
import type { Entity, EntityType, EventRecord } from '../../model/types.js';
import { Doc } from '../../nlp/doc.js';
import { DEFAULT_MODEL_PATH } from '../../nlp/syntax/model.js';
import { emptyKnowledgeBase } from '../../kb/load.js';
import { extractEvents } from '../events.js';

/**
 * For the event tests: the events of a sentence written for a test, with the named actors given as entities (each
 * surface form → [id, type], every occurrence a mention), no KB, and the report dated 2024-03-01. The roles are
 * read off the shipped model's parse, so tests skip where the model file is missing (`hasModel`).
 */
export const hasModel = existsSync(DEFAULT_MODEL_PATH);

export function eventsOf(text: string, names: Record<string, [string, EntityType]>): EventRecord[] {
  const entities: Entity[] = Object.entries(names).map(([surface, [id, type]]) => ({
    id, name: surface, type, kbId: null, wikidata: null, aliases: [],
    mentions: [...text.matchAll(new RegExp(`\\b${surface}\\b`, 'g'))].map((m) => ({ start: m.index!, end: m.index! + surface.length, text: surface, kind: 'name' as const })),
  }));
  return extractEvents(new Doc(text), { kb: emptyKnowledgeBase(), date: '2024-03-01' }, { entities, times: [], quotes: [] });
}
