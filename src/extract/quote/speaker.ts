/**
 * From the words that name a speaker to the entity they name: the entity one of whose mentions (after coreference:
 * names, surnames, pronouns, role nominals, interview labels) covers a head of the phrase. A mention of another
 * entity inside the phrase ("NATO" in "the NATO secretary general") does not count: no speaker beats a wrong one.
 */
import type { Entity, MentionKind, Span } from '../../model/types.js';

interface IndexedMention extends Span {
  entity: Entity;
  kind: MentionKind | undefined;
  text: string;
}

export class MentionIndex {
  private readonly mentions: IndexedMention[];

  private readonly all: readonly Entity[];

  constructor(entities: readonly Entity[]) {
    this.all = entities;
    this.mentions = [];
    for (const entity of entities) for (const m of entity.mentions) this.mentions.push({ start: m.start, end: m.end, entity, kind: m.kind, text: m.text });
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

  /** Entities with a mention lying inside `span`, longest mention first. */
  within(span: Span): Entity[] {
    const hits = this.mentions.filter((m) => m.start >= span.start && m.end <= span.end);
    hits.sort((a, b) => b.end - b.start - (a.end - a.start));
    return hits.map((h) => h.entity);
  }

  /** Mentions ending before `offset` and starting within `window` characters of it, nearest first. */
  before(offset: number, window: number): IndexedMention[] {
    return this.mentions.filter((m) => m.end <= offset && m.start >= offset - window).sort((a, b) => b.start - a.start);
  }

  entities(): readonly Entity[] {
    return this.all;
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

/** How far back (characters) a role nominal or a surname looks for the entity it names. */
const ANTECEDENT_WINDOW = 1500;
/** Heads of a definite description that fit any organisation ("the group said"). */
const GENERIC_ORG_HEADS = new Set(['group', 'organisation', 'organization', 'movement', 'militia', 'faction', 'outfit', 'coalition', 'body']);
const NAMED_KINDS = new Set(['name', 'alias', undefined]);

interface PhraseWords {
  /** The phrase's words, lower case, in order. */
  words: string[];
  /** The last head's text. */
  head: string;
  headIsCommonNoun: boolean;
  headIsProperNoun: boolean;
  start: number;
}

/**
 * The entity a speaker phrase no mention covers still names, read from the document before it:
 * - a surname ("Mr Tusk") names the one person entity whose name ends in it;
 * - a definite description ("the ministry", "the rebel group") names the nearest organisation before it whose
 *   name holds its head noun ("Defence Ministry"), or, for a head that fits any organisation ("group"), the nearest
 *   organisation the document names more than once.
 * Null when nothing fits; an indefinite phrase ("a U.S. official", "officials") is never resolved.
 */
export function antecedentEntity(index: MentionIndex, phrase: PhraseWords): Entity | null {
  const head = phrase.head.toLowerCase();
  if (phrase.headIsProperNoun) {
    const people = index.entities().filter((e) => e.type === 'PERSON' && e.name.split(/\s+/).length > 1 && e.name.split(/\s+/).pop()!.toLowerCase() === head);
    return people.length === 1 ? people[0]! : null;
  }
  if (!phrase.headIsCommonNoun || !['the', 'its', 'their'].includes(phrase.words[0] ?? '')) return null;
  const before = index.before(phrase.start, ANTECEDENT_WINDOW).filter((m) => m.entity.type === 'ORG' && NAMED_KINDS.has(m.kind));
  const named = before.find((m) => m.entity.name.toLowerCase().split(/\s+/).includes(head) || m.text.toLowerCase().split(/\s+/).includes(head));
  if (named) return named.entity;
  if (!GENERIC_ORG_HEADS.has(head)) return null;
  const salient = before.find((m) => m.entity.mentions.filter((x) => NAMED_KINDS.has(x.kind)).length >= 2);
  return salient?.entity ?? null;
}
