/**
 * The syntax model's speed, apart from the rest of the pipeline: model load time, words/s of the whole
 * `analyse` on EWT dev (gold words) and on the synthetic corpus's sentences, and each component's words/s.
 *   node --import tsx bench/syntax.ts [--impl DIR]... [--rounds N] [--loads N] [--dump PREFIX] [--data CONLLU]
 * With several --impl (directories holding a copy of src/nlp/syntax), the implementations are measured in the
 * same process, alternately, round by round, in CPU time (the machine is shared and noisy), and each one's CoNLL-U output of
 * the data file is compared with the first's. --dump writes PREFIX<k>.conllu for implementation k.
 * --pipeline N: instead, the full analysis (src/extract/pipeline.ts, with this checkout's own syntax model) of N
 * synthetic documents: docs/s, and how much of it is the model's `analyse` (tagging, parsing, labelling).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { readConllu } from '../eval/conllu.js';
import { syntheticArticle } from './corpus.js';

/** CPU time of this process in ms: on a shared machine, wall time also counts the other processes' turns. */
const now = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const { values } = parseArgs({
  options: {
    impl: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '3' },
    loads: { type: 'string', default: '3' },
    dump: { type: 'string' },
    data: { type: 'string' },
    synthetic: { type: 'string', default: '20000' },
    components: { type: 'boolean', default: false },
    pipeline: { type: 'string' },
  },
});
const here = resolve(import.meta.dirname ?? '.');
const impls = values.impl?.length ? values.impl.map((d) => resolve(d)) : [join(here, '../src/nlp/syntax')];
const modelPath = join(here, '../models/syntax-en.bin.gz');
const data = values.data ?? join(resolve(process.env.DOSSIER_SHARED ?? join(here, '../../shared')), 'data/treebanks/en-ewt/en_ewt-ud-dev.conllu');
const rounds = Number(values.rounds);

interface Impl {
  dir: string;
  model: { analyse(forms: readonly string[]): { upos: string[]; xpos: string[]; lemma: string[]; feats: string[]; head: number[]; rel: string[] } };
  loadMs: number[];
  mod: Record<string, any>;
}

if (values.pipeline) {
  await pipeline(Number(values.pipeline));
  process.exit(0);
}

/** The full pipeline over synthetic documents, with the shipped model's analyse() timed from inside. */
async function pipeline(nDocs: number): Promise<void> {
  const { analyze } = await import('../src/extract/pipeline.js');
  const { cleanText } = await import('../src/ingest/clean.js');
  const { defaultKnowledgeBase } = await import('../src/kb/load.js');
  const { loadSyntaxModel } = await import('../src/nlp/syntax/model.js');
  const kb = defaultKnowledgeBase();
  let t0 = now();
  const model = loadSyntaxModel();
  console.log(`model load ${(now() - t0).toFixed(0)} ms`);
  const analyse = model.analyse.bind(model);
  let parseMs = 0, parsed = 0, words = 0, sentences = 0;
  model.analyse = (forms) => {
    const p0 = now();
    const out = analyse(forms);
    parseMs += now() - p0;
    parsed++;
    words += forms.length;
    return out;
  };
  const texts = Array.from({ length: nDocs }, (_, i) => { const a = syntheticArticle(i); return { text: cleanText(a.text), date: a.date }; });
  for (const d of texts.slice(0, 20)) analyze({ ...d, language: 'en' }, kb); // warm-up
  parseMs = 0; parsed = 0; words = 0;
  const timings: Record<string, number> = {};
  t0 = now();
  for (const d of texts) sentences += analyze({ ...d, language: 'en' }, kb, { timings }).doc.sentences.length;
  const secs = (now() - t0) / 1000;
  console.log(`full pipeline: ${(nDocs / secs).toFixed(1)} docs/s (CPU time), ${(secs * 1000 / nDocs).toFixed(1)} ms/doc`);
  console.log(`  syntax model analyse: ${(parseMs / nDocs).toFixed(1)} ms/doc, ${parsed} of ${sentences} sentences, ${(words / parseMs * 1000).toFixed(0)} words/s`);
  console.log(`  steps (ms/doc, wall, parsing counted in whichever step asks first): ${Object.entries(timings).map(([k, v]) => `${k} ${(v / nDocs).toFixed(1)}`).join(', ')}`);
}

const file = readFileSync(modelPath);
const loaded: Impl[] = [];
for (const dir of impls) {
  const mod = await import(pathToFileURL(join(dir, 'model.ts')).href);
  loaded.push({ dir, model: null as never, loadMs: [], mod });
}
// Loads alternate between implementations; each is a fresh model built from the same file bytes.
for (let l = 0; l < Number(values.loads); l++) {
  for (const im of loaded) {
    const t0 = now();
    im.model = new im.mod.PerceptronSyntaxModel(file, 'syntax-en.bin.gz');
    im.loadMs.push(now() - t0);
  }
}

const gold = readConllu(readFileSync(data, 'utf8'));
const dev = gold.sentences.map((s) => s.words.map((w) => w.form));
const devWords = dev.reduce((n, s) => n + s.length, 0);

// The synthetic corpus's sentences, as the bench parses them.
const synthetic: string[][] = [];
{
  const { Doc } = await import('../src/nlp/doc.js');
  const { cleanText } = await import('../src/ingest/clean.js');
  const { udWords } = await import('../src/nlp/syntax/tokenise.js');
  let words = 0;
  for (let i = 0; words < Number(values.synthetic); i++) {
    const doc = new Doc(cleanText(syntheticArticle(i).text));
    for (let s = 0; s < doc.sentences.length; s++) {
      const forms = udWords(doc.text, doc.sentenceTokens(s)).map((w) => w.form);
      synthetic.push(forms);
      words += forms.length;
    }
  }
}
const synWords = synthetic.reduce((n, s) => n + s.length, 0);

function conllu(im: Impl, sents: string[][]): string {
  const out: string[] = [];
  for (const forms of sents) {
    const a = im.model.analyse(forms);
    forms.forEach((f, i) => out.push([i + 1, f, a.lemma[i], a.upos[i], a.xpos[i], a.feats[i], a.head[i], a.rel[i], '_', '_'].join('\t')));
    out.push('');
  }
  return out.join('\n');
}

// Outputs first (also the warm-up): every implementation's CoNLL-U of the data file and of the synthetic sentences.
const outputs = loaded.map((im) => conllu(im, dev) + '\n#synthetic\n' + conllu(im, synthetic));
outputs.forEach((o, k) => {
  if (values.dump) writeFileSync(`${values.dump}${k}.conllu`, o);
  if (k > 0) console.log(`impl ${k} output ${o === outputs[0] ? 'IDENTICAL to' : 'DIFFERS from'} impl 0`);
});

const devTimes: number[][] = loaded.map(() => []);
const synTimes: number[][] = loaded.map(() => []);
for (let r = 0; r < rounds; r++) {
  loaded.forEach((im, k) => {
    let t0 = now();
    for (const forms of dev) im.model.analyse(forms);
    devTimes[k]!.push(now() - t0);
    t0 = now();
    for (const forms of synthetic) im.model.analyse(forms);
    synTimes[k]!.push(now() - t0);
  });
}
const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
loaded.forEach((im, k) => {
  console.log(`impl ${k} ${im.dir}`);
  console.log(`  load ms: best ${best(im.loadMs).toFixed(0)}, median ${median(im.loadMs).toFixed(0)} (${im.loadMs.map((x) => x.toFixed(0)).join(' ')})`);
  console.log(`  EWT dev (${devWords} words): best ${(devWords / best(devTimes[k]!) * 1000).toFixed(0)} words/s, median ${(devWords / median(devTimes[k]!) * 1000).toFixed(0)}`);
  console.log(`  synthetic (${synWords} words): best ${(synWords / best(synTimes[k]!) * 1000).toFixed(0)} words/s, median ${(synWords / median(synTimes[k]!) * 1000).toFixed(0)}`);
});

if (values.components) {
  // Each step of `analyse` on its own, through the functions each implementation exports; caches (where it has
  // them) are the model's own, warm from the runs above. Rounds alternate between implementations.
  const runs = await Promise.all(loaded.map(async (im) => {
    const imp = async (f: string) => import(pathToFileURL(join(im.dir, f)).href);
    return {
      im, m: im.model as any, steps: { atoms: [], tag1: [], tag2: [], parse: [], label: [], all: [] } as Record<string, number[]>,
      sentenceAtoms: (await imp('words.ts')).sentenceAtoms, tagSentence: (await imp('tagger.ts')).tagSentence,
      parserTags: (await imp('tagset.ts')).parserTags, parseSentence: (await imp('parser.ts')).parseSentence,
      labelSentence: (await imp('labeller.ts')).labelSentence,
    };
  }));
  for (let r = 0; r < rounds; r++) {
    for (const { im, m, steps, sentenceAtoms, tagSentence, parserTags, parseSentence, labelSentence } of runs) {
      let t = now();
      const atoms = dev.map((f) => sentenceAtoms(f, m.atomCache));
      steps.atoms!.push(now() - t);
      t = now();
      const first = atoms.map((a) => tagSentence(m.tagger, a, undefined, m.tagDict, m.wordScores1));
      steps.tag1!.push(now() - t);
      t = now();
      const joint = atoms.map((a, i) => tagSentence(m.tagger2, a, first[i], m.tagDict, m.wordScores2));
      steps.tag2!.push(now() - t);
      const tags = joint.map((j) => parserTags(j, m.coarse));
      t = now();
      const heads = atoms.map((a, i) => parseSentence(m.parser, a, tags[i]));
      steps.parse!.push(now() - t);
      t = now();
      atoms.forEach((a, i) => labelSentence(m.labeller, a, tags[i], heads[i], m.rootLabel));
      steps.label!.push(now() - t);
      t = now();
      for (const forms of dev) im.model.analyse(forms);
      steps.all!.push(now() - t);
    }
  }
  console.log(`components on EWT dev, words/s, best of ${rounds} ("all": analyse, which also makes lemmas and features):`);
  console.log(`  ${'step'.padEnd(6)} ${runs.map((_, k) => `impl ${k}`.padStart(9)).join(' ')}`);
  for (const s of Object.keys(runs[0]!.steps)) {
    console.log(`  ${s.padEnd(6)} ${runs.map((r) => (devWords / best(r.steps[s]!) * 1000).toFixed(0).padStart(9)).join(' ')}`);
  }
}
