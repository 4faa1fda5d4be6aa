import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSyntaxModel, DEFAULT_SETTINGS, SHARED } from './syntax.js';
import { PerceptronSyntaxModel } from '../src/nlp/syntax/model.js';

const haveData = existsSync(join(SHARED, 'data/treebanks/en-ewt/en_ewt-ud-train.conllu'));

test('training is deterministic: the same data and settings give the same file, byte for byte', { skip: !haveData && 'needs ../shared/data' }, () => {
  const small = { ...DEFAULT_SETTINGS, limit: 300, folds: 2, taggerEpochs: 2, parserEpochs: 2, labellerEpochs: 2, minRowWeight: 0.5 };
  const a = buildSyntaxModel(SHARED, small);
  const b = buildSyntaxModel(SHARED, small);
  assert.ok(a.equals(b));
  // And the file is a working model: it tags and parses, one head per word, one root.
  const model = new PerceptronSyntaxModel(a, 'small');
  const out = model.analyse(['The', 'ministers', 'met', 'in', 'Brussels', '.']);
  assert.equal(out.head.length, 6);
  assert.equal(out.head.filter((h) => h === 0).length, 1);
  assert.equal(out.rel[out.head.indexOf(0)], 'root');
  assert.equal(model.meta.trainingSentences, 300);
});

test('with the tagger lexicon too: the same file twice, and the lexicon travels in it', { skip: !haveData && 'needs ../shared/data' }, () => {
  const small = { ...DEFAULT_SETTINGS, limit: 300, folds: 2, taggerEpochs: 2, parserEpochs: 1, labellerEpochs: 1, minRowWeight: 0.5, lexicon: true };
  const a = buildSyntaxModel(SHARED, small);
  assert.ok(a.equals(buildSyntaxModel(SHARED, small)));
  const model = new PerceptronSyntaxModel(a, 'small');
  assert.equal((model.meta.settings as { lexicon?: boolean }).lexicon, true);
  assert.ok(JSON.stringify(model.meta.corpora).includes('verb-forms.tsv'));
  const out = model.analyse(['Officials', 'froze', 'the', 'accounts', '.']);
  assert.equal(out.head.filter((h) => h === 0).length, 1);
});
