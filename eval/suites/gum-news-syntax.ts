/**
 * The parser on GUM's Wikinews news and interviews (../shared/eval/gum-news/conllu, GUM_news_* and GUM_interview_*,
 * all 43 documents: GUM's news and interviews are kept out of training). As a user's article goes: the document's
 * text is rebuilt from the tokens (SpaceAfter, paragraph breaks at `# newpar`), then our own Doc splits sentences and
 * tokens and maps them onto UD words, and the model parses those. Predicted words are aligned with gold words by
 * character span: a gold word counts as right only when a predicted word has exactly its span and the head words
 * align too. Scores: token F1 of the alignment, UAS, LAS (universal relations), LAS with full labels, F1 per
 * relation; and LAS on the gold tokens, which separates what the tokeniser loses from what the parser does.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConllu } from '../conllu.js';
import { evalModel, scoreGoldTokens, scoreThroughDoc, SyntaxScore, tokenF1, type TokenCounts } from '../syntax-score.js';
import type { EvalSuite, Measure } from '../suite.js';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { nameSpansForSyntax, recognise } from '../../src/extract/entities.js';

const suite: EvalSuite = {
  name: 'gum-news-syntax',
  data: 'gum-news',
  async run(dir: string): Promise<Measure[]> {
    const folder = join(dir, 'conllu');
    const files = readdirSync(folder).filter((f) => /^GUM_(news|interview)_.*\.conllu$/.test(f)).sort();
    const { model, name } = evalModel();
    const score = new SyntaxScore();
    const onGold = new SyntaxScore();
    const tokens: TokenCounts = { gold: 0, predicted: 0, aligned: 0 };
    // As the pipeline parses: after the entity step, whose names the tagger reads as names (Doc.useNames).
    const kb = defaultKnowledgeBase();
    const withNames = new SyntaxScore();
    const namedTokens: TokenCounts = { gold: 0, predicted: 0, aligned: 0 };
    for (const f of files) {
      const gold = readConllu(readFileSync(join(folder, f), 'utf8'));
      scoreThroughDoc(gold, model, score, tokens);
      scoreThroughDoc(gold, model, withNames, namedTokens, (doc) => nameSpansForSyntax(recognise(doc, kb)));
      scoreGoldTokens(gold, model, onGold);
    }
    return [
      { measure: 'tokenF1', value: tokenF1(tokens) },
      { measure: 'uas', value: score.ratio(score.uas) },
      { measure: 'las', value: score.ratio(score.las), anchor: 'issue 8 target ≥ 0.80' },
      { measure: 'las (full labels)', value: score.ratio(score.lasFull) },
      { measure: 'upos (aligned words)', value: score.ratio(score.upos) },
      { measure: 'las, names from the entity step', value: withNames.ratio(withNames.las) },
      { measure: 'upos, names from the entity step', value: withNames.ratio(withNames.upos) },
      ...score.relationMeasures(),
      { measure: 'las (gold tokenisation)', value: onGold.ratio(onGold.las) },
      { measure: 'documents / words', value: `${files.length} / ${score.gold}` },
      { measure: 'model', value: name },
    ];
  },
};

export default suite;
