/**
 * `npm run train`: trains the syntax model from ../shared/data and writes models/syntax-en.bin.gz.
 *
 * Data: UD English EWT train, plus GUM's openly licensed genres (academic, bio, court, voyage; GUM's news and
 * interviews are the evaluation set and are not in ../shared/data). EWT dev is scored after each parser epoch.
 * Steps: tag set and label set → (tagger lexicon, with --lexicon) → jack-knifed tags (10 folds) → final tagger →
 * parser on jack-knifed tags (dynamic oracle) → labeller → lexicon → file. Every shuffle is seeded and every table is written in key
 * order, so the same data gives the same file, byte for byte.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu, type TreebankSentence } from './conllu.js';
import { ambiguityClasses, buildTagDictionary, jackknifeTags, readVerbForms, trainTagger, type TaggedSentence } from './tagger.js';
import { trainLabeller, trainParser, type TreeSentence } from './parser.js';
import { buildLexicon } from './lexicon.js';
import { encodeModel } from '../src/nlp/syntax/model-file.js';
import { sentenceAtoms } from '../src/nlp/syntax/words.js';
import { tagSentence, TagLexicon } from '../src/nlp/syntax/tagger.js';
import { parseSentence } from '../src/nlp/syntax/parser.js';
import { WeightTable } from '../src/nlp/syntax/weights.js';
import { beamParse } from '../src/nlp/syntax/beam.js';
import { trainBeamParser } from './beam.js';
import { coarseOfTags, parserTags } from '../src/nlp/syntax/tagset.js';
import type { TrainTable } from './perceptron.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
export const SHARED = resolve(process.env.DOSSIER_SHARED ?? join(root, '../shared'));

export interface TrainSettings {
  taggerEpochs: number;
  folds: number;
  parserEpochs: number;
  explore: number;
  labellerEpochs: number;
  seed: number;
  /** Train on the first N sentences only (0: all); for tests. */
  limit: number;
  /** Rows of the shipped tables whose largest weight is below this are dropped (see TrainTable.finish). */
  minRowWeight: number;
  /** Beam width of the parser: 1 trains greedily with the dynamic oracle, more trains globally (train/beam.ts). */
  beam: number;
  /**
   * Train the tagger with its lexicon (ambiguity classes and the event dictionary's verb forms; docs/syntax.md).
   * Left out of the settings when off, so that a model trained without it keeps the bytes it had before the option.
   */
  lexicon?: boolean;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  taggerEpochs: 8, folds: 10, parserEpochs: 15, explore: 0.9, labellerEpochs: 10, seed: 20261201, limit: 0, minRowWeight: 1, beam: 1,
};

/** Trains the whole model from the treebanks under `shared` and returns the model file's bytes. */
export function buildSyntaxModel(shared: string, settings: TrainSettings, log: (m: string) => void = () => {}): Buffer {
  const t0 = performance.now();
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;
  const limit = settings.limit;
  const ewt = join(shared, 'data/treebanks/en-ewt');
  const gum = join(shared, 'data/treebanks/gum/dep');
  if (!existsSync(ewt)) throw new Error(`${ewt} not found; training reads the treebanks in ../shared/data (set DOSSIER_SHARED to move it)`);
  const gumFiles = existsSync(gum) ? readdirSync(gum).filter((f) => f.endsWith('.conllu')).sort() : [];
  // GUM news and interviews are an evaluation set: refuse them here even if someone copies them in.
  const openGum = gumFiles.filter((f) => !/^GUM_(news|interview)_/.test(f));
  let train: TreebankSentence[] = [
    ...readConllu(join(ewt, 'en_ewt-ud-train.conllu')),
    ...openGum.flatMap((f) => readConllu(join(gum, f))),
  ];
  if (limit) train = train.slice(0, limit);
  const dev = readConllu(join(ewt, 'en_ewt-ud-dev.conllu'));
  log(`${train.length} training sentences (${train.reduce((n, s) => n + s.forms.length, 0)} words; EWT train + ${openGum.length} GUM documents), ${dev.length} dev`);

  const tagSet = frequencyOrder(train.flatMap((s) => s.upos.map((u, i) => `${u} ${s.xpos[i]}`)));
  const labelSet = frequencyOrder(train.flatMap((s) => s.rels));
  const tagId = new Map(tagSet.map((t, i) => [t, i]));
  const labelId = new Map(labelSet.map((t, i) => [t, i]));
  const tagged = (s: TreebankSentence): TaggedSentence => ({
    atoms: sentenceAtoms(s.forms),
    tags: Int32Array.from(s.upos.map((u, i) => tagId.get(`${u} ${s.xpos[i]}`) ?? 0)),
  });
  const trainTagged = train.map(tagged);
  const devTagged = dev.map(tagged);

  // Two passes of tagging: the second also sees the first pass's tags to the right. Each pass is jack-knifed, so
  // the second pass learns from first-pass tags as wrong as they will be at run time, and the parser from
  // second-pass tags as wrong as they will be.
  const dict = buildTagDictionary(trainTagged);
  log(`tag dictionary: ${dict.size} unambiguous words`);
  // The tagger's lexicon: ambiguity classes from the training data (each sentence sees those of the other folds
  // only) and the event dictionary's verb forms (data/tagger/verb-forms.tsv, scripts/derive-verb-forms.ts).
  let tagLexicon: { lexicon: TagLexicon; classes: Record<string, string>; verbForms: Record<string, string> } | undefined;
  if (settings.lexicon) {
    const amb = ambiguityClasses(trainTagged, tagSet, settings.folds);
    const verbForms = readVerbForms(join(root, 'data/tagger/verb-forms.tsv'));
    const lexicon = new TagLexicon(amb.full, verbForms);
    trainTagged.forEach((s, i) => { s.lex = { cls: amb.perSentence[i]!, verb: lexicon.atoms(s.atoms).verb }; });
    tagLexicon = { lexicon, classes: amb.full, verbForms };
    log(`tagger lexicon: ${Object.keys(amb.full).length} ambiguity classes, ${Object.keys(verbForms).length} verb forms`);
  }
  const jack1 = jackknifeTags(trainTagged, tagSet.length, settings.folds, settings.taggerEpochs, settings.seed, log, dict);
  const trainTagged2 = trainTagged.map((s, i) => ({ ...s, ahead: jack1[i]! }));
  const jack = jackknifeTags(trainTagged2, tagSet.length, settings.folds, settings.taggerEpochs, settings.seed + 100, log, dict);
  log(`jack-knifed tags done (${elapsed()})`);
  const taggerTable = trainTagger(trainTagged, tagSet.length, settings.taggerEpochs, settings.seed, dict).finish(settings.minRowWeight);
  const tagger2Table = trainTagger(trainTagged2, tagSet.length, settings.taggerEpochs, settings.seed + 100, dict).finish(settings.minRowWeight);
  const tagger = new WeightTable(taggerTable);
  const tagger2 = new WeightTable(tagger2Table);
  const devLex = devTagged.map((s) => tagLexicon?.lexicon.atoms(s.atoms));
  const devFirst = devTagged.map((s, i) => tagSentence(tagger, s.atoms, undefined, dict, undefined, undefined, devLex[i]));
  const devTags = devTagged.map((s, i) => tagSentence(tagger2, s.atoms, devFirst[i], dict, undefined, undefined, devLex[i]));
  const gold = devTagged.map((s) => s.tags);
  log(`tagger: dev joint-tag accuracy ${pct(devFirst, gold)} first pass, ${pct(devTags, gold)} second (${elapsed()})`);

  const tree = (s: TreebankSentence, atoms: TreeSentence['atoms'], tags: Int32Array): TreeSentence => ({
    atoms,
    tags,
    heads: Int32Array.from(s.heads.map((h) => (h === 0 ? s.forms.length : h - 1))),
    labels: Int32Array.from(s.rels.map((r) => labelId.get(r) ?? 0)),
  });
  const coarse = coarseOfTags(tagSet);
  const trainTrees = train.map((s, i) => tree(s, trainTagged[i]!.atoms, parserTags(jack[i]!, coarse)));
  const devTrees = dev.map((s, i) => tree(s, devTagged[i]!.atoms, parserTags(devTags[i]!, coarse)));

  const rootLabel = labelId.get('root')!;
  const training = {
    epochs: settings.parserEpochs, explore: settings.explore, seed: settings.seed,
    afterEpoch: (e: number, table: TrainTable) => {
      if (e % 3 !== 2 && e !== settings.parserEpochs - 1) return;
      const scorer = new WeightTable(table.finish());
      const parse = (t: TreeSentence) => (settings.beam > 1 ? beamParse(scorer, t.atoms, t.tags, settings.beam) : parseSentence(scorer, t.atoms, t.tags));
      log(`parser epoch ${e + 1}: dev UAS ${uas(devTrees, parse)} (${elapsed()})`);
    },
  };
  const parserTable = (settings.beam > 1 ? trainBeamParser(trainTrees, settings.beam, training) : trainParser(trainTrees, training))
    .finish(settings.minRowWeight);
  const labellerTable = trainLabeller(trainTrees, labelSet.length, rootLabel, settings.labellerEpochs, settings.seed)
    .finish(settings.minRowWeight);
  log(`parser and labeller trained (${elapsed()})`);

  const sources = [
    'UD English EWT v2.16 train (CC BY-SA 4.0)',
    ...(tagLexicon ? ['tagger verb forms: data/tagger/verb-forms.tsv, from the PETRARCH2 CAMEO verb dictionary (MIT, Open Event Data)'] : []),
    `GUM academic, bio, court, voyage: ${openGum.length} documents (CC BY 4.0 annotations; texts CC BY 4.0 / CC BY-SA 3.0)`,
  ];
  const file = encodeModel({
    meta: {
      name: 'dossier-syntax-en',
      version: 1,
      corpora: sources,
      license: 'CC BY-SA 4.0 (weights trained on EWT); see models/LICENSE-DATA',
      command: 'npm run train',
      settings,
      trainingSentences: train.length,
      beam: settings.beam,
      packedTags: true,
    },
    tags: tagSet,
    labels: labelSet,
    tagDict: Object.fromEntries([...dict].map(([w, t]) => [w, tagSet[t]!])),
    // Absent without the lexicon (JSON leaves out undefined), so such a file is byte for byte what it was before.
    tagClasses: tagLexicon?.classes,
    verbForms: tagLexicon?.verbForms,
    lexicon: buildLexicon(train),
  }, { tagger: taggerTable, tagger2: tagger2Table, parser: parserTable, labeller: labellerTable });
  log(`tagger ${taggerTable.cls.length} + ${tagger2Table.cls.length} weights, parser ${parserTable.cls.length}, labeller ${labellerTable.cls.length} (${elapsed()})`);
  return file;
}

/** Distinct values, most frequent first, ties by spelling: a fixed class numbering for a given corpus. */
function frequencyOrder(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
}

function pct(pred: Int32Array[], gold: Int32Array[]): string {
  let right = 0, all = 0;
  pred.forEach((p, i) => p.forEach((t, j) => { all++; if (t === gold[i]![j]) right++; }));
  return (100 * right / all).toFixed(2);
}

function uas(trees: TreeSentence[], parse: (t: TreeSentence) => Int32Array): string {
  let right = 0, all = 0;
  for (const t of trees) {
    const h = parse(t);
    for (let d = 0; d < h.length; d++) { all++; if (h[d] === t.heads[d]) right++; }
  }
  return (100 * right / all).toFixed(2);
}

/** The syntax half of `npm run train` (train/main.ts); run alone when this file is the script. */
export function main(args: string[] = process.argv.slice(2)): void {
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const d = DEFAULT_SETTINGS;
  const settings: TrainSettings = {
    taggerEpochs: opt('tagger-epochs', d.taggerEpochs), folds: opt('folds', d.folds), parserEpochs: opt('parser-epochs', d.parserEpochs),
    explore: d.explore, labellerEpochs: opt('labeller-epochs', d.labellerEpochs), seed: d.seed, limit: opt('limit', d.limit),
    minRowWeight: opt('min-row-weight', d.minRowWeight), beam: opt('beam', d.beam),
    ...(args.includes('--lexicon') ? { lexicon: true } : {}),
  };
  const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(root, 'models/syntax-en.bin.gz'));
  let file: Buffer;
  try {
    file = buildSyntaxModel(SHARED, settings, (m) => console.error(`train: ${m}`));
  } catch (err) {
    console.error(`train: ${(err as Error).message}`);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  const sha = createHash('sha256').update(file).digest('hex').slice(0, 16);
  console.error(`train: wrote ${out}: ${(file.length / 1e6).toFixed(1)} MB, sha256 ${sha}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
