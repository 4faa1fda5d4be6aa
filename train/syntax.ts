/**
 * `npm run train`: trains the syntax model from ../shared/data and writes models/syntax-en.bin.gz.
 *
 * Data: UD English EWT train, plus GUM's openly licensed genres (academic, bio, court, voyage; GUM's news and
 * interviews are the evaluation set and are not in ../shared/data). EWT dev is scored after each parser epoch.
 * Steps: tag set and label set → jack-knifed tags (10 folds) → final tagger → parser on jack-knifed tags
 * (dynamic oracle) → labeller → lexicon → file. Every shuffle is seeded and every table is written in key
 * order, so the same data gives the same file, byte for byte.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu, type GoldSentence } from './conllu.js';
import { jackknifeTags, trainTagger, type TaggedSentence } from './tagger.js';
import { trainLabeller, trainParser, type TreeSentence } from './parser.js';
import { buildLexicon } from './lexicon.js';
import { encodeModel } from '../src/nlp/syntax/model-file.js';
import { sentenceAtoms } from '../src/nlp/syntax/words.js';
import { tagSentence } from '../src/nlp/syntax/tagger.js';
import { parseSentence } from '../src/nlp/syntax/parser.js';
import { WeightTable } from '../src/nlp/syntax/weights.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(process.env.DOSSIER_SHARED ?? join(root, '../shared'));
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const SETTINGS = {
  taggerEpochs: opt('tagger-epochs', 8),
  folds: opt('folds', 10),
  parserEpochs: opt('parser-epochs', 15),
  explore: 0.9,
  labellerEpochs: opt('labeller-epochs', 10),
  seed: 20261201,
};
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(root, 'models/syntax-en.bin.gz'));
const limit = opt('limit', 0);

const log = (m: string) => console.error(`train: ${m}`);
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;

function main(): void {
  const ewt = join(shared, 'data/treebanks/en-ewt');
  const gum = join(shared, 'data/treebanks/gum/dep');
  if (!existsSync(ewt)) {
    console.error(`train: ${ewt} not found; training reads the treebanks in ../shared/data (set DOSSIER_SHARED to move it)`);
    process.exit(1);
  }
  const gumFiles = existsSync(gum) ? readdirSync(gum).filter((f) => f.endsWith('.conllu')).sort() : [];
  // GUM news and interviews are an evaluation set: refuse them here even if someone copies them in.
  const openGum = gumFiles.filter((f) => !/^GUM_(news|interview)_/.test(f));
  let train: GoldSentence[] = [
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
  const tagged = (s: GoldSentence): TaggedSentence => ({
    atoms: sentenceAtoms(s.forms),
    tags: Int32Array.from(s.upos.map((u, i) => tagId.get(`${u} ${s.xpos[i]}`) ?? 0)),
  });
  const trainTagged = train.map(tagged);
  const devTagged = dev.map(tagged);

  const jack = jackknifeTags(trainTagged, tagSet.length, SETTINGS.folds, SETTINGS.taggerEpochs, SETTINGS.seed, log);
  log(`jack-knifed tags done (${elapsed()})`);
  const taggerTable = trainTagger(trainTagged, tagSet.length, SETTINGS.taggerEpochs, SETTINGS.seed).finish();
  const tagger = new WeightTable(taggerTable);
  const devTags = devTagged.map((s) => tagSentence(tagger, s.atoms));
  log(`tagger: dev joint-tag accuracy ${pct(devTags, devTagged.map((s) => s.tags))} (${elapsed()})`);

  const tree = (s: GoldSentence, atoms: TreeSentence['atoms'], tags: Int32Array): TreeSentence => ({
    atoms,
    tags,
    heads: Int32Array.from(s.heads.map((h) => (h === 0 ? s.forms.length : h - 1))),
    labels: Int32Array.from(s.rels.map((r) => labelId.get(r) ?? 0)),
  });
  const trainTrees = train.map((s, i) => tree(s, trainTagged[i]!.atoms, jack[i]!));
  const devTrees = dev.map((s, i) => tree(s, devTagged[i]!.atoms, devTags[i]!));

  const parserTable = trainParser(trainTrees, {
    epochs: SETTINGS.parserEpochs, explore: SETTINGS.explore, seed: SETTINGS.seed,
    afterEpoch: (e, table) => {
      if (e % 3 !== 2 && e !== SETTINGS.parserEpochs - 1) return;
      const scorer = new WeightTable(table.finish());
      log(`parser epoch ${e + 1}: dev UAS ${uas(devTrees, (t) => parseSentence(scorer, t.atoms, t.tags))} (${elapsed()})`);
    },
  }).finish();
  const labellerTable = trainLabeller(trainTrees, labelSet.length, labelId.get('root')!, SETTINGS.labellerEpochs, SETTINGS.seed).finish();
  log(`labeller trained (${elapsed()})`);

  const sources = [
    'UD English EWT v2.16 train (CC BY-SA 4.0)',
    `GUM academic, bio, court, voyage: ${openGum.length} documents (CC BY 4.0 annotations; texts CC BY 4.0 / CC BY-SA 3.0)`,
  ];
  const file = encodeModel({
    meta: {
      name: 'dossier-syntax-en',
      version: 1,
      corpora: sources,
      license: 'CC BY-SA 4.0 (weights trained on EWT); see models/LICENSE-DATA',
      command: 'npm run train',
      settings: SETTINGS,
      trainingSentences: train.length,
    },
    tags: tagSet,
    labels: labelSet,
    lexicon: buildLexicon(train),
  }, { tagger: taggerTable, parser: parserTable, labeller: labellerTable });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  const sha = createHash('sha256').update(file).digest('hex').slice(0, 16);
  log(`wrote ${out}: ${(file.length / 1e6).toFixed(1)} MB, sha256 ${sha}; tagger ${taggerTable.cls.length} weights, parser ${parserTable.cls.length}, labeller ${labellerTable.cls.length} (${elapsed()})`);
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

main();
