/** Greedy left-to-right tagging with the averaged-perceptron tagger: one joint UPOS+XPOS tag per word. */
import { TAGGER_MAX_FEATURES, TAGGER_WORD_FEATURES, taggerFeatures, type LexAtoms } from './tagger-features.js';
import { hashString } from './hash.js';
import { argmax, type Scorer, type WeightTable } from './weights.js';
import type { SentenceAtoms } from './words.js';

/**
 * Words that (nearly) always take one tag in the training data ("the", "of", "said"): they are tagged from this
 * table without scoring, which skips about half the words of news text. Lower-cased normalised form → tag id.
 * It may carry the tagger's lexicon, so that whoever holds the dictionary tags with the lexicon too.
 */
export type TagDictionary = ReadonlyMap<string, number> & { readonly lexicon?: TagLexicon };

/**
 * The tagger's lexicon: for a lower-cased form, its ambiguity class in the training treebanks ("NOUN NN|VERB VB",
 * the tags it was seen with) and its verb reading in the event dictionary ("VBD VBN" for "froze"). Both are
 * spelled as strings in the model file and become atoms (their hashes) here.
 */
export class TagLexicon {
  private readonly classes: Map<string, number>;
  private readonly verbs: Map<string, number>;

  constructor(classes: Readonly<Record<string, string>>, verbs: Readonly<Record<string, string>>) {
    this.classes = atomMap(classes);
    this.verbs = atomMap(verbs);
  }

  atoms(a: SentenceAtoms): LexAtoms {
    const cls = new Uint32Array(a.n), verb = new Uint32Array(a.n);
    for (let i = 0; i < a.n; i++) {
      const w = a.lowerText[i]!;
      cls[i] = this.classes.get(w) ?? 0;
      verb[i] = this.verbs.get(w) ?? 0;
    }
    return { cls, verb };
  }
}

/** Form → atom of its value; the same value string always gives the same atom, in training and at run time. */
function atomMap(m: Readonly<Record<string, string>>): Map<string, number> {
  const atoms = new Map<string, number>();
  const out = new Map<string, number>();
  for (const w in m) {
    const v = m[w]!;
    let h = atoms.get(v);
    if (h === undefined) atoms.set(v, (h = lexAtom(v)));
    out.set(w, h);
  }
  return out;
}

/** The atom of a lexicon value (never 0, which means "not in the lexicon"). */
export function lexAtom(value: string): number {
  return hashString(value) || 1;
}

/**
 * The summed weights of a word's own features (the first TAGGER_WORD_FEATURES keys: the word, its affixes, shape
 * and flags) in one tagging pass, per word form. Those features come first, so the rest of a word's score adds
 * onto the cached sum exactly as it would onto the freshly summed one: the tags are the same floats' argmax
 * either way. Keyed by the normalised form (and whether it starts the sentence, which is one of its flags) and
 * bounded: when full it is emptied, so what it returns never depends on what was tagged before. 8,192 forms
 * (3.5 MB for 108 tags) answer about 4 in 5 of the words scored in EWT train and test.
 */
export class WordScoreCache {
  /** Form → offset of its sums in `sums`, for words that start a sentence and for the others. */
  private readonly first = new Map<string, number>();
  private readonly other = new Map<string, number>();
  /** One slab of nClasses floats per cached form (no typed array per entry). */
  private readonly sums: Float32Array;
  private used = 0;

  constructor(readonly table: WeightTable, private readonly limit = 8192) {
    this.sums = new Float32Array(limit * table.nClasses);
  }

  /** Sets `scores` to the summed weights of the word's own features (keys[0..TAGGER_WORD_FEATURES)). */
  wordScores(form: string, first: boolean, keys: Uint32Array, scores: Float32Array): void {
    const map = first ? this.first : this.other;
    const C = this.table.nClasses;
    const sums = this.sums;
    let at = map.get(form);
    if (at === undefined) {
      if (this.used === this.limit) {
        this.first.clear();
        this.other.clear();
        this.used = 0;
      }
      at = this.used++ * C;
      scores.fill(0);
      this.table.add(keys, 0, TAGGER_WORD_FEATURES, scores);
      for (let c = 0; c < C; c++) sums[at + c] = scores[c]!;
      map.set(form, at);
      return;
    }
    for (let c = 0; c < C; c++) scores[c] = sums[at + c]!;
  }
}

// Scratch space of every call, reused: it holds nothing between calls (tagging is synchronous).
const KEYS = new Uint32Array(TAGGER_MAX_FEATURES);
let scratch = new Float32Array(0);

/**
 * Tags a word may take, where something is known: `masks[i]`, when set, has 1 for each tag word i may take. The
 * Doc binds the words of names the entity step found ("Beijing" at the head of a sentence is a name, not a
 * gerund), and the tagger picks its best tag among those allowed.
 */
export interface TagConstraint {
  masks: readonly (Uint8Array | undefined)[];
}

/**
 * With `ahead` (the first pass's tags), this is the second pass, which also sees the tags to the right. With a
 * cache (of the scorer's own table), a word's own features are summed once per form.
 */
export function tagSentence(scorer: Scorer, a: SentenceAtoms, ahead?: ArrayLike<number>, dict?: TagDictionary,
  cache?: WordScoreCache, constraint?: TagConstraint, lex: LexAtoms | undefined = dict?.lexicon?.atoms(a)): Int32Array {
  const tags = new Int32Array(a.n);
  if (scratch.length !== scorer.nClasses) scratch = new Float32Array(scorer.nClasses);
  const scores = scratch;
  for (let i = 0; i < a.n; i++) {
    const mask = constraint?.masks[i];
    // The dictionary's tag stands only where allowed: "US" in a name is not the pronoun "us".
    const known = dict?.get(a.lowerText[i]!);
    if (known !== undefined && (mask === undefined || mask[known] === 1)) {
      tags[i] = known;
      continue;
    }
    tagScoresAt(scorer, a, i, tags, scores, ahead, cache, lex);
    tags[i] = mask === undefined ? argmax(scores) : argmax(scores, mask);
  }
  return tags;
}

/**
 * The scores of every tag for word i, given the tags to its left (`tags`) and, in the second pass, the first
 * pass's tags (`ahead`): what tagSentence weighs at i, and what a caller reads the margin between two readings from.
 */
export function tagScoresAt(scorer: Scorer, a: SentenceAtoms, i: number, tags: ArrayLike<number>, out: Float32Array,
  ahead?: ArrayLike<number>, cache?: WordScoreCache, lex?: LexAtoms): Float32Array {
  const k = taggerFeatures(a, i, tags, KEYS, ahead, lex);
  if (cache) {
    cache.wordScores(a.formText[i]!, i === 0, KEYS, out);
    cache.table.add(KEYS, TAGGER_WORD_FEATURES, k, out);
  } else {
    scorer.score(KEYS, k, out);
  }
  return out;
}
