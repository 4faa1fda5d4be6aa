/**
 * The name tagger's gazetteer: lower-cased phrases of known names (the bundled KB's names, aliases and demonyms,
 * and the Phoenix actor dictionaries, data/gazetteer/) with the kinds of name each is. It is a feature of the
 * tagger, not a decision: the weights learn how far a match of each kind is to be trusted next to the word's
 * shape and context. The phrases travel inside the NER model file, so the tagger sees the gazetteer it was
 * trained with whatever KB a user loads.
 */

/** Kinds of name, as bits: one phrase can be several ("Georgia" is a place and a person's given name). */
export const GAZ_PERSON = 1;
export const GAZ_ORG = 2;
export const GAZ_PLACE = 4;
export const GAZ_NORP = 8;
export const GAZ_OTHER = 16;

/** Longest phrase matched, in words. */
export const GAZ_MAX_WORDS = 6;

export class Gazetteer {
  private readonly phrases: ReadonlyMap<string, number>;
  /**
   * The word-prefixes of the phrases of two words or more ("bank of" for "bank of england"), built on first
   * match: a match stops growing once its words begin no phrase, instead of trying every length up to the most.
   */
  private prefixes: Set<string> | null = null;

  constructor(phrases: ReadonlyMap<string, number>) {
    this.phrases = phrases;
  }

  private prefixSet(): Set<string> {
    if (this.prefixes) return this.prefixes;
    const out = new Set<string>();
    for (const phrase of this.phrases.keys()) {
      for (let at = phrase.indexOf(' '); at > 0; at = phrase.indexOf(' ', at + 1)) out.add(phrase.slice(0, at));
    }
    return (this.prefixes = out);
  }

  get size(): number {
    return this.phrases.size;
  }

  /**
   * For each word of a sentence (lower-cased forms), the longest gazetteer phrase covering it, greedily from the
   * left: `kind` holds the phrase's kind bits and `part` the word's place in it (1 begin, 2 inside, 3 last,
   * 4 a one-word phrase; 0 no match).
   */
  match(lower: readonly string[]): { kind: Uint8Array; part: Uint8Array } {
    const n = lower.length;
    const kind = new Uint8Array(n);
    const part = new Uint8Array(n);
    const prefixes = this.prefixSet();
    for (let i = 0; i < n; ) {
      let found = 0;
      let bits = 0;
      let phrase = '';
      for (let len = 1; len <= GAZ_MAX_WORDS && i + len <= n; len++) {
        phrase = len === 1 ? lower[i]! : `${phrase} ${lower[i + len - 1]!}`;
        const b = this.phrases.get(phrase);
        if (b !== undefined) { found = len; bits = b; }
        if (!prefixes.has(phrase)) break;
      }
      if (!found) { i++; continue; }
      for (let k = 0; k < found; k++) {
        kind[i + k] = bits;
        part[i + k] = found === 1 ? 4 : k === 0 ? 1 : k === found - 1 ? 3 : 2;
      }
      i += found;
    }
    return { kind, part };
  }
}

/** A name as the gazetteer keys it: lower case, single spaces, possessive and edge punctuation kept as written. */
export function gazetteerKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}
