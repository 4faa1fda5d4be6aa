import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType, EventRecord } from '../../model/types.js';
import type { SyntaxModel } from '../../nlp/syntax/types.js';
import { Doc } from '../../nlp/doc.js';
import { codeEvents } from '../events.js';
import { defaultLexicon } from './lexicon.js';
import { MentionIndex } from './mentions.js';
import { handParsed } from '../../../test/hand-parsed-model.js';
import { entitiesNamed } from '../../../test/named-entities.js';


const ACTORS: Record<string, [string, EntityType]> = {
  Valmora: ['valmora', 'GPE'], Tarsk: ['tarsk', 'GPE'], Orlen: ['orlen', 'ORG'], Drava: ['drava', 'ORG'],
  Kesta: ['kesta', 'PERSON'], Valmoran: ['valmora', 'NORP'], Brolin: ['brolin', 'PERSON'],
};

function events(text: string, model: SyntaxModel): EventRecord[] {
  const doc = new Doc(text, model);
  return codeEvents(doc, new MentionIndex(doc, entitiesNamed(text, ACTORS)), [], [], defaultLexicon());
}

const brief = (e: EventRecord) => [e.type, e.source, e.target, e.negated];

test('a state adjective stands for the state when it modifies the subject noun; "with X" is the target', () => {
  const text = 'Valmoran police clashed with Drava supporters near the port.';
  const model = handParsed(`
    Valmoran 2 amod ADJ JJ
    police 3 nsubj NOUN NNS
    clashed 0 root VERB VBD clash
    with 6 case ADP IN
    Drava 6 compound PROPN NNP
    supporters 3 obl NOUN NNS supporter
    near 9 case ADP IN
    the 9 det DET DT
    port 3 obl NOUN NN
    . 3 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['ASSAULT', 'valmora', 'drava', false]]);
});

test('a noun under a light verb takes its subject; the verb\'s oblique is the target; negation on the verb counts', () => {
  const text = 'Orlen has not imposed new sanctions on Tarsk.';
  const model = handParsed(`
    Orlen 4 nsubj PROPN NNP
    has 4 aux AUX VBZ have
    not 4 advmod PART RB
    imposed 0 root VERB VBN impose
    new 6 amod ADJ JJ
    sanctions 4 obj NOUN NNS sanction
    on 8 case ADP IN
    Tarsk 4 obl PROPN NNP
    . 4 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['SANCTION', 'orlen', 'tarsk', true]]);
});

test('a coordinated verb inherits the subject across an object and a comma', () => {
  const text = 'Kesta praised the plan, and urged Tarsk to negotiate.';
  const model = handParsed(`
    Kesta 2 nsubj PROPN NNP
    praised 0 root VERB VBD praise
    the 4 det DET DT
    plan 2 obj NOUN NN
    , 7 punct PUNCT ,
    and 7 cc CCONJ CC
    urged 2 conj VERB VBD urge
    Tarsk 7 obj PROPN NNP
    to 10 mark PART TO
    negotiate 7 xcomp VERB VB
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map((e) => [e.type, e.source, e.target]), [
    ['SUPPORT', 'kesta', null],
    ['REQUEST', 'kesta', 'tarsk'],
    ['CONSULT', 'tarsk', null],
  ]);
});

test('a passive subject is the target and the agent the source; a possessive noun event reads "of"', () => {
  const text = 'Tarsk was attacked by Valmora after Valmora\'s annexation of Drava.';
  const model = handParsed(`
    Tarsk 3 nsubj:pass PROPN NNP
    was 3 aux:pass AUX VBD be
    attacked 0 root VERB VBN attack
    by 5 case ADP IN
    Valmora 3 obl:agent PROPN NNP
    after 9 case ADP IN
    Valmora 9 nmod:poss PROPN NNP
    's 7 case PART POS
    annexation 3 obl NOUN NN
    of 11 case ADP IN
    Drava 9 nmod PROPN NNP
    . 3 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['ASSAULT', 'valmora', 'tarsk', false], ['COERCE', 'valmora', 'drava', false]]);
});

test('two subjects of a reciprocal event: the second is the target; a subject that is no actor stays unnamed', () => {
  const text = 'Orlen and Drava reached an agreement. The envoy condemned Tarsk.';
  const model = handParsed(`
    Orlen 4 nsubj PROPN NNP
    and 3 cc CCONJ CC
    Drava 1 conj PROPN NNP
    reached 0 root VERB VBD reach
    an 6 det DET DT
    agreement 4 obj NOUN NN
    . 4 punct PUNCT .
  `, `
    The 2 det DET DT
    envoy 3 nsubj NOUN NN
    condemned 0 root VERB VBD condemn
    Tarsk 3 obj PROPN NNP
    . 3 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['AGREE', 'orlen', 'drava', false], ['ACCUSE', null, 'tarsk', false]]);
});

test('a noun received takes the receiver as target and "from X" as source', () => {
  const text = 'Kesta received an endorsement from Tarsk.';
  const model = handParsed(`
    Kesta 2 nsubj PROPN NNP
    received 0 root VERB VBD receive
    an 4 det DET DT
    endorsement 2 obj NOUN NN
    from 6 case ADP IN
    Tarsk 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  // "receive * ENDORSEMENT" is a CAMEO pattern with its roles turned round (`[:051]`); our lexicon's "support" is a noun.
  const text2 = 'Kesta received support from Tarsk.';
  const model2 = handParsed(`
    Kesta 2 nsubj PROPN NNP
    received 0 root VERB VBD receive
    support 2 obj NOUN NN
    from 5 case ADP IN
    Tarsk 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  const first = events(text, model);
  assert.ok(first.every((e) => e.type !== 'SUPPORT' || (e.source === 'tarsk' && e.target === 'kesta')), JSON.stringify(first.map(brief)));
  const list = events(text2, model2);
  assert.ok(list.every((e) => e.type !== 'SUPPORT' || (e.source === 'tarsk' && e.target === 'kesta')), JSON.stringify(list.map(brief)));
});

test('the owner of an object the trigger spans is the target: "breached Tarsk\'s airspace"', () => {
  const text = "Valmora breached Tarsk's airspace on Monday.";
  const model = handParsed(`
    Valmora 2 nsubj PROPN NNP
    breached 0 root VERB VBD breach
    Tarsk 5 nmod:poss PROPN NNP
    's 3 case PART POS
    airspace 2 obj NOUN NN
    on 7 case ADP IN
    Monday 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['ASSAULT', 'valmora', 'tarsk', false]]);
});

test('a protest is against the actor named in what it demands', () => {
  const text = 'Protesters demanding that Kesta resign marched through the port.';
  const model = handParsed(`
    Protesters 6 nsubj NOUN NNS protester
    demanding 1 acl VERB VBG demand
    that 5 mark SCONJ IN
    Kesta 5 nsubj PROPN NNP
    resign 2 ccomp VERB VB
    marched 0 root VERB VBD march
    through 9 case ADP IN
    the 9 det DET DT
    port 6 obl NOUN NN
    . 6 punct PUNCT .
  `);
  const protests = events(text, model).filter((e) => e.type === 'PROTEST').map(brief);
  assert.ok(protests.length >= 1, 'a protest event');
  for (const p of protests) assert.deepEqual(p, ['PROTEST', null, 'kesta', false]);
});

test('a demonym coordinated with another before a state organ stands for its state, however the parse joined them', () => {
  const text = 'Valmoran and Tarskian forces shelled Kelm.';
  // The parse this guards against: the first demonym read as the subject, the organ as its conjunct.
  const model = handParsed(`
    Valmoran 5 nsubj PROPN NNP
    and 4 cc CCONJ CC
    Tarskian 4 amod ADJ JJ
    forces 1 conj NOUN NNS force
    shelled 0 root VERB VBD shell
    Kelm 5 obj PROPN NNP
    . 5 punct PUNCT .
  `);
  const doc = new Doc(text, model);
  const names: Record<string, [string, EntityType]> = { Valmoran: ['valmoran', 'NORP'], Tarskian: ['tarskian', 'NORP'], Kelm: ['kelm', 'GPE'] };
  const states = new Map([['valmoran', 'valmora'], ['tarskian', 'tarsk']]);
  const list = codeEvents(doc, new MentionIndex(doc, entitiesNamed(text, names)), [], [], defaultLexicon(), states);
  assert.deepEqual(list.map(brief), [['ASSAULT', 'valmora', 'kelm', false]]);
});
