import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNerModel, buildGazetteer, DEFAULT_NER_SETTINGS } from './ner.js';
import { readGumNames, readNerCorpora, readWikigold, spansOfIob, type NerSentence } from './ner-data.js';
import { NerModel } from '../src/nlp/ner/model.js';
import { TEST_KB } from '../src/extract/actors/testkb.js';

// A tiny corpus of our own sentences.
const SENTENCES: NerSentence[] = [
  ['Mira', 'Kovacs', 'visited', 'Tirana', 'in', 'May', '.'],
  ['The', 'Adriatic', 'Fisheries', 'Board', 'met', 'in', 'Split', '.'],
  ['Jonas', 'Berg', 'joined', 'the', 'Northern', 'Rail', 'Union', '.'],
  ['Farmers', 'in', 'Ohrid', 'praised', 'Ana', 'Petrova', '.'],
].map((forms, i) => ({
  corpus: 'test',
  forms,
  spans: [
    [{ start: 0, end: 2, type: 'PER' as const }, { start: 3, end: 4, type: 'PLACE' as const }],
    [{ start: 1, end: 4, type: 'ORG' as const }, { start: 6, end: 7, type: 'PLACE' as const }],
    [{ start: 0, end: 2, type: 'PER' as const }, { start: 4, end: 7, type: 'ORG' as const }],
    [{ start: 2, end: 3, type: 'PLACE' as const }, { start: 4, end: 6, type: 'PER' as const }],
  ][i]!,
}));

test('training is deterministic: the same tiny corpus gives the same file byte for byte, and a model that reads it', () => {
  const inputs = { sentences: SENTENCES, gazetteer: buildGazetteer(TEST_KB, 'ohrid\tplace\n') };
  const settings = { ...DEFAULT_NER_SETTINGS, epochs: 5 };
  const a = buildNerModel(inputs, settings);
  const b = buildNerModel(inputs, settings);
  assert.ok(a.equals(b));
  const model = new NerModel(a);
  const spans = model.tag(SENTENCES[0]!.forms);
  assert.ok(spans.length > 0 && spans.every((s) => s.start < s.end && s.end <= SENTENCES[0]!.forms.length));
  assert.equal(model.meta.name, 'dossier-ner-en');
});

test('IOB1 and IOB2 tags read as the same spans', () => {
  assert.deepEqual(spansOfIob(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC']), [
    { start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'PLACE' }, { start: 4, end: 5, type: 'PLACE' }]);
  assert.deepEqual(readWikigold('-DOCSTART- O\n\nThe I-ORG\nRail I-ORG\nran O\n').map((s) => s.spans), [[{ start: 0, end: 2, type: 'ORG' }]]);
});

test('GUM named mentions: minimal span, proper nouns at the edges, outermost kept, times left out', () => {
  const row = (id: number, form: string, upos: string, misc: string) => `${id}\t${form}\t_\t${upos}\t_\t_\t0\t_\t_\t${misc}`;
  const conllu = [
    row(1, 'the', 'DET', 'Entity=(1-organization-new-nnn-cf1-2,3,4-sgl'),
    row(2, 'Ohrid', 'PROPN', 'Entity=(2-place-new-nnn-cf2-1-sgl)'),
    row(3, 'Fisheries', 'PROPN', '_'),
    row(4, 'Board', 'PROPN', 'Entity=1)'),
    row(5, 'met', 'VERB', '_'),
    row(6, 'in', 'ADP', '_'),
    row(7, 'May', 'PROPN', 'Entity=(3-time-new-nnn-cf3-1-sgl)'),
    '',
  ].join('\n');
  assert.deepEqual(readGumNames(conllu, 'gum/test').map((s) => s.spans), [[{ start: 1, end: 4, type: 'ORG' }]]);
});

test('GUM news and interviews are refused as training data', () => {
  const shared = mkdtempSync(join(tmpdir(), 'ner-data-'));
  mkdirSync(join(shared, 'data/ner/uner-ewt'), { recursive: true });
  mkdirSync(join(shared, 'data/ner/wikigold'), { recursive: true });
  mkdirSync(join(shared, 'data/treebanks/gum/dep'), { recursive: true });
  for (const f of ['en_ewt-ud-dev.iob2', 'en_ewt-ud-test.iob2']) writeFileSync(join(shared, 'data/ner/uner-ewt', f), '');
  writeFileSync(join(shared, 'data/ner/wikigold/wikigold.conll.txt'), '');
  const doc = '1\tOhrid\t_\tPROPN\t_\t_\t0\t_\t_\tEntity=(1-place-new-nnn-cf1-1-sgl)\n\n';
  writeFileSync(join(shared, 'data/treebanks/gum/dep/GUM_news_lake.conllu'), doc);
  writeFileSync(join(shared, 'data/treebanks/gum/dep/GUM_interview_lake.conllu'), doc);
  writeFileSync(join(shared, 'data/treebanks/gum/dep/GUM_voyage_lake.conllu'), doc);
  assert.deepEqual(readNerCorpora(shared).map((s) => s.corpus), ['gum/GUM_voyage_lake.conllu']);
});
