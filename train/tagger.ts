/** Training of the averaged-perceptron tagger, and jack-knifed tags for training the parser on realistic input. */
import { TAGGER_MAX_FEATURES, taggerFeatures } from '../src/nlp/syntax/tagger-features.js';
import { tagSentence, type TagDictionary } from '../src/nlp/syntax/tagger.js';
import { argmax, WeightTable } from '../src/nlp/syntax/weights.js';
import type { SentenceAtoms } from '../src/nlp/syntax/words.js';
import { seededRandom, shuffled, TrainTable } from './perceptron.js';

export interface TaggedSentence {
  atoms: SentenceAtoms;
  /** Gold joint tag ids. */
  tags: Int32Array;
  /** For the second pass: the first pass's (jack-knifed) tags. */
  ahead?: Int32Array;
}

export function trainTagger(sents: readonly TaggedSentence[], nTags: number, epochs: number, seed: number, dict?: TagDictionary): TrainTable {
  const table = new TrainTable(nTags, 1 << 18);
  const rand = seededRandom(seed);
  const keys = new Uint32Array(TAGGER_MAX_FEATURES);
  const scores = new Float32Array(nTags);
  for (let e = 0; e < epochs; e++) {
    for (const s of shuffled(sents, rand)) {
      // History is the tags predicted so far, as at run time.
      const pred = new Int32Array(s.atoms.n);
      for (let i = 0; i < s.atoms.n; i++) {
        const known = dict?.get(s.atoms.lowerText[i]!);
        if (known !== undefined) {
          pred[i] = known;
          continue;
        }
        const k = taggerFeatures(s.atoms, i, pred, keys, s.ahead);
        table.score(keys, k, scores);
        const guess = argmax(scores);
        const truth = s.tags[i]!;
        if (guess !== truth) table.update(keys, k, truth, guess);
        table.step++;
        pred[i] = guess;
      }
    }
  }
  return table;
}

/** Tags each sentence with a tagger trained on the other folds (sentence i is in fold i mod k). */
export function jackknifeTags(sents: readonly TaggedSentence[], nTags: number, folds: number, epochs: number, seed: number,
  log: (m: string) => void, dict?: TagDictionary): Int32Array[] {
  const out: Int32Array[] = new Array(sents.length);
  for (let f = 0; f < folds; f++) {
    const train = sents.filter((_, i) => i % folds !== f);
    const scorer = new WeightTable(trainTagger(train, nTags, epochs, seed + f, dict).finish());
    let right = 0, all = 0;
    sents.forEach((s, i) => {
      if (i % folds !== f) return;
      const t = tagSentence(scorer, s.atoms, s.ahead, dict);
      out[i] = t;
      for (let j = 0; j < t.length; j++) { all++; if (t[j] === s.tags[j]) right++; }
    });
    log(`jack-knife fold ${f + 1}/${folds}: tag accuracy ${(100 * right / all).toFixed(2)}`);
  }
  return out;
}

/**
 * The tag dictionary: lower-cased forms seen at least `minCount` times with one tag at least `share` of the time.
 * Keys are sorted so the model file does not depend on reading order.
 */
export function buildTagDictionary(sents: readonly TaggedSentence[], minCount = 20, share = 0.995): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sents) {
    for (let i = 0; i < s.atoms.n; i++) {
      const w = s.atoms.lowerText[i]!;
      let m = counts.get(w);
      if (!m) counts.set(w, (m = new Map()));
      m.set(s.tags[i]!, (m.get(s.tags[i]!) ?? 0) + 1);
    }
  }
  const dict = new Map<string, number>();
  for (const w of [...counts.keys()].sort()) {
    const m = counts.get(w)!;
    let total = 0, bestTag = -1, best = 0;
    for (const [t, c] of m) { total += c; if (c > best || (c === best && t < bestTag)) { best = c; bestTag = t; } }
    if (total >= minCount && best / total >= share) dict.set(w, bestTag);
  }
  return dict;
}
