import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceSyntax, Upos } from './types.js';
import { SyntaxTree, relIs } from './tree.js';

/**
 * A hand-parsed sentence: each row is "form UPOS XPOS head rel" with a 1-based head (0 for the root), as UD
 * English would parse the made-up sentence. Words are joined by single spaces; each word is its own token.
 */
function parsed(rows: string): SentenceSyntax {
  let at = 0;
  const words = rows.trim().split('\n').map((line, i) => {
    const [text, upos, xpos, head, rel, lemma] = line.trim().split(/\s+/) as [string, Upos, string, string, string, string?];
    const w = { i, start: at, end: at + text.length, text, upos, xpos, lemma: lemma ?? text.toLowerCase(), feats: '_', head: Number(head) - 1, rel, token: i };
    at += text.length + 1;
    return w;
  });
  return { sentence: 0, words };
}

const idx = (t: SyntaxTree, text: string): number => t.words.findIndex((w) => w.text === text);
const text = (t: SyntaxTree, i: number | undefined): string | undefined => (i === undefined || i < 0 ? undefined : t.words[i]!.text);

test('relations match their subtypes only when asked for the base', () => {
  assert.ok(relIs('obl:tmod', 'obl'));
  assert.ok(relIs('nsubj:pass', 'nsubj'));
  assert.ok(!relIs('nsubj', 'nsubj:pass'));
  assert.ok(!relIs('oblique', 'obl'));
});

// Valmora has not imposed sanctions on Tarsk .
const SANCTIONS = parsed(`
  Valmora PROPN NNP 4 nsubj
  has AUX VBZ 4 aux have
  not PART RB 4 advmod
  imposed VERB VBN 0 root impose
  sanctions NOUN NNS 4 obj sanction
  on ADP IN 7 case
  Tarsk PROPN NNP 4 obl
  . PUNCT . 4 punct
`);

test('subject, object, oblique with its marker, and negation of a plain clause', () => {
  const t = new SyntaxTree(SANCTIONS);
  const v = idx(t, 'imposed');
  assert.deepEqual(t.subjectOf(v), { word: idx(t, 'Valmora'), passive: false, via: 'own' });
  assert.deepEqual(t.objectsOf(v).map((i) => text(t, i)), ['sanctions']);
  assert.deepEqual(t.obliquesOf(v).map((o) => [text(t, o.word), o.marker]), [['Tarsk', 'on']]);
  assert.equal(t.isNegated(v), true);
  assert.equal(t.isPassive(v), false);
  assert.deepEqual(t.governorOf(idx(t, 'sanctions')), { verb: v, rel: 'obj', marker: null });
});

// The depot was shelled by rebels .
const PASSIVE = parsed(`
  The DET DT 2 det
  depot NOUN NN 4 nsubj:pass
  was AUX VBD 4 aux:pass be
  shelled VERB VBN 0 root shell
  by ADP IN 6 case
  rebels NOUN NNS 4 obl:agent rebel
  . PUNCT . 4 punct
`);

test('a passive: the subject is the patient, the by-phrase the agent', () => {
  const t = new SyntaxTree(PASSIVE);
  const v = idx(t, 'shelled');
  assert.deepEqual(t.subjectOf(v), { word: idx(t, 'depot'), passive: true, via: 'own' });
  assert.equal(t.isPassive(v), true);
  assert.equal(text(t, t.agentOf(v)), 'rebels');
});

// Orlen said it would help and called for talks with Drava .
const COORDINATED = parsed(`
  Orlen PROPN NNP 2 nsubj
  said VERB VBD 0 root say
  it PRON PRP 5 nsubj
  would AUX MD 5 aux
  help VERB VB 2 ccomp
  and CCONJ CC 7 cc
  called VERB VBD 2 conj call
  for ADP IN 9 case
  talks NOUN NNS 7 obl talk
  with ADP IN 11 case
  Drava PROPN NNP 9 nmod
  . PUNCT . 2 punct
`);

test('a coordinated verb shares the first conjunct\'s subject; a noun\'s nmod keeps its marker', () => {
  const t = new SyntaxTree(COORDINATED);
  assert.deepEqual(t.subjectOf(idx(t, 'called')), { word: idx(t, 'Orlen'), passive: false, via: 'coordination' });
  assert.deepEqual(t.subjectOf(idx(t, 'help')), { word: idx(t, 'it'), passive: false, via: 'own' });
  assert.deepEqual(t.obliquesOf(idx(t, 'talks')).map((o) => [text(t, o.word), o.marker]), [['Drava', 'with']]);
  assert.deepEqual(t.governorOf(idx(t, 'talks')), { verb: idx(t, 'called'), rel: 'obl', marker: 'for' });
});

// Kesta refused to withdraw , and urged Brolin to leave .
const CONTROL = parsed(`
  Kesta PROPN NNP 2 nsubj
  refused VERB VBD 0 root refuse
  to PART TO 4 mark
  withdraw VERB VB 2 xcomp
  , PUNCT , 7 punct
  and CCONJ CC 7 cc
  urged VERB VBD 2 conj urge
  Brolin PROPN NNP 7 obj
  to PART TO 10 mark
  leave VERB VB 7 xcomp
  . PUNCT . 2 punct
`);

test('an xcomp takes its governor\'s object or else its subject; "refused to" negates what it governs', () => {
  const t = new SyntaxTree(CONTROL);
  assert.deepEqual(t.subjectOf(idx(t, 'withdraw')), { word: idx(t, 'Kesta'), passive: false, via: 'control' });
  assert.deepEqual(t.subjectOf(idx(t, 'leave')), { word: idx(t, 'Brolin'), passive: false, via: 'control' });
  assert.equal(t.isNegated(idx(t, 'withdraw')), true);
  assert.equal(t.isNegated(idx(t, 'refused')), false);
  assert.equal(t.isNegated(idx(t, 'leave')), false);
});

// Tarsk 's invasion of Valmora , which began in May , failed .
const POSSESSIVE = parsed(`
  Tarsk PROPN NNP 3 nmod:poss
  's PART POS 1 case
  invasion NOUN NN 11 nsubj
  of ADP IN 5 case
  Valmora PROPN NNP 3 nmod
  , PUNCT , 8 punct
  which PRON WDT 8 nsubj
  began VERB VBD 3 acl:relcl begin
  in ADP IN 10 case
  May PROPN NNP 8 obl
  failed VERB VBD 0 root fail
  . PUNCT . 11 punct
`);

test('a noun\'s possessor and "of" argument; a relative pronoun stands for its antecedent', () => {
  const t = new SyntaxTree(POSSESSIVE);
  const n = idx(t, 'invasion');
  assert.equal(text(t, t.possessorOf(n)), 'Tarsk');
  assert.deepEqual(t.obliquesOf(n).map((o) => [text(t, o.word), o.marker]), [['Valmora', 'of']]);
  assert.deepEqual(t.subjectOf(idx(t, 'began')), { word: n, passive: false, via: 'relative' });
  assert.equal(t.caseOf(t.possessorOf(n)), null);
  assert.equal(t.headOf([0, 1, 2, 3, 4]), n);
  assert.ok(t.dominates(n, idx(t, 'May')));
  assert.ok(!t.dominates(idx(t, 'began'), n));
});

// Police firing tear gas met crowds angered by the vote .
const PARTICIPLES = parsed(`
  Police NOUN NNS 5 nsubj police
  firing VERB VBG 1 acl fire
  tear NOUN NN 4 compound
  gas NOUN NN 2 obj
  met VERB VBD 0 root meet
  crowds NOUN NNS 5 obj crowd
  angered VERB VBN 6 acl anger
  by ADP IN 10 case
  the DET DT 10 det
  vote NOUN NN 7 obl:agent
  . PUNCT . 5 punct
`);

test('a participle takes the noun it modifies: as agent for -ing, as patient for -ed', () => {
  const t = new SyntaxTree(PARTICIPLES);
  assert.deepEqual(t.subjectOf(idx(t, 'firing')), { word: idx(t, 'Police'), passive: false, via: 'participle' });
  assert.deepEqual(t.subjectOf(idx(t, 'angered')), { word: idx(t, 'crowds'), passive: true, via: 'participle' });
  assert.equal(text(t, t.agentOf(idx(t, 'angered'))), 'vote');
  assert.deepEqual(t.subtree(idx(t, 'firing')).map((i) => text(t, i)), ['firing', 'tear', 'gas']);
});

// Drava has not joined the trade sanctions regime .
const GOVERNED = parsed(`
  Drava PROPN NNP 4 nsubj
  has AUX VBZ 4 aux have
  not PART RB 4 advmod
  joined VERB VBN 0 root join
  the DET DT 7 det
  trade NOUN NN 7 compound
  sanctions NOUN NNS 8 compound sanction
  regime NOUN NN 4 obj
  . PUNCT . 4 punct
`);

test('a noun inside a compound is governed by the verb of the phrase it modifies', () => {
  const t = new SyntaxTree(GOVERNED);
  const g = t.governorOf(idx(t, 'sanctions'));
  assert.deepEqual(g, { verb: idx(t, 'joined'), rel: 'obj', marker: null });
  assert.equal(t.negatedHere(g!.verb), true);
});

// Kesta has yet to recognise Drava .
const YET = parsed(`
  Kesta PROPN NNP 2 nsubj
  has VERB VBZ 0 root have
  yet ADV RB 2 advmod
  to PART TO 5 mark
  recognise VERB VB 2 xcomp
  Drava PROPN NNP 5 obj
  . PUNCT . 2 punct
`);

test('"has yet to" negates its xcomp', () => {
  const t = new SyntaxTree(YET);
  assert.equal(t.isNegated(idx(t, 'recognise')), true);
  assert.deepEqual(t.subjectOf(idx(t, 'recognise'))?.word, idx(t, 'Kesta'));
});

test('run-on text is cut into sentences the parser takes whole: none is longer than MAX_TREE_TOKENS', async () => {
  const { Doc } = await import('../doc.js');
  const { sentenceTree, MAX_TREE_TOKENS } = await import('./tree.js');
  const { fakeSyntaxModel } = await import('../../../test/fake-syntax-model.js');
  const long = new Doc(Array.from({ length: MAX_TREE_TOKENS + 5 }, (_, i) => `word${i}`).join(' ') + '.', fakeSyntaxModel());
  assert.ok(long.sentences.length > 1);
  for (let s = 0; s < long.sentences.length; s++) {
    const sentence = long.sentences[s]!;
    assert.ok(sentence.tokenEnd - sentence.tokenStart <= MAX_TREE_TOKENS);
    assert.notEqual(sentenceTree(long, s), null);
  }
});

// Ms Varga said she was alarmed by the reports , and called for talks .
const MISCOORDINATED = parsed(`
  Ms PROPN NNP 3 nsubj
  Varga PROPN NNP 1 flat
  said VERB VBD 0 root say
  she PRON PRP 6 nsubj:pass
  was AUX VBD 6 aux:pass be
  alarmed VERB VBN 3 ccomp alarm
  by ADP IN 9 case
  the DET DT 9 det
  reports NOUN NNS 6 obl:agent report
  , PUNCT , 12 punct
  and CCONJ CC 12 cc
  called VERB VBD 9 conj call
  for ADP IN 14 case
  talks NOUN NNS 12 obl talk
  . PUNCT . 3 punct
`);

test('a verb the parser coordinated with a noun takes the subject of the clause above that noun', () => {
  const t = new SyntaxTree(MISCOORDINATED);
  const hit = t.subjectOf(idx(t, 'called'));
  assert.equal(text(t, hit?.word), 'she');
  assert.equal(hit?.passive, false);
});

// Varga remains in office , and last week received an award .
const SUBJECTLESS = parsed(`
  Varga PROPN NNP 2 nsubj
  remains VERB VBZ 0 root remain
  in ADP IN 4 case
  office NOUN NN 2 obl
  , PUNCT , 9 punct
  and CCONJ CC 9 cc
  last ADJ JJ 8 amod
  week NOUN NN 9 obl:tmod
  received VERB VBD 2 ccomp receive
  an DET DT 11 det
  award NOUN NN 9 obj
  . PUNCT . 2 punct
`);

test("a finite verb with no subject of its own shares its governor's, whatever the parser called it", () => {
  const t = new SyntaxTree(SUBJECTLESS);
  assert.deepEqual(t.subjectOf(idx(t, 'received')), { word: idx(t, 'Varga'), passive: false, via: 'coordination' });
});
