/**
 * Entity mentions laid over the Doc's tokens, so that the event and stance rules can ask "which actor does this
 * token belong to" in constant time. Built once per document from the entities layer.
 */
import type { Entity, EntityType, MentionKind } from '../../model/types.js';
import type { Doc } from '../../nlp/doc.js';

export interface TokenMention {
  entityId: string;
  type: EntityType;
  kind: MentionKind | undefined;
  /** Token indices of the mention's first and last token, inclusive. */
  first: number;
  last: number;
}

/** Entity types that can act or be acted upon. */
export const ACTOR_TYPES = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'NORP']);
/** Entity types that can be where an event happens. */
export const PLACE_TYPES = new Set<EntityType>(['GPE', 'LOC', 'FAC']);

export class MentionIndex {
  readonly byToken: (TokenMention | undefined)[];
  readonly list: TokenMention[];

  constructor(doc: Doc, entities: readonly Entity[]) {
    this.byToken = new Array(doc.tokens.length);
    const all: TokenMention[] = [];
    for (const e of entities) {
      for (const m of e.mentions) {
        if (m.end <= m.start) continue;
        const first = doc.tokenIndexAt(m.start);
        const last = doc.tokenIndexAt(m.end - 1);
        if (first >= doc.tokens.length || last < first) continue;
        all.push({ entityId: e.id, type: e.type, kind: m.kind, first, last });
      }
    }
    // Longer mentions claim their tokens first, so "the NATO Alliance" wins over a nested "NATO".
    all.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
    this.list = [];
    for (const m of all) {
      let free = true;
      for (let i = m.first; i <= m.last; i++) if (this.byToken[i]) free = false;
      if (!free) continue;
      for (let i = m.first; i <= m.last; i++) this.byToken[i] = m;
      this.list.push(m);
    }
    this.list.sort((a, b) => a.first - b.first);
  }

  at(tokenIndex: number): TokenMention | undefined {
    return this.byToken[tokenIndex];
  }
}
