/**
 * Scores a syntax model file on a CoNLL-U file with gold tokenisation, with the `ud-ewt` suite's scorer: UPOS,
 * XPOS, lemma, UAS, LAS (universal relations, as CoNLL 2018) and full-label LAS, plus words/s, load time and
 * memory. `node --import tsx train/score.ts [model] [conllu]`; defaults: the shipped model on EWT dev (the suite
 * reports EWT test; this is the trainer's quick look at a candidate).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConllu } from '../eval/conllu.js';
import { scoreGoldTokens, SyntaxScore } from '../eval/syntax-score.js';
import { DEFAULT_MODEL_PATH, PerceptronSyntaxModel } from '../src/nlp/syntax/model.js';

const [modelPath = DEFAULT_MODEL_PATH, data = join(resolve(process.env.DOSSIER_SHARED ?? '../shared'), 'data/treebanks/en-ewt/en_ewt-ud-dev.conllu')] = process.argv.slice(2);
const t0 = performance.now();
const model = new PerceptronSyntaxModel(readFileSync(modelPath), modelPath);
const loadMs = performance.now() - t0;
const gold = readConllu(readFileSync(data, 'utf8'));
const score = new SyntaxScore();
const t1 = performance.now();
scoreGoldTokens(gold, model, score);
const secs = (performance.now() - t1) / 1000;
const p = (x: number) => (100 * score.ratio(x)).toFixed(2);
const mem = process.memoryUsage();
console.log(`${data.split('/').pop()}: UPOS ${p(score.upos)} XPOS ${p(score.xpos)} lemma ${p(score.lemma)} UAS ${p(score.uas)} LAS ${p(score.las)} (full labels ${p(score.lasFull)}); ${(score.gold / secs).toFixed(0)} words/s; load ${loadMs.toFixed(0)} ms; heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`);
console.log(score.relationMeasures().map((m) => `${m.measure} ${typeof m.value === 'number' ? m.value.toFixed(3) : m.value}`).join('  '));
