import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed, labelsOfSpans, NER_LABELS, spansOfLabels, trimSpans } from './decode.js';

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
