/**
 * Training of the name tagger (models/ner-en.bin.gz): a greedy left-to-right averaged perceptron over BILOU
 * labels (src/nlp/ner/), on UNER EWT, wikigold and GUM's open genres (train/ner-data.ts). The gazetteer (the bundled KB's names and data/gazetteer/phoenix-names.tsv) is built here and written into the
 * model file. Shuffles are seeded and tables written in key order: the same data gives the same file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrainTable, seededRandom, shuffled } from './perceptron.js';
import { readNerCorpora, type NerSentence } from './ner-data.js';
import { allowed, bestAllowed, decodeNer, labelsOfSpans, NER_LABELS, N_LABELS, spansOfLabels, type WordSpan } from '../src/nlp/ner/decode.js';
import { NER_MAX_FEATURES, nerContext, nerFeatures, type NerContext } from '../src/nlp/ner/features.js';
import { Gazetteer, gazetteerKey, GAZ_NORP, GAZ_ORG, GAZ_OTHER, GAZ_PERSON, GAZ_PLACE } from '../src/nlp/ner/gazetteer.js';
import { encodeNerModel } from '../src/nlp/ner/model-file.js';
import { sentenceAtoms } from '../src/nlp/syntax/words.js';
import { WeightTable } from '../src/nlp/syntax/weights.js';
import type { KnowledgeBase } from '../src/model/types.js';

export interface NerSettings {
  epochs: number;
  seed: number;
  /** Rows of the shipped table whose largest weight is below this are dropped (TrainTable.finish). */
  minRowWeight: number;
  /** Hold every tenth sentence out and report its scores (the shipped model trains on all). */
  dev: boolean;
}

export const DEFAULT_NER_SETTINGS: NerSettings = { epochs: 15, seed: 20261202, minRowWeight: 0.5, dev: false };

export const PHOENIX_GAZETTEER = 'data/gazetteer/phoenix-names.tsv';

interface Example {
  ctx: NerContext;
  labels: Int32Array;
}

/** The gazetteer's phrases: the KB's names, aliases and demonyms and the derived Phoenix names, in key order. */
export function buildGazetteer(kb: KnowledgeBase, phoenixTsv: string): [string, number][] {
  const bits = new Map<string, number>();
  const add = (name: string, b: number) => {
    const k = gazetteerKey(name);
    if (k.length >= 2 && /\p{L}/u.test(k)) bits.set(k, (bits.get(k) ?? 0) | b);
  };
  for (const line of phoenixTsv.split('\n')) {
    const [name, kinds] = line.split('\t');
    if (!name || !kinds) continue;
    let b = 0;
    for (const k of kinds.split(',')) b |= k === 'person' ? GAZ_PERSON : k === 'org' ? GAZ_ORG : k === 'place' ? GAZ_PLACE : 0;
    add(name, b);
  }
  for (const e of kb.entries) {
    const b = e.type === 'PERSON' ? GAZ_PERSON : e.type === 'ORG' ? GAZ_ORG : e.type === 'GPE' || e.type === 'LOC' || e.type === 'FAC' ? GAZ_PLACE
      : e.type === 'NORP' ? GAZ_NORP : GAZ_OTHER;
    for (const n of [e.name, ...e.aliases]) add(n, b);
    for (const d of e.demonyms ?? []) add(d, GAZ_NORP);
  }
  return [...bits].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function examples(sents: readonly NerSentence[], gaz: Gazetteer): Example[] {
  return sents.map((s) => {
    const atoms = sentenceAtoms(s.forms);
    return { ctx: nerContext(atoms, gaz.match(atoms.lowerText)), labels: labelsOfSpans(s.forms.length, s.spans) };
  });
}

/**
 * Trains on the examples: each sentence tagged left to right with the labels predicted so far as history (as
 * at run time); a wrong label moves weight towards the gold one when the gold one may follow the history.
 * (Moving it instead towards the nearest label that may, closing a span opened by mistake, scored 0.671 F1 held
 * out against 0.698.)
 */
export function trainNer(data: readonly Example[], epochs: number, seed: number): TrainTable {
  const table = new TrainTable(N_LABELS, 1 << 18);
  const rand = seededRandom(seed);
  const keys = new Uint32Array(NER_MAX_FEATURES);
  const scores = new Float32Array(N_LABELS);
  for (let e = 0; e < epochs; e++) {
    for (const x of shuffled(data, rand)) {
      const n = x.labels.length;
      const pred = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const k = nerFeatures(x.ctx, i, pred, keys);
        table.score(keys, k, scores);
        const prev = i ? pred[i - 1]! : -1;
        const guess = bestAllowed(scores, prev, i === n - 1);
        const truth = x.labels[i]!;
        if (guess !== truth && allowed(prev, truth, i === n - 1)) table.update(keys, k, truth, guess);
        table.step++;
        pred[i] = guess;
      }
    }
  }
  return table;
}

/** Exact-span precision, recall and F1, per type and over all. */
export function spanScores(gold: WordSpan[][], pred: WordSpan[][]): Record<string, { p: number; r: number; f1: number; n: number }> {
  const c = new Map<string, { tp: number; fp: number; fn: number }>();
  const at = (t: string) => c.get(t) ?? (c.set(t, { tp: 0, fp: 0, fn: 0 }), c.get(t)!);
  gold.forEach((g, i) => {
    const key = (s: WordSpan) => `${s.start}:${s.end}:${s.type}`;
    const gs = new Set(g.map(key));
    const ps = new Set(pred[i]!.map(key));
    for (const s of pred[i]!) for (const t of [s.type, 'all']) gs.has(key(s)) ? at(t).tp++ : at(t).fp++;
    for (const s of g) for (const t of [s.type, 'all']) if (!ps.has(key(s))) at(t).fn++;
  });
  const out: Record<string, { p: number; r: number; f1: number; n: number }> = {};
  for (const [t, { tp, fp, fn }] of [...c].sort()) {
    const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
    out[t] = { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, n: tp + fn };
  }
  return out;
}

export interface NerInputs {
  sentences: NerSentence[];
  gazetteer: [string, number][];
}

/** Reads the corpora, the KB and the Phoenix gazetteer for training. */
export function nerInputs(shared: string, root: string, kb: KnowledgeBase): NerInputs {
  return {
    sentences: readNerCorpora(shared),
    gazetteer: buildGazetteer(kb, readFileSync(join(root, PHOENIX_GAZETTEER), 'utf8')),
  };
}

/** Trains the tagger and returns the model file's bytes. */
export function buildNerModel(inputs: NerInputs, settings: NerSettings, log: (m: string) => void = () => {}): Buffer {
  const t0 = performance.now();
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;
  const gaz = new Gazetteer(new Map(inputs.gazetteer));
  const all = examples(inputs.sentences, gaz);
  const corpora = new Map<string, number>();
  for (const s of inputs.sentences) corpora.set(s.corpus.split('/')[0]!, (corpora.get(s.corpus.split('/')[0]!) ?? 0) + 1);
  log(`${all.length} sentences (${[...corpora].map(([c, n]) => `${c} ${n}`).join(', ')}), gazetteer ${gaz.size} phrases (${elapsed()})`);
  if (settings.dev) {
    const train = all.filter((_, i) => i % 10 !== 0);
    const dev = all.filter((_, i) => i % 10 === 0);
    const scorer = new WeightTable(trainNer(train, settings.epochs, settings.seed).finish(settings.minRowWeight));
    const scores = spanScores(dev.map((x) => spansOfLabels(x.labels)), dev.map((x) => spansOfLabels(decodeNer(scorer, x.ctx))));
    for (const [t, s] of Object.entries(scores)) log(`held-out ${t}: P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)} (n=${s.n})`);
  }
  const table = trainNer(all, settings.epochs, settings.seed).finish(settings.minRowWeight);
  log(`trained: ${table.rowKeys.length} rows, ${table.cls.length} weights (${elapsed()})`);
  const { dev: _dev, ...kept } = settings;
  return encodeNerModel({
    meta: {
      name: 'dossier-ner-en',
      version: 1,
      corpora: [
        'UNER English EWT v1 dev+test (CC BY-SA 4.0)',
        'wikigold (CC BY 4.0)',
        'GUM academic, bio, court, voyage entity layer (CC BY 4.0 annotations; texts CC BY 4.0 / CC BY-SA 3.0)',
      ],
      gazetteer: 'bundled KB (kb/) + Phoenix actor dictionaries (MIT; data/gazetteer/)',
      license: 'CC BY-SA 4.0 (weights trained on UNER EWT); see models/LICENSE-DATA',
      command: 'npm run train -- --only ner',
      settings: kept,
      trainingSentences: all.length,
    },
    labels: NER_LABELS,
    gazetteer: inputs.gazetteer,
  }, table);
}
