import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../nlp/doc.js';
import { attributionByTree } from './attribution.js';
import { handParsed } from '../../../test/hand-parsed-model.js';


const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

test('a participle of speech takes the subject of the clause it hangs from; the name\'s flat part is a head', () => {
  const text = 'Mr Varga cut the forecast, adding that "the harvest will be poor".';
  const model = handParsed(`
    Mr 3 nsubj PROPN NNP
    Varga 1 flat PROPN NNP
    cut 0 root VERB VBD
    the 5 det DET DT
    forecast 3 obj NOUN NN
    , 7 punct PUNCT ,
    adding 3 advcl VERB VBG add
    that 14 mark SCONJ IN
    " 14 punct PUNCT ''
    the 11 det DET DT
    harvest 14 nsubj NOUN NN
    will 14 aux AUX MD
    be 14 cop AUX VB
    poor 7 ccomp ADJ JJ
    " 14 punct PUNCT ''
    . 3 punct PUNCT .
  `);
  const doc = new Doc(text, model);
  const a = attributionByTree(doc, span(text, 'the harvest will be poor'))!;
  assert.equal(a.verb.text, 'adding');
  assert.equal(text.slice(a.phrase.start, a.phrase.end), 'Mr Varga');
  assert.deepEqual(a.phrase.heads.map((t) => t.text), ['Mr', 'Varga']);
});

test('"…, said X" inverted, and "according to X" without its preposition', () => {
  const text = '"The port stays shut," said a harbour official. Fuel will run out, according to the mayor of Lind.';
  const model = handParsed(`
    " 4 punct PUNCT \`\`
    The 3 det DET DT
    port 4 nsubj NOUN NN
    stays 8 ccomp VERB VBZ stay
    shut 4 xcomp ADJ JJ
    , 4 punct PUNCT ,
    " 4 punct PUNCT ''
    said 0 root VERB VBD say
    a 11 det DET DT
    harbour 11 compound NOUN NN
    official 8 nsubj NOUN NN
    . 8 punct PUNCT .
  `, `
    Fuel 3 nsubj NOUN NN
    will 3 aux AUX MD
    run 0 root VERB VB
    out 3 compound:prt ADP RP
    , 3 punct PUNCT ,
    according 9 case VERB VBG accord
    to 6 fixed ADP IN
    the 9 det DET DT
    mayor 3 obl NOUN NN
    of 11 case ADP IN
    Lind 9 nmod PROPN NNP
    . 3 punct PUNCT .
  `);
  const doc = new Doc(text, model);
  const said = attributionByTree(doc, span(text, 'The port stays shut'))!;
  assert.equal(text.slice(said.phrase.start, said.phrase.end), 'a harbour official');
  assert.equal(said.distance, 0);
  const according = attributionByTree(doc, span(text, 'Fuel will run out'))!;
  assert.equal(text.slice(according.phrase.start, according.phrase.end), 'the mayor of Lind');
});
