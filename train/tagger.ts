/** Training of the averaged-perceptron tagger, and jack-knifed tags for training the parser on realistic input. */
import { TAGGER_MAX_FEATURES, taggerFeatures, type LexAtoms } from '../src/nlp/syntax/tagger-features.js';
import { lexAtom, tagSentence, type TagDictionary } from '../src/nlp/syntax/tagger.js';
import { readFileSync } from 'node:fs';
import { argmax, WeightTable } from '../src/nlp/syntax/weights.js';
import type { SentenceAtoms } from '../src/nlp/syntax/words.js';
import { seededRandom, shuffled, TrainTable } from './perceptron.js';

export interface TaggedSentence {
  atoms: SentenceAtoms;
  /** Gold joint tag ids. */
  tags: Int32Array;
  /** For the second pass: the first pass's (jack-knifed) tags. */
  ahead?: Int32Array;
  /** What the tagger's lexicon says of each word (its ambiguity class as seen without this sentence's fold). */
  lex?: LexAtoms;
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
        const k = taggerFeatures(s.atoms, i, pred, keys, s.ahead, s.lex);
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
      const t = tagSentence(scorer, s.atoms, s.ahead, dict, undefined, undefined, s.lex);
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

/**
 * Ambiguity classes: for each lower-cased form seen at least `minCount` times, the tags it took at least `minShare`
 * of the time, spelled "ADJ JJ|VERB VBN". Read straight from the training data, a rare word's class is its own
 * gold tag, and the tagger learns to trust it (measured: -0.15 joint-tag accuracy). So each training sentence sees
 * the classes of the other folds' data only (its fold is i mod `folds`, as in jack-knifing), as unseen text
 * sees the classes of all of it; `full` is that run-time lexicon, for the model file.
 */
export function ambiguityClasses(sents: readonly TaggedSentence[], tagSet: readonly string[], folds: number, minCount = 2,
  minShare = 0.05): { perSentence: Uint32Array[]; full: Record<string, string> } {
  const byFold: Map<string, Map<number, number>>[] = Array.from({ length: folds }, () => new Map());
  const all = new Map<string, Map<number, number>>();
  const bump = (m: Map<string, Map<number, number>>, w: string, t: number) => {
    let c = m.get(w);
    if (!c) m.set(w, (c = new Map()));
    c.set(t, (c.get(t) ?? 0) + 1);
  };
  sents.forEach((s, i) => {
    for (let j = 0; j < s.atoms.n; j++) {
      bump(byFold[i % folds]!, s.atoms.lowerText[j]!, s.tags[j]!);
      bump(all, s.atoms.lowerText[j]!, s.tags[j]!);
    }
  });
  const classOf = (counts: Map<number, number> | undefined, minus: Map<number, number> | undefined): string => {
    if (!counts) return '';
    let total = 0;
    const kept: [number, number][] = [];
    for (const [t, c] of counts) {
      const k = c - (minus?.get(t) ?? 0);
      if (k > 0) { kept.push([t, k]); total += k; }
    }
    if (total < minCount) return '';
    return kept.filter(([, c]) => c >= minShare * total).map(([t]) => t).sort((x, y) => x - y).map((t) => tagSet[t]!).join('|');
  };
  const memo: Map<string, number>[] = Array.from({ length: folds }, () => new Map());
  const perSentence = sents.map((s, i) => {
    const f = i % folds;
    const out = new Uint32Array(s.atoms.n);
    for (let j = 0; j < s.atoms.n; j++) {
      const w = s.atoms.lowerText[j]!;
      let atom = memo[f]!.get(w);
      if (atom === undefined) {
        const cls = classOf(all.get(w), byFold[f]!.get(w));
        memo[f]!.set(w, (atom = cls ? lexAtom(cls) : 0));
      }
      out[j] = atom;
    }
    return out;
  });
  const full: Record<string, string> = {};
  for (const w of [...all.keys()].sort()) {
    const cls = classOf(all.get(w), undefined);
    if (cls) full[w] = cls;
  }
  return { perSentence, full };
}

/** data/tagger/verb-forms.tsv (form, tab, readings): the event dictionary's verb forms, for the tagger's lexicon. */
export function readVerbForms(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out[line.slice(0, tab)] = line.slice(tab + 1);
  }
  return out;
}
