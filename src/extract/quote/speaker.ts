/**
 * From the words that name a speaker to the entity they name: the entity one of whose mentions (after coreference:
 * names, surnames, pronouns, role nominals, interview labels) covers a head of the phrase. A mention of another
 * entity inside the phrase ("NATO" in "the NATO secretary general") does not count: no speaker beats a wrong one.
 */
import type { Entity, Span } from '../../model/types.js';

interface IndexedMention extends Span {
  entity: Entity;
}

export class MentionIndex {
  private readonly mentions: IndexedMention[];

  constructor(entities: readonly Entity[]) {
    this.mentions = [];
    for (const entity of entities) for (const m of entity.mentions) this.mentions.push({ start: m.start, end: m.end, entity });
    this.mentions.sort((a, b) => a.start - b.start);
  }

  /** Entities with a mention covering `span` entirely, longest mention first. */
  covering(span: Span): Entity[] {
    const hits: IndexedMention[] = [];
    // Mentions are short, so only those starting within 200 characters before the span can cover it.
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && this.mentions[k]!.start >= span.start - 200; k--) {
      const m = this.mentions[k]!;
      if (m.end >= span.end) hits.push(m);
    }
    hits.sort((a, b) => b.end - b.start - (a.end - a.start));
    return hits.map((h) => h.entity);
  }

  get size(): number {
    return this.mentions.length;
  }
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/** The entity named by any of the heads; a person wins over an organisation or a state named in the same phrase. */
export function speakerEntity(index: MentionIndex, heads: readonly Span[]): Entity | null {
  let fallback: Entity | null = null;
  for (const head of heads) {
    for (const entity of index.covering(head)) {
      if (!SPEAKER_TYPES.has(entity.type)) continue;
      if (entity.type === 'PERSON') return entity;
      fallback ??= entity;
    }
  }
  return fallback;
}
