import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeModel, encodeModel } from './model-file.js';
import { featsOf, lemmaOf, ruleLemma } from './lexicon.js';
import { featureKey, hashString } from './hash.js';
import { normaliseForm, sentenceAtoms, shapeOf, WordAtomCache, wordAtoms } from './words.js';
import { WeightTable } from './weights.js';

function table(nClasses: number, rows: [number, [number, number][]][]) {
  const keys = Uint32Array.from(rows.map(([k]) => k));
  const rowStart = new Uint32Array(rows.length + 1);
  const cls: number[] = [];
  const weight: number[] = [];
  rows.forEach(([, cells], r) => {
    rowStart[r] = cls.length;
    for (const [c, w] of cells) { cls.push(c); weight.push(w); }
  });
  rowStart[rows.length] = cls.length;
  return { nClasses, rowKeys: keys, rowStart, cls: Uint16Array.from(cls), weight: Float32Array.from(weight) };
}

test('a weight table sums the sparse rows of the keys it knows and skips the others', () => {
  const t = new WeightTable(table(3, [[featureKey(1, 7), [[0, 1.5], [2, -1]]], [featureKey(2, 7), [[2, 4]]]]));
  const scores = new Float32Array(3);
  t.score(Uint32Array.from([featureKey(1, 7), featureKey(2, 7), featureKey(3, 7)]), 3, scores);
  assert.deepEqual([...scores], [1.5, 0, 3]);
});

test('the model file keeps header and tables through encode and decode', () => {
  const header = {
    meta: { name: 'tiny' }, tags: ['NOUN NN', 'VERB VBD'], labels: ['root', 'nsubj'],
    lexicon: { lemma: { 'went\tVBD': 'go' }, feats: {}, tagFeats: { 'NOUN NN': 'Number=Sing' } }, tagDict: { the: 'DET DT' },
  };
  const t = table(2, [[featureKey(5, 1), [[1, 0.25]]]]);
  const file = encodeModel(header, { tagger: t, tagger2: t, parser: t, labeller: t });
  const back = decodeModel(file, 'tiny');
  assert.deepEqual(back.header, header);
  const scores = new Float32Array(2);
  back.tables.parser.score(Uint32Array.from([featureKey(5, 1)]), 1, scores);
  assert.deepEqual([...scores], [0, 0.25]);
  assert.deepEqual(encodeModel(header, { tagger: t, tagger2: t, parser: t, labeller: t }), file, 'the same input gives the same bytes');
  assert.throws(() => decodeModel(Buffer.from('not a model'), 'x.bin.gz'), /x\.bin\.gz: not a syntax model/);
});

test('lemmas come from the exception table, else from the suffix rule of the tag', () => {
  const lex = { lemma: { 'went\tVBD': 'go' }, feats: { 'us\tPRON PRP': 'Case=Acc' }, tagFeats: { 'PRON PRP': 'Case=Nom' } };
  assert.equal(lemmaOf(lex, 'went', 'went', 'VBD'), 'go');
  assert.equal(ruleLemma('stopped', 'stopped', 'VBD'), 'stop');
  assert.equal(ruleLemma('parties', 'parties', 'NNS'), 'party');
  assert.equal(ruleLemma('talks', 'talks', 'NNS'), 'talk');
  assert.equal(ruleLemma('crisis', 'crisis', 'NN'), 'crisis');
  assert.equal(ruleLemma('Vučić', 'vučić', 'NNP'), 'Vučić');
  assert.equal(ruleLemma('running', 'running', 'VBG'), 'run');
  assert.equal(featsOf(lex, 'us', 'PRON PRP'), 'Case=Acc');
  assert.equal(featsOf(lex, 'we', 'PRON PRP'), 'Case=Nom');
  assert.equal(featsOf(lex, 'xyz', 'X FW'), '_');
});

test('word atoms read typographic marks as EWT writes them', () => {
  assert.equal(normaliseForm('n’t'), "n't");
  assert.equal(normaliseForm('“'), '"');
  assert.equal(shapeOf('Vučić'), 'Xx');
  assert.equal(shapeOf('2020-21'), 'd-d');
  assert.equal(shapeOf('U.S.'), 'X.X.');
  const a = sentenceAtoms(['Russia', '’s', 'NATO']);
  assert.equal(a.lower[1], hashString("'s"));
  assert.equal(a.flags[0]! & 16, 16, 'first word');
  assert.equal(a.flags[2]! & 2, 2, 'all capitals');
});

test('word atoms take a fast path for ASCII that gives what the Unicode rules give', () => {
  // The Unicode reading, as it was before the ASCII path: every form below goes through both.
  const reference = (form: string) => {
    let out = '';
    let last = '';
    for (const ch of form) {
      const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
      if (c !== last) out += c;
      last = c;
    }
    const shape = out.length > 6 ? out.slice(0, 6) : out;
    let f = 0;
    if (/^\p{Lu}/u.test(form)) f |= 1;
    if (form.length > 1 && form === form.toUpperCase() && /\p{Lu}/u.test(form)) f |= 2;
    if (/\p{N}/u.test(form)) f |= 4;
    if (form.length > 1 && form.includes('-')) f |= 8;
    return { shape, f, letter: /\p{L}/u.test(form) };
  };
  const forms = ['NATO', 'U.S.', 'McDonald', 'e-mail', '2020-21', '--', '-', 'a', 'A', 'iPhone', 'ABC123def', '$5.99', "'s", '...',
    'x_Y-z', 'Über', 'ÉU', 'Vučić', '２０', 'ǅ', '@user', '#tag', 'AaAaAaAaAa', ''];
  for (const form of forms) {
    const ref = reference(form);
    assert.equal(shapeOf(form), ref.shape, form);
    const w = wordAtoms(form);
    assert.equal(w.flags, ref.f, form);
    assert.equal(w.hasLetter, ref.letter, form);
    assert.equal(w.shape, hashString(ref.shape), form);
  }
  assert.equal(normaliseForm('plain'), 'plain');
  assert.equal(normaliseForm('well‑known…'), 'well-known...');
});

test('sentence atoms are the same with and without the word cache, and the cache stays bounded', () => {
  const cache = new WordAtomCache(3);
  const forms = ['The', 'U.S.', 'said', '“', 'no', '”', 'The', 'said'];
  for (let r = 0; r < 3; r++) assert.deepEqual(sentenceAtoms(forms, cache), sentenceAtoms(forms));
});

test('a weight table adds keys in two steps to the same floats as in one', () => {
  const rows: [number, [number, number][]][] = [];
  for (let k = 1; k <= 40; k++) rows.push([featureKey(k, 3), [[k % 5, 0.1 * k], [(k * 7) % 5, -1 / k]]]);
  const keys = Uint32Array.from(rows.map(([k]) => k).concat([featureKey(99, 1)]));
  for (const nClasses of [3, 5]) {
    const t = new WeightTable(table(nClasses, rows.map(([k, cells]) => [k, cells.filter(([c]) => c < nClasses)])));
    const one = new Float32Array(nClasses);
    t.score(keys, keys.length, one);
    const two = new Float32Array(nClasses);
    t.add(keys, 0, 10, two);
    t.add(keys, 10, keys.length, two);
    assert.deepEqual([...two], [...one]);
  }
});
