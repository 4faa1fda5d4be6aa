import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Doc } from './doc.js';
import { DEFAULT_MODEL_PATH } from './syntax/model.js';
import { fakeSyntaxModel } from '../../test/fake-syntax-model.js';

// Sentences written for these tests.
const TEXT = 'Đukanović’s envoy met Vučić in Beograd. They don’t back the anti-war plan.\n\nNo one said more.';

test('syntax words carry exact offsets, their token, and heads as indices into the same words', () => {
  const doc = new Doc(TEXT, fakeSyntaxModel());
  const s = doc.syntax(0);
  assert.equal(s.sentence, 0);
  assert.deepEqual(s.words.map((w) => w.text), ['Đukanović', '’s', 'envoy', 'met', 'Vučić', 'in', 'Beograd', '.']);
  for (const w of s.words) {
    assert.equal(TEXT.slice(w.start, w.end), w.text);
    assert.equal(s.words[w.i], w);
    const t = doc.tokens[w.token]!;
    assert.ok(t.start <= w.start && w.end <= t.end);
  }
  const met = s.words.find((w) => w.text === 'met')!;
  assert.equal(met.head, -1);
  assert.equal(met.rel, 'root');
  assert.equal(s.words[0]!.head, met.i);
  assert.equal(s.words[0]!.upos, 'PROPN');
});

test('the model reads UD forms: clitics split and typography normalised', () => {
  const model = fakeSyntaxModel();
  const doc = new Doc(TEXT, model);
  const s = doc.syntax(1);
  assert.deepEqual(model.calls, [['They', 'do', "n't", 'back', 'the', 'anti-war', 'plan', '.']]);
  assert.deepEqual(s.words.map((w) => w.text).slice(1, 3), ['do', 'n’t']);
  assert.equal(s.words[1]!.token, s.words[2]!.token - 1);
});

test('parsing is lazy and cached on the Doc, never shared between Docs', () => {
  const model = fakeSyntaxModel();
  const doc = new Doc(TEXT, model);
  assert.equal(model.calls.length, 0, 'building a Doc parses nothing');
  const first = doc.syntax(2);
  assert.equal(doc.syntax(2), first);
  assert.equal(model.calls.length, 1);
  const other = fakeSyntaxModel();
  new Doc(TEXT, other).syntax(2);
  assert.equal(other.calls.length, 1);
  assert.throws(() => doc.syntax(7), RangeError);
});

test('words of a token and of a span, and the head of a span', () => {
  const doc = new Doc(TEXT, fakeSyntaxModel());
  const dont = doc.tokens.findIndex((t) => t.text === 'do');
  assert.deepEqual(doc.syntaxWordsOfToken(dont).map((w) => w.text), ['do']);
  const at = TEXT.indexOf('Đukanović’s envoy');
  const span = { start: at, end: at + 'Đukanović’s envoy'.length };
  assert.deepEqual(doc.syntaxWordsIn(span).map((w) => w.text), ['Đukanović', '’s', 'envoy']);
  // In the fake parse every word hangs from the verb, so the first word that leaves the span heads it.
  assert.equal(doc.syntaxHead(span)?.text, 'Đukanović');
  const whole = doc.sentences[0]!;
  assert.equal(doc.syntaxHead(whole)?.text, 'met');
  assert.deepEqual(doc.syntaxWordsIn({ start: 0, end: 0 }), []);
});

test('the Doc API without syntax is unchanged', () => {
  const doc = new Doc(TEXT);
  assert.equal(doc.sentences.length, 3);
  assert.ok(doc.tokens.every((t) => TEXT.slice(t.start, t.end) === t.text));
});

test('without a model given, the Doc parses with the shipped one (or says how to build it)', () => {
  const doc = new Doc('The minister signed the agreement in Skopje.');
  if (!existsSync(DEFAULT_MODEL_PATH)) {
    assert.throws(() => doc.syntax(0), /npm run train/);
    return;
  }
  const words = doc.syntax(0).words;
  const signed = words.find((w) => w.text === 'signed')!;
  assert.equal(signed.upos, 'VERB');
  assert.equal(signed.head, -1);
  assert.equal(words.find((w) => w.text === 'minister')!.head, signed.i);
});

test('names from the entity step bind their capitalised words to the tags of names; the parse is redone', () => {
  // Written for this test: the shipped tagger reads an unknown capital ending in -ing that opens a sentence as a gerund.
  const text = 'Beijing on Tuesday accused Washington of flying a spy plane over the drills.';
  if (!existsSync(DEFAULT_MODEL_PATH)) return;
  const doc = new Doc(text);
  const before = doc.syntax(0).words[0]!;
  doc.useNames([{ start: 0, end: 7 }, { start: 27, end: 37 }]);
  const words = doc.syntax(0).words;
  const beijing = words[0]!;
  assert.equal(beijing.upos, 'PROPN', `was ${before.upos}`);
  const accused = words.find((w) => w.text === 'accused')!;
  assert.equal(beijing.head, accused.i);
  assert.equal(beijing.rel, 'nsubj');
  // Lower-case words inside a name span ("of" in "Bank of England") are left to the tagger.
  const model = fakeSyntaxModel();
  const calls: (boolean[] | undefined)[] = [];
  const spy = { meta: model.meta, analyse: (f: readonly string[], n?: ArrayLike<boolean>) => (calls.push(n && Array.from(n)), model.analyse(f)) };
  const bank = new Doc('The Bank of England raised rates.', spy);
  bank.useNames([{ start: 4, end: 20 }]);
  bank.syntax(0);
  assert.deepEqual(calls[0], [false, true, false, true, false, false, false]);
});
