import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConllu } from './conllu.js';
import { scoreGoldTokens, scoreThroughDoc, SyntaxScore, tokenF1, type TokenCounts } from './syntax-score.js';
import { fakeSyntaxModel } from '../test/fake-syntax-model.js';

// Two sentences annotated for this test, the way the fake model parses them (every word on the first verb).
const CONLLU = [
  '# newdoc id = t1', '# newpar', '# sent_id = t1-1', "# text = They don't back it.",
  '1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_',
  "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_',
  "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
  '4\tback\tback\tVERB\tVBP\t_\t0\troot\t_\t_',
  '5\tit\tit\tPRON\tPRP\t_\t4\tobj\t_\tSpaceAfter=No',
  '6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '', '# newpar', '# sent_id = t1-2', '# text = Envoys met.',
  '1\tEnvoys\tenvoy\tNOUN\tNNS\t_\t2\tnsubj\t_\t_',
  '2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No',
  '3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_', '',
].join('\n');

test('readConllu rebuilds the text and places every word, multiword tokens too', () => {
  const g = readConllu(CONLLU);
  assert.equal(g.text, "They don't back it.\n\nEnvoys met.");
  const words = g.sentences.flatMap((s) => s.words);
  assert.deepEqual(words.map((w) => g.text.slice(w.start, w.end)), words.map((w) => w.form));
  assert.deepEqual(g.sentences.map((s) => s.id), ['t1-1', 't1-2']);
  assert.equal(g.sentences[0]!.words[2]!.head, 4);
});

test('scores on gold tokens count every word, punctuation included', () => {
  const score = new SyntaxScore();
  scoreGoldTokens(readConllu(CONLLU), fakeSyntaxModel(), score);
  assert.equal(score.gold, 9);
  assert.equal(score.uas, 9);
  assert.equal(score.las, 9);
  const rows = Object.fromEntries(score.relationMeasures().map((m) => [m.measure, m.value]));
  assert.equal(rows['obj F1'], 1);
  assert.equal(rows['advmod (negation) F1'], 1);
  assert.equal(rows['iobj F1'], 0, 'a relation never seen scores 0');
});

test('LAS takes the universal relation, the full-label LAS and relation F1 the subtype too', () => {
  const score = new SyntaxScore();
  const w = (rel: string) => ({ form: 'x', rel, upos: 'NOUN', xpos: 'NN', lemma: 'x' });
  score.addGold(w('nsubj:pass'), w('nsubj'), true);
  score.addPredicted(w('nsubj'));
  score.addGold(w('obj'), w('obj'), false);
  score.addPredicted(w('obj'));
  score.addGold(w('obj'), null, false);
  assert.deepEqual([score.gold, score.aligned, score.uas, score.las, score.lasFull], [3, 2, 1, 1, 0]);
  const rows = Object.fromEntries(score.relationMeasures().map((m) => [m.measure, m.value]));
  assert.equal(rows['nsubj:pass F1'], 0);
  assert.equal(rows['nsubj F1'], 0);
  assert.equal(rows['obj F1'], 0, 'a right label on a wrong head is wrong');
});

test('scores through the Doc align predicted words with gold words by character span', () => {
  const score = new SyntaxScore();
  const tokens: TokenCounts = { gold: 0, predicted: 0, aligned: 0 };
  scoreThroughDoc(readConllu(CONLLU), fakeSyntaxModel(), score, tokens);
  assert.deepEqual(tokens, { gold: 9, predicted: 9, aligned: 9 });
  assert.equal(tokenF1(tokens), 1);
  assert.equal(score.uas, 9);
});
