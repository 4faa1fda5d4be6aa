import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType, EventRecord } from '../../model/types.js';
import type { SyntaxModel } from '../../nlp/syntax/types.js';
import { Doc } from '../../nlp/doc.js';
import { SyntaxTree } from '../../nlp/syntax/tree.js';
import { codeEvents } from '../events.js';
import { compileLexicon } from './lexicon.js';
import { MentionIndex } from './mentions.js';
import { compileCameo, matchCameo } from './cameo.js';
import { deriveLexicon } from '../../../scripts/derive-event-lexicon.js';
import { handParsed } from '../../../test/hand-parsed-model.js';
import { entitiesNamed } from '../../../test/named-entities.js';

// A small made-up dictionary in the CAMEO.2.0.txt format.
const DICTIONARY = `
####### SYNONYM SETS #######

&TROOPS
+TROOP
+SOLDIER

####### VERB PATTERNS #######

---  OPEN   [---]  ---
OPEN
- * FIRE (ON)                                 [190]
- * TALKS (WITH)                              [046]

---  DISPATCH   [---]  ---
DISPATCH
SEND {SENT SENDS SENDING }
- * &TROOPS (TO +)                            [154]
- * AID                                       [070]

---  SHUTTER   [---]  ---
+SHUT_DOWN {+SHUTS_DOWN +SHUTTING_DOWN } [172]
SHUT

---  HARANGUE   [111]  ---
HARANGUE
- * (ABOUT WEATHER)                           [---]

---  TRY   [---]  ---
TRY
- * (BEFORE COURT)                            [:173]
`;
const TABLE = '04: CONSULT\n07: AID\n11: ACCUSE\n15: MOBILIZE\n17: COERCE\n19: ASSAULT\n';
const cameo = compileCameo(deriveLexicon(DICTIONARY, TABLE, 'MIT'));
const noOwn = compileLexicon('triggers: []');


const ACTORS: Record<string, [string, EntityType]> = { Valmora: ['valmora', 'GPE'], Tarsk: ['tarsk', 'GPE'], Kesta: ['kesta', 'PERSON'] };

function events(text: string, model: SyntaxModel): EventRecord[] {
  const doc = new Doc(text, model);
  return codeEvents(doc, new MentionIndex(doc, entitiesNamed(text, ACTORS)), [], [], noOwn, new Map(), cameo);
}

const brief = (e: EventRecord) => [e.type, e.cameo, e.source, e.target, e.trigger.text];

test('a verb pattern fires on the verb lemma with its object and marks the target preposition', () => {
  const text = 'Valmora opened heavy fire on Tarsk.';
  const model = handParsed(`
    Valmora 2 nsubj PROPN NNP
    opened 0 root VERB VBD open
    heavy 4 amod ADJ JJ
    fire 2 obj NOUN NN
    on 6 case ADP IN
    Tarsk 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['ASSAULT', '190', 'valmora', 'tarsk', 'opened heavy fire']]);
});

test('the same verb with another object, or with none, is another pattern or no event', () => {
  const text = 'Valmora opened a museum.';
  const model = handParsed(`
    Valmora 2 nsubj PROPN NNP
    opened 0 root VERB VBD open
    a 4 det DET DT
    museum 2 obj NOUN NN
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text, model), []);
  // "fire" not as the object of "open" does not make it an attack.
  const text2 = 'Fire opened the debate in Tarsk.';
  const model2 = handParsed(`
    Fire 2 nsubj NOUN NN
    opened 0 root VERB VBD open
    the 4 det DET DT
    debate 2 obj NOUN NN
    in 6 case ADP IN
    Tarsk 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text2, model2), []);
});

test('a synonym-set object, an irregular form and the pattern target: "sent soldiers to X"', () => {
  const text = 'Valmora sent soldiers to Tarsk.';
  const model = handParsed(`
    Valmora 2 nsubj PROPN NNP
    sent 0 root VERB VBD send
    soldiers 2 obj NOUN NNS soldier
    to 5 case ADP IN
    Tarsk 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['MOBILIZE', '154', 'valmora', 'tarsk', 'sent soldiers']]);
});

test('a multi-word verb needs its particle; the bare verb of the same block is no event', () => {
  const text = 'Tarsk shut down Valmora.';
  const model = handParsed(`
    Tarsk 2 nsubj PROPN NNP
    shut 0 root VERB VBD shut
    down 2 compound:prt ADP RP
    Valmora 2 obj PROPN NNP
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text, model).map(brief), [['COERCE', '172', 'tarsk', 'valmora', 'shut down']]);
  const text2 = 'Tarsk shut Valmora.';
  const model2 = handParsed(`
    Tarsk 2 nsubj PROPN NNP
    shut 0 root VERB VBD shut
    Valmora 2 obj PROPN NNP
    . 2 punct PUNCT .
  `);
  assert.deepEqual(events(text2, model2), []);
});

test('a null-code pattern blocks the bare verb; a verb with its own code fires alone', () => {
  const tree = (rows: string) => {
    const doc = new Doc(rows.trim().split('\n').map((l) => l.trim().split(/\s+/)[0]).join(' '), handParsed(rows));
    return new SyntaxTree(doc.syntax(0));
  };
  const bare = tree(`
    Valmora 2 nsubj PROPN NNP
    harangued 0 root VERB VBD harangue
    Tarsk 2 obj PROPN NNP
  `);
  assert.deepEqual(matchCameo(bare, cameo).map((m) => [m.type, m.code]), [['ACCUSE', '111']]);
  const blocked = tree(`
    Valmora 2 nsubj PROPN NNP
    harangued 0 root VERB VBD harangue
    about 4 case ADP IN
    weather 2 obl NOUN NN
  `);
  assert.deepEqual(matchCameo(blocked, cameo), []);
  // A noun is no verb: only VERB words are matched.
  const noun = tree(`
    the 2 det DET DT
    harangue 0 root NOUN NN
  `);
  assert.deepEqual(matchCameo(noun, cameo), []);
});

test('a turned-round code: the subject undergoes the event, the "by" actor does it', () => {
  const text = 'Kesta was tried before a court by Tarsk.';
  const model = handParsed(`
    Kesta 3 nsubj:pass PROPN NNP
    was 3 aux:pass AUX VBD be
    tried 0 root VERB VBN try
    before 6 case ADP IN
    a 6 det DET DT
    court 3 obl NOUN NN
    by 8 case ADP IN
    Tarsk 3 obl PROPN NNP
    . 3 punct PUNCT .
  `);
  const list = events(text, model);
  assert.equal(list.length, 1);
  assert.equal(list[0]!.type, 'COERCE');
  assert.equal(list[0]!.target, 'kesta');
});

test('our own lexicon wins where both fire, and one predicate gives one event', () => {
  const own = compileLexicon('triggers:\n  - { noun: aid, type: AID, cameo: "07" }\n  - { verb: open, type: CONSULT, cameo: "04" }\n');
  const text = 'Valmora opened fire on Tarsk.';
  const model = handParsed(`
    Valmora 2 nsubj PROPN NNP
    opened 0 root VERB VBD open
    fire 2 obj NOUN NN
    on 5 case ADP IN
    Tarsk 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  const doc = new Doc(text, model);
  const list = codeEvents(doc, new MentionIndex(doc, entitiesNamed(text, ACTORS)), [], [], own, new Map(), cameo);
  assert.deepEqual(list.map((e) => e.type), ['CONSULT']);
  const text2 = 'Valmora sent aid to Tarsk.';
  const model2 = handParsed(`
    Valmora 2 nsubj PROPN NNP
    sent 0 root VERB VBD send
    aid 2 obj NOUN NN
    to 5 case ADP IN
    Tarsk 2 obl PROPN NNP
    . 2 punct PUNCT .
  `);
  const doc2 = new Doc(text2, model2);
  const list2 = codeEvents(doc2, new MentionIndex(doc2, entitiesNamed(text2, ACTORS)), [], [], own, new Map(), cameo);
  assert.deepEqual(list2.map((e) => [e.type, e.trigger.text]), [['AID', 'aid']]);
});
