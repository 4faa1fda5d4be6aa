import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allowed, decodeNer, labelsOfSpans, NER_LABELS, NerWordScores, spansOfLabels, trimSpans } from './decode.js';
import { NER_MAX_FEATURES, NER_WORD_FEATURES, nerContext, nerFeatures } from './features.js';
import { DEFAULT_NER_MODEL_PATH } from './model.js';
import { decodeNerModel } from './model-file.js';
import { WeightTable } from '../syntax/weights.js';
import { sentenceAtoms } from '../syntax/words.js';

const id = (l: string) => NER_LABELS.indexOf(l);

test('BILOU: a span once opened continues or closes with its own type; none is left open at the end', () => {
  assert.ok(allowed(-1, id('B-PER'), false));
  assert.ok(!allowed(-1, id('I-PER'), false));
  assert.ok(!allowed(id('B-PER'), id('O'), false));
  assert.ok(!allowed(id('B-PER'), id('L-ORG'), false));
  assert.ok(allowed(id('B-PER'), id('L-PER'), true));
  assert.ok(!allowed(id('B-PER'), id('I-PER'), true));
  assert.ok(!allowed(id('O'), id('B-ORG'), true));
  assert.ok(allowed(id('L-ORG'), id('U-PLACE'), true));
});

test('spans and labels are each other\'s inverse', () => {
  const spans = [{ start: 0, end: 2, type: 'PER' as const }, { start: 3, end: 4, type: 'PLACE' as const }, { start: 5, end: 8, type: 'ORG' as const }];
  const labels = labelsOfSpans(8, spans);
  assert.deepEqual([...labels].map((l) => NER_LABELS[l]), ['B-PER', 'L-PER', 'O', 'U-PLACE', 'O', 'B-ORG', 'I-ORG', 'L-ORG']);
  assert.deepEqual(spansOfLabels(labels), spans);
});

test('a span run on over lower-case words is cut where the name ends', () => {
  const forms = ['Mira', ',', 'who', 'has', 'deep', 'roots', 'in', 'Tirana'];
  assert.deepEqual(trimSpans(forms, [{ start: 0, end: 8, type: 'PER' }]), [{ start: 0, end: 1, type: 'PER' }]);
  const org = ['Bank', 'of', 'the', 'Western', 'Hills'];
  assert.deepEqual(trimSpans(org, [{ start: 0, end: 5, type: 'ORG' }]), [{ start: 0, end: 5, type: 'ORG' }]);
  assert.deepEqual(trimSpans(['Bank', 'of'], [{ start: 0, end: 2, type: 'ORG' }]), [{ start: 0, end: 1, type: 'ORG' }]);
});

test('the memo of a word\'s own feature sums gives the very scores and labels of summing them afresh', () => {
  const table = new WeightTable(decodeNerModel(readFileSync(DEFAULT_NER_MODEL_PATH), 'ner').table);
  // Three forms at most, so the memo is emptied and refilled while the sentences are tagged.
  const memo = new NerWordScores(table, 3);
  const sentences = [
    ['Ivo', 'Brenk', 'met', 'the', 'Tarsk', 'delegation', 'in', 'Valmora', '.'],
    ['THE', 'VALMORA', 'CABINET', 'MET', 'IVO', 'BRENK'],
    ['Brenk', 'said', 'Valmora', 'would', 'reply', '.'],
    ['the', 'tarsk', 'office', 'of', 'ivo', 'brenk', 'said', 'so'],
  ];
  for (const forms of sentences) {
    const ctx = nerContext(sentenceAtoms(forms), { kind: new Uint8Array(forms.length), part: new Uint8Array(forms.length) });
    const plain = decodeNer(table, ctx);
    assert.deepEqual(decodeNer(table, ctx, memo), plain);
    const keys = new Uint32Array(NER_MAX_FEATURES);
    for (let i = 0; i < forms.length; i++) {
      const k = nerFeatures(ctx, i, plain, keys);
      const fresh = new Float32Array(table.nClasses);
      table.score(keys, k, fresh);
      const cached = new Float32Array(table.nClasses);
      memo.wordScores(ctx, i, keys, cached);
      table.add(keys, NER_WORD_FEATURES, k, cached);
      assert.deepEqual(cached, fresh);
    }
  }
});
