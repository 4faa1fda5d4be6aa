/**
 * Dependency scores shared by the ud-ewt and gum-news-syntax suites, as the CoNLL 2018 shared task counts them:
 * every word, punctuation included; UAS a right head; LAS a right head and a right universal relation (the part
 * before ":"), with the full label ("nsubj:pass", "obl:tmod") scored as well. Per relation (full label): a
 * predicted word with that relation is right when the gold word has the same relation and the same head; F1 of
 * those against all gold and all predicted words with the relation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Doc } from '../src/nlp/doc.js';
import { DEFAULT_MODEL_PATH, loadSyntaxModel, PerceptronSyntaxModel } from '../src/nlp/syntax/model.js';
import type { SyntaxModel, SyntaxWord } from '../src/nlp/syntax/types.js';
import type { Span } from '../src/model/types.js';
import type { GoldDocument } from './conllu.js';
import { prf, round, type Measure } from './suite.js';

/** The relations the issue tracks, each by its full label. */
export const RELATIONS = ['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'ccomp', 'xcomp', 'advcl', 'appos', 'conj', 'nmod:poss', 'advmod', 'aux'];
const NEGATION = new Set(['not', "n't", 'n’t', 'never', 'nt']);

export interface ScoredWord {
  form: string;
  rel: string;
  upos?: string;
  xpos?: string;
  lemma?: string;
}

export class SyntaxScore {
  gold = 0;
  predicted = 0;
  /** Gold words with a predicted word on them (all of them with gold tokenisation). */
  aligned = 0;
  uas = 0;
  las = 0;
  lasFull = 0;
  upos = 0;
  xpos = 0;
  lemma = 0;
  private readonly rel = new Map<string, { tp: number; gold: number; pred: number }>();

  /**
   * One gold word, with the predicted word on its span (null when there is none) and whether the predicted head
   * is the gold head (for a root: both roots).
   */
  addGold(g: ScoredWord, p: ScoredWord | null, headRight: boolean): void {
    this.gold++;
    for (const key of relKeys(g)) this.relCounts(key).gold++;
    if (!p) return;
    this.aligned++;
    if (p.upos === g.upos) this.upos++;
    if (p.xpos === g.xpos) this.xpos++;
    if (p.lemma === g.lemma) this.lemma++;
    if (!headRight) return;
    this.uas++;
    if (universal(p.rel) === universal(g.rel)) this.las++;
    if (p.rel === g.rel) {
      this.lasFull++;
      for (const key of relKeys(g)) if (relKeys(p).includes(key)) this.relCounts(key).tp++;
    }
  }

  /** One predicted word (every one, aligned or not: they are the precision's denominator). */
  addPredicted(p: ScoredWord): void {
    this.predicted++;
    for (const key of relKeys(p)) this.relCounts(key).pred++;
  }

  private relCounts(key: string) {
    let c = this.rel.get(key);
    if (!c) this.rel.set(key, (c = { tp: 0, gold: 0, pred: 0 }));
    return c;
  }

  /** The per-relation F1 rows, in the order of RELATIONS, then negation. */
  relationMeasures(): Measure[] {
    return [...RELATIONS, 'advmod (negation)'].map((r) => {
      const c = this.rel.get(r) ?? { tp: 0, gold: 0, pred: 0 };
      return { measure: `${r} F1`, value: round(prf(c.tp, c.pred - c.tp, c.gold - c.tp).f1) };
    });
  }

  ratio(n: number): number {
    return round(this.gold ? n / this.gold : 0);
  }
}

const universal = (rel: string): string => rel.split(':')[0]!;

/** The per-relation keys a word counts under: its full label, and "advmod (negation)" for not/n't/never. */
function relKeys(w: ScoredWord): string[] {
  if (w.rel === 'advmod' && NEGATION.has(w.form.toLowerCase())) return ['advmod', 'advmod (negation)'];
  return [w.rel];
}

/** Scores a gold document through our own pipeline: the Doc's sentences and tokens, mapped onto UD words. */
export function scoreThroughDoc(gold: GoldDocument, model: SyntaxModel, score: SyntaxScore, tokens: TokenCounts,
  names?: (doc: Doc) => readonly Span[]): void {
  const doc = new Doc(gold.text, model);
  if (names) doc.useNames(names(doc));
  const bySpan = new Map<string, { w: SyntaxWord; head: string }>();
  for (let s = 0; s < doc.sentences.length; s++) {
    const words = doc.syntax(s).words;
    for (const w of words) {
      const head = w.head < 0 ? 'root' : span(words[w.head]!);
      bySpan.set(span(w), { w, head });
      score.addPredicted({ form: w.text, rel: w.rel });
      tokens.predicted++;
    }
  }
  for (const s of gold.sentences) {
    for (const g of s.words) {
      tokens.gold++;
      const p = g.start >= 0 ? bySpan.get(span(g)) : undefined;
      if (p) tokens.aligned++;
      const goldHead = g.head === 0 ? 'root' : s.words[g.head - 1]!.start >= 0 ? span(s.words[g.head - 1]!) : null;
      score.addGold(g, p ? { form: p.w.text, rel: p.w.rel, upos: p.w.upos, xpos: p.w.xpos, lemma: p.w.lemma } : null,
        !!p && goldHead !== null && p.head === goldHead);
    }
  }
}

/** Scores the model on gold words: the treebank's own tokenisation and sentences. */
export function scoreGoldTokens(gold: GoldDocument, model: SyntaxModel, score: SyntaxScore): void {
  for (const s of gold.sentences) {
    const a = model.analyse(s.words.map((w) => w.form));
    s.words.forEach((g, i) => {
      const p = { form: g.form, rel: a.rel[i]!, upos: a.upos[i]!, xpos: a.xpos[i]!, lemma: a.lemma[i]! };
      score.addPredicted(p);
      score.addGold(g, p, a.head[i] === g.head);
    });
  }
}

export interface TokenCounts {
  gold: number;
  predicted: number;
  /** Gold words that a predicted word has exactly the span of. */
  aligned: number;
}

export function tokenF1(c: TokenCounts): number {
  return round(prf(c.aligned, c.predicted - c.aligned, c.gold - c.aligned).f1);
}

const span = (w: { start: number; end: number }): string => `${w.start}:${w.end}`;

/**
 * The model the syntax suites score: the shipped one, or the file named by DOSSIER_SYNTAX_MODEL (a candidate from
 * `npm run train -- --out FILE`), so a model can be measured before it ships.
 */
export function evalModel(): { model: SyntaxModel; loadMs: number; name: string } {
  const t0 = performance.now();
  const path = process.env.DOSSIER_SYNTAX_MODEL;
  if (!path && !existsSync(DEFAULT_MODEL_PATH)) throw new Error(`no syntax model at ${DEFAULT_MODEL_PATH}: \`npm run train\` builds it`);
  const model = path ? new PerceptronSyntaxModel(readFileSync(path), path) : loadSyntaxModel();
  return { model, loadMs: performance.now() - t0, name: path ?? 'shipped' };
}
