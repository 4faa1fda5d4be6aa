/**
 * The tagger and parser on UD English EWT test (../shared/data/treebanks/en-ewt; train and dev are what the model
 * is trained and tuned on, test is never read by training). Gold tokenisation and sentences, predicted tags, every
 * word scored (punctuation included), as the CoNLL 2018 shared task scores: UAS, LAS (universal relations), LAS
 * with full labels, UPOS, XPOS, lemma accuracy, and F1 per relation (head and full label right). Then the same text
 * through our own tokeniser and sentence splitter (the Doc), aligned by character spans: token F1 and LAS from raw
 * text, which is what UDPipe's 77.5 measures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConllu } from '../conllu.js';
import { evalModel, scoreGoldTokens, scoreThroughDoc, SyntaxScore, tokenF1, type TokenCounts } from '../syntax-score.js';
import type { EvalSuite, Measure } from '../suite.js';

const suite: EvalSuite = {
  name: 'ud-ewt',
  root: 'data',
  data: 'treebanks/en-ewt',
  async run(dir: string): Promise<Measure[]> {
    const gold = readConllu(readFileSync(join(dir, 'en_ewt-ud-test.conllu'), 'utf8'));
    const { model, name } = evalModel();
    const score = new SyntaxScore();
    const t0 = performance.now();
    scoreGoldTokens(gold, model, score);
    const secs = (performance.now() - t0) / 1000;
    const raw = new SyntaxScore();
    const tokens: TokenCounts = { gold: 0, predicted: 0, aligned: 0 };
    scoreThroughDoc(gold, model, raw, tokens);
    return [
      { measure: 'uas', value: score.ratio(score.uas), anchor: 'issue 8 target ≥ 0.87' },
      { measure: 'las', value: score.ratio(score.las), anchor: 'UDPipe 1.2 0.812 (gold tok.); spaCy trf 0.894; target ≥ 0.84' },
      { measure: 'las (full labels)', value: score.ratio(score.lasFull) },
      { measure: 'upos', value: score.ratio(score.upos), anchor: 'issue 8 target ≥ 0.95' },
      { measure: 'xpos', value: score.ratio(score.xpos) },
      { measure: 'lemma', value: score.ratio(score.lemma) },
      ...score.relationMeasures(),
      { measure: 'tokenF1 (our tokeniser on the raw text)', value: tokenF1(tokens) },
      { measure: 'las (raw text, our tokeniser)', value: raw.ratio(raw.las), anchor: 'UDPipe 1.2 0.775 (raw text)' },
      { measure: 'words', value: score.gold },
      { measure: 'parser words/s (gold tok., this run)', value: Math.round(score.gold / secs) },
      { measure: 'model', value: name },
    ];
  },
};

export default suite;
