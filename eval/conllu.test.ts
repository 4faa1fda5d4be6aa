import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameSpanOf, type TreeWord } from './conllu.js';

/** Words as "form/UPOS/head/rel" (head 1-based as in CoNLL-U, 0 the root); a form ending in "+" is glued to the next. */
const words = (spec: string): TreeWord[] => spec.split(' ').map((w) => {
  const [form, upos, head, rel] = w.split('/');
  const glued = form!.length > 1 && form!.endsWith('+');
  return { form: glued ? form!.slice(0, -1) : form!, upos: upos!, head: Number(head) - 1, rel: rel!, glued };
});

test('a title before a name is not the name, nor a person\'s "of" phrase', () => {
  const s = words('Professor/PROPN/2/nmod:desc Ana/PROPN/6/nsubj Horvat/PROPN/2/flat of/ADP/5/case Tarsk/PROPN/2/nmod spoke/VERB/0/root');
  assert.deepEqual(nameSpanOf(s, 0, 5, 'person'), [1, 3]);
});

test('the name flat under a title noun', () => {
  const s = words('biologist/NOUN/0/root Ivo/PROPN/1/flat Marin/PROPN/1/flat');
  assert.deepEqual(nameSpanOf(s, 0, 3, 'person'), [1, 3]);
});

test('an organisation keeps its "of" phrase, not its article', () => {
  const s = words('the/DET/2/det University/PROPN/0/root of/ADP/4/case Valmora/PROPN/2/nmod');
  assert.deepEqual(nameSpanOf(s, 0, 4, 'organization'), [1, 4]);
  assert.deepEqual(nameSpanOf(s, 0, 4, 'person'), [1, 2]);
});

test('a mention headed by a common noun is not named, however many proper nouns it holds', () => {
  const s = words('Valmora/PROPN/2/compound Prize/PROPN/3/compound winner/NOUN/0/root');
  assert.equal(nameSpanOf(s, 0, 3, 'person'), null);
});

test('a hyphenated name glued together is one name', () => {
  const s = words('Lee/PROPN/0/root Teng+/PROPN/1/flat -+/PUNCT/4/punct hui/PROPN/2/flat');
  assert.deepEqual(nameSpanOf(s, 0, 4, 'person'), [0, 4]);
});

test('a coordination of names is no name of its own', () => {
  const s = words('Ana/PROPN/0/root Horvat/PROPN/1/flat and/CCONJ/4/cc Ivo/PROPN/1/conj Marin/PROPN/4/flat');
  assert.equal(nameSpanOf(s, 0, 5, 'person'), null);
  assert.deepEqual(nameSpanOf(s, 0, 2, 'person'), [0, 2]);
});
