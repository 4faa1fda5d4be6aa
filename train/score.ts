/**
 * Scores a syntax model file on a CoNLL-U file with gold tokenisation: UPOS, XPOS, lemma, UAS, LAS (punctuation
 * included). `node --import tsx train/score.ts [model] [conllu]`; defaults: the shipped model on EWT dev.
 * The eval suite `ud-ewt` reports the official figures on EWT test; this is the trainer's quick look.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConllu } from './conllu.js';
import { DEFAULT_MODEL_PATH, PerceptronSyntaxModel } from '../src/nlp/syntax/model.js';

const [modelPath = DEFAULT_MODEL_PATH, data = join(resolve(process.env.DOSSIER_SHARED ?? '../shared'), 'data/treebanks/en-ewt/en_ewt-ud-dev.conllu')] = process.argv.slice(2);
const t0 = performance.now();
const model = new PerceptronSyntaxModel(readFileSync(modelPath), modelPath);
const loadMs = performance.now() - t0;
const sents = readConllu(data);
let n = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, words = 0;
const t1 = performance.now();
const rel = new Map<string, { tp: number; fp: number; fn: number }>();
const r = (k: string) => { let v = rel.get(k); if (!v) rel.set(k, (v = { tp: 0, fp: 0, fn: 0 })); return v; };
for (const s of sents) {
  const a = model.analyse(s.forms);
  words += s.forms.length;
  for (let i = 0; i < s.forms.length; i++) {
    n++;
    if (a.upos[i] === s.upos[i]) upos++;
    if (a.xpos[i] === s.xpos[i]) xpos++;
    if (a.lemma[i] === s.lemmas[i]) lemma++;
    const headOk = a.head[i] === s.heads[i];
    if (headOk) uas++;
    if (headOk && a.rel[i] === s.rels[i]) { las++; r(s.rels[i]!).tp++; }
    else { r(s.rels[i]!).fn++; r(a.rel[i]!).fp++; }
  }
}
const secs = (performance.now() - t1) / 1000;
const p = (x: number) => (100 * x / n).toFixed(2);
console.log(`${data.split('/').pop()}: UPOS ${p(upos)} XPOS ${p(xpos)} lemma ${p(lemma)} UAS ${p(uas)} LAS ${p(las)}; ${(words / secs).toFixed(0)} words/s; load ${loadMs.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
const rows = [...rel].filter(([, v]) => v.tp + v.fn >= 50).sort((a, b) => (b[1].tp + b[1].fn) - (a[1].tp + a[1].fn));
console.log(rows.map(([k, v]) => `${k} ${(200 * v.tp / (2 * v.tp + v.fp + v.fn)).toFixed(1)}`).join('  '));
