/**
 * Finds trigger matches in a run of tokens: every lexicon pattern that matches, then the longest non-overlapping
 * ones. A verb pattern only starts on a word tagged as a verb-like part of speech, a noun pattern only on a
 * noun-like one, so "an attack" and "they attack" go to the right entry when both exist.
 */
import type { Token } from '../../nlp/doc.js';
import type { Lexicon, TriggerEntry } from './lexicon.js';

export interface TriggerMatch {
  entry: TriggerEntry;
  /** Token indices (into doc.tokens) of the first and last matched word, inclusive. */
  first: number;
  last: number;
  /** A verb's gerund read as a noun ("the fighting"): it gives way to any dictionary pattern over it or around it. */
  weak?: boolean;
}

const MAX_GAP = 4;
const NOT_VERB = new Set(['NOUN', 'PROPN', 'ADP', 'DET', 'PRON', 'NUM', 'PUNCT', 'CCONJ', 'SCONJ']);
const NOT_NOUN = new Set(['VERB', 'AUX', 'ADP', 'DET', 'PRON', 'PUNCT', 'CCONJ', 'SCONJ']);

/**
 * Longest non-overlapping matches of the lexicon over `tokens` (one sentence), left to right. `posOf` gives a
 * token's part of speech (the parse's, where there is one), read beside the token's own tag; by default the token's own tag.
 */
export function findTriggers(tokens: Token[], lexicon: Lexicon, posOf: (t: Token) => string = (t) => t.pos): TriggerMatch[] {
  const all: TriggerMatch[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const head = tokens[k]!;
    for (const word of wordsAt(tokens, k)) {
      const candidates = lexicon.byFirstForm.get(word.form);
      if (!candidates) continue;
      // Either tagger's reading will do: the token tagger reads "jets shot down" as a noun, the parse may read
      // "Moscow denies" as one.
      const tags = [tokens[word.last]!.pos, posOf(tokens[word.last]!)];
      const verbal = tags.some((p) => !NOT_VERB.has(p));
      const nominal = tags.some((p) => !NOT_NOUN.has(p));
      // "the fighting", "heavy shelling": a verb's gerund read as a noun is the same act, told as a noun (weak: it
      // gives way to a noun entry and to a dictionary pattern, see events.ts withCameo).
      const gerund = !verbal && tags.includes('NOUN') && word.form.endsWith('ing');
      for (const entry of candidates) {
        const weak = entry.kind !== 'noun' && !verbal;
        if (weak && !(gerund && entry.words.length === 1)) continue;
        if (entry.kind === 'noun' && entry.words.length === 1 && !nominal) continue;
        const end = matchRest(tokens, word.last + 1, entry);
        if (end >= 0) all.push({ entry, first: head.i, last: tokens[end]!.i, ...(weak ? { weak: true } : {}) });
      }
    }
  }
  // Longest first; among equals, the earlier one, a noun entry before a verb's gerund, then the lexicon order.
  all.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first || Number(!!a.weak) - Number(!!b.weak));
  const taken = new Set<number>();
  const chosen: TriggerMatch[] = [];
  for (const m of all) {
    let free = true;
    for (let i = m.first; i <= m.last; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = m.first; i <= m.last; i++) taken.add(i);
    chosen.push(m);
  }
  return chosen.sort((a, b) => a.first - b.first);
}

/**
 * The words that start at token `k`: the token itself and, where the tokenizer split a hyphenated word
 * ("capacity - building"), the joined form. `last` is the index of the word's last token.
 */
function wordsAt(tokens: Token[], k: number): { form: string; last: number }[] {
  const out = [{ form: tokens[k]!.lower, last: k }];
  let form = tokens[k]!.lower;
  let j = k;
  while (j + 2 < tokens.length && tokens[j + 1]!.lower === '-' &&
    tokens[j + 1]!.start === tokens[j]!.end && tokens[j + 2]!.start === tokens[j + 1]!.end) {
    form += '-' + tokens[j + 2]!.lower;
    j += 2;
    out.push({ form, last: j });
  }
  return out;
}

/** Index (into `tokens`) of the last word of the match whose remaining words start at `from`, or -1. */
function matchRest(tokens: Token[], from: number, entry: TriggerEntry): number {
  let at = from;
  for (let w = 1; w < entry.words.length; w++) {
    const word = entry.words[w]!;
    if ('gap' in word) {
      const next = entry.words[w + 1];
      if (!next || 'gap' in next) return -1;
      let found = -1;
      for (let j = at; j < tokens.length && j <= at + MAX_GAP; j++) {
        if (tokens[j]!.pos === 'PUNCT' && tokens[j]!.lower !== '-') break;
        const hit = wordsAt(tokens, j).find((x) => next.forms.has(x.form));
        if (hit) {
          found = hit.last;
          break;
        }
        // The gap holds the object's modifiers ("impose new sanctions"), never a clause of its own: "announced
        // the UK is imposing sanctions" is the UK's act, not the announcer's.
        if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') break;
      }
      if (found < 0) return -1;
      at = found + 1;
      w++;
      continue;
    }
    const hit = at < tokens.length ? wordsAt(tokens, at).find((x) => word.forms.has(x.form)) : undefined;
    if (!hit) return -1;
    at = hit.last + 1;
  }
  return at - 1;
}
