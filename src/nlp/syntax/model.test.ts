import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSyntaxModel } from './model.js';

// Real assertions on the shipped model's output, on plain sentences any English parser should get right.
const model = loadSyntaxModel();

function parse(sentence: string) {
  const forms = sentence.split(' ');
  const a = model.analyse(forms);
  const word = (w: string) => forms.indexOf(w);
  const headOf = (w: string) => (a.head[word(w)] === 0 ? 'ROOT' : forms[a.head[word(w)]! - 1]);
  const relOf = (w: string) => a.rel[word(w)];
  return { a, headOf, relOf, forms };
}

test('the shipped model parses subject, object, clausal complement and negation', () => {
  const p = parse('The minister said that Serbia would not join NATO .');
  assert.equal(p.headOf('said'), 'ROOT');
  assert.equal(p.headOf('minister'), 'said');
  assert.equal(p.relOf('minister'), 'nsubj');
  assert.equal(p.headOf('join'), 'said');
  assert.equal(p.relOf('join'), 'ccomp');
  assert.equal(p.headOf('Serbia'), 'join');
  assert.equal(p.relOf('Serbia'), 'nsubj');
  assert.equal(p.headOf('NATO'), 'join');
  assert.equal(p.relOf('NATO'), 'obj');
  assert.equal(p.headOf('not'), 'join');
  assert.equal(p.relOf('not'), 'advmod');
  assert.equal(p.a.upos[p.forms.indexOf('would')], 'AUX');
  assert.equal(p.a.lemma[p.forms.indexOf('said')], 'say');
});

test('the shipped model reads a passive with its agent', () => {
  const p = parse('The embassy was attacked by protesters on Sunday .');
  assert.equal(p.headOf('attacked'), 'ROOT');
  assert.equal(p.relOf('embassy'), 'nsubj:pass');
  assert.equal(p.relOf('was'), 'aux:pass');
  assert.equal(p.headOf('protesters'), 'attacked');
  assert.equal(p.relOf('protesters'), 'obl:agent');
});

test('the model carries its provenance', () => {
  assert.equal(model.meta.name, 'dossier-syntax-en');
  assert.equal(model.meta.command, 'npm run train');
  assert.ok(JSON.stringify(model.meta.corpora).includes('EWT'));
});

test('a full sentence tagged without a finite verb gets its likeliest one back; a caption keeps its nouns', () => {
  const shot = parse('Valmoran fighter jets , along with Tarskian jets sent to the border , shot down some of them .');
  assert.equal(shot.a.xpos[shot.forms.indexOf('shot')], 'VBD');
  assert.equal(shot.headOf('shot'), 'ROOT');
  const shut = parse('The cabinet shut down two private radio stations .');
  assert.equal(shut.a.upos[shut.forms.indexOf('shut')], 'VERB');
  assert.equal(shut.relOf('cabinet'), 'nsubj');
  // No word of a caption is a verb the tagger nearly chose: nothing is forced.
  const caption = parse('The new flag of Valmora .');
  assert.ok(caption.a.upos.every((u) => u !== 'VERB'));
});

test('a number word is a numeral, and a finite verb read as a participle of its subject becomes the root', () => {
  const p = parse('Twelve Tarskian drones crossed into Valmora overnight .');
  assert.equal(p.a.xpos[0], 'CD');
  assert.equal(p.headOf('crossed'), 'ROOT');
  assert.equal(p.headOf('drones'), 'crossed');
  assert.equal(p.relOf('drones'), 'nsubj');
  assert.equal(p.headOf('Valmora'), 'crossed');
  // A relative clause keeps its noun.
  const q = parse('The drones that crossed into Valmora .');
  assert.equal(q.headOf('crossed'), 'drones');
});

test('an unseen "-ed" form of an event verb whose base ends in "e" gets the "e" back', () => {
  const p = parse('The court shelved the case .');
  assert.equal(p.a.lemma[p.forms.indexOf('shelved')], 'shelve');
});

test('an unseen verb read as a closed-class word after a long apposition becomes the sentence\'s verb', () => {
  const p = parse('Monks of the Valmoran Orthodox Church , the country \'s main faith , accuse the government of lying .');
  assert.equal(p.a.upos[p.forms.indexOf('accuse')], 'VERB');
  assert.equal(p.headOf('accuse'), 'ROOT');
  assert.equal(p.headOf('Monks'), 'accuse');
  assert.equal(p.relOf('Monks'), 'nsubj');
  assert.equal(p.headOf('government'), 'accuse');
});

test('a fronted day before a name is the verb\'s oblique, and the name its subject', () => {
  const p = parse('On Monday Valmora will send paratroopers to Tarsk .');
  assert.equal(p.headOf('Valmora'), 'send');
  assert.equal(p.relOf('Valmora'), 'nsubj');
  assert.equal(p.headOf('Monday'), 'send');
  assert.equal(p.headOf('On'), 'Monday');
});

test('a second clause\'s subject read as a conjunct of the first clause\'s object goes back to its verb', () => {
  const p = parse('He has kept warm ties to Tarsk , and Valmora - a long-time applicant to the bloc - has not joined the pact .');
  assert.equal(p.headOf('Valmora'), 'joined');
  assert.equal(p.relOf('Valmora'), 'nsubj');
  assert.equal(p.headOf('and'), 'joined');
  // Coordinated objects stay coordinated.
  const q = parse('Valmora signed deals with Tarsk and Kelm last year .');
  assert.equal(q.headOf('Kelm'), 'Tarsk');
});

test('an event verb\'s "-ing" form after "is" and before its object is the progressive, not an adjective', () => {
  const p = parse('Valmora said the council is imposing sanctions on Tarsk .');
  assert.equal(p.a.xpos[p.forms.indexOf('imposing')], 'VBG');
  const also = parse('Valmora said the council is also imposing sanctions on Tarsk .');
  assert.equal(also.a.xpos[also.forms.indexOf('imposing')], 'VBG');
  assert.equal(p.headOf('sanctions'), 'imposing');
  assert.equal(p.relOf('council'), 'nsubj');
});

test('an unseen verb read as a subordinator beside relative clauses of its own is still the sentence\'s verb', () => {
  const p = parse('Monks of the Valmoran Orthodox Church , the country \'s main faith , accuse the government of attacking the sect , which they say the minister favours .');
  assert.equal(p.a.upos[p.forms.indexOf('accuse')], 'VERB');
  assert.equal(p.headOf('accuse'), 'ROOT');
  assert.equal(p.headOf('Monks'), 'accuse');
});
