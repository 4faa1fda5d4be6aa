/**
 * Article-body extraction against the ScrapingHub/Zyte article-extraction benchmark (181 pages).
 * The metric is the benchmark's own, re-implemented from its SOURCE.md: 4-gram shingle multisets over `\w+`
 * tokens, (tp, fp, fn) per document, precision and recall averaged over documents, F1 from the two means.
 * The same metric over the stored Readability.js output checks this implementation against the published 0.947.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../../src/ingest/html.js';
import { round, type EvalSuite, type Measure } from '../suite.js';

type Bodies = Record<string, { articleBody?: string; url?: string }>;

/** Python's `\w` in Unicode mode: letters, numbers and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The multiset of 4-token shingles; a text shorter than four tokens is one shingle of all its tokens. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function shingleMatch(gold: string, predicted: string): ShingleCounts {
  const g = shingles(gold);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, c] of p) {
    const inGold = g.get(s) ?? 0;
    tp += Math.min(c, inGold);
    fp += Math.max(0, c - inGold);
  }
  for (const [s, c] of g) fn += Math.max(0, c - (p.get(s) ?? 0));
  return { tp, fp, fn };
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** Scores a system's bodies against the gold bodies, over every gold item (a missing prediction is empty). */
export function score(gold: Bodies, predicted: Bodies): Scores {
  const ids = Object.keys(gold);
  let pSum = 0;
  let rSum = 0;
  let exact = 0;
  for (const id of ids) {
    const goldText = gold[id]?.articleBody ?? '';
    const predText = predicted[id]?.articleBody ?? '';
    const { tp, fp, fn } = shingleMatch(goldText, predText);
    // The per-document normalisation (dividing by tp+fp+fn) leaves each ratio unchanged; empty sides count as 1
    // only when the other side is empty too.
    pSum += tp + fp ? tp / (tp + fp) : fn ? 0 : 1;
    rSum += tp + fn ? tp / (tp + fn) : fp ? 0 : 1;
    if (tokenize(goldText).join(' ') === tokenize(predText).join(' ')) exact++;
  }
  const precision = pSum / ids.length;
  const recall = rSum / ids.length;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: exact / ids.length };
}

/** The stored reference outputs are sometimes wrapped as `{ version, output }`. */
function readBodies(path: string): Bodies {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Bodies | { output: Bodies };
  return 'output' in raw && typeof raw.output === 'object' && raw.output && !('articleBody' in raw.output)
    ? (raw.output as Bodies)
    : (raw as Bodies);
}

/** Runs extractArticle over every page; returns the bodies and the mean milliseconds per page. */
export function extractAll(dataDir: string, gold: Bodies): { bodies: Bodies; msPerPage: number } {
  const bodies: Bodies = {};
  const files = readdirSync(join(dataDir, 'html')).filter((f) => f.endsWith('.html.gz'));
  let ms = 0;
  for (const file of files) {
    const id = file.replace(/\.html\.gz$/, '');
    const html = gunzipSync(readFileSync(join(dataDir, 'html', file))).toString('utf8');
    const t0 = performance.now();
    const article = extractArticle(html, gold[id]?.url);
    ms += performance.now() - t0;
    bodies[id] = { articleBody: article?.text ?? '' };
  }
  return { bodies, msPerPage: files.length ? ms / files.length : 0 };
}

const suite: EvalSuite = {
  name: 'article-extraction',
  data: 'article-extraction-benchmark',
  async run(dataDir: string): Promise<Measure[]> {
    const gold = readBodies(join(dataDir, 'ground-truth.json'));
    const reference = score(gold, readBodies(join(dataDir, 'output', 'readability_js.json')));
    const { bodies, msPerPage } = extractAll(dataDir, gold);
    const ours = score(gold, bodies);
    return [
      { measure: 'F1 (4-gram shingles)', value: round(ours.f1), anchor: 'Readability 0.947; trafilatura 0.958' },
      { measure: 'precision', value: round(ours.precision), anchor: 'Readability 0.914; trafilatura 0.938' },
      { measure: 'recall', value: round(ours.recall), anchor: 'Readability 0.982; trafilatura 0.978' },
      { measure: 'accuracy (exact tokens)', value: round(ours.accuracy), anchor: 'Readability 0.166; trafilatura 0.293' },
      { measure: 'ms/page', value: round(msPerPage, 1) },
      { measure: 'metric check: readability_js.json F1', value: round(reference.f1), anchor: 'published 0.947' },
      { measure: 'metric check: readability_js.json P/R/acc', value: `${round(reference.precision)}/${round(reference.recall)}/${round(reference.accuracy)}`, anchor: 'published 0.914/0.982/0.166' },
    ];
  },
};

export default suite;
