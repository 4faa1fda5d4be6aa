import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveLexicon, parsePloverTable, ploverOf, serialise } from '../scripts/derive-event-lexicon.js';

// A made-up dictionary and table in the formats of CAMEO.2.0.txt and CAMEO2PLOVER-2021.txt.
const DICTIONARY = `
# comment line
####### SYNONYM SETS #######

&GUNS
+RIFLE
+MORTAR_SHELL
+AMMO_

####### VERB PATTERNS #######

---  HIT   [190]  ---
HIT {HITS HITTING }
+KNOCK_DOWN {+KNOCKS_DOWN +KNOCKED_DOWN } [1712]
SMACK # a note
- * (AT +)                                    [193]         # HIT
- * &GUNS (AT)                                [194]         # HIT
- * {PEACE TALKS}                             [---]         # HIT
- WILL NOT * (WITH +)                         [124]         # HIT
- * OUT (OF &GUNS)                            [0871:0871]   # HIT
- * (BEFORE JUDGE)                            [:173]        # HIT

---  PONDER   [---]  ---
PONDER
MULL  [010]
- * TRUCE                                     [036]         # MULL

######## TRANSFORMATIONS ##########
~ a (a b HIT) SAY = a b 015
`;

const TABLE = `
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
12: REJECT
124: REJECT, change,    # Decline to yield
036: AGREE,  , diplomatic # Express intent to meet or negotiate
08: CONCEDE
087: RETREAT, disarm,   military # De-escalate
08: RETREAT
17: COERCE
173: COERCE, arrest, legal # Arrest
163: COERCE, restrict,   diplomatic # Impose embargo
`;

test('the CAMEO2PLOVER table maps by the longest prefix, with our conventions on top', () => {
  const table = parsePloverTable(TABLE);
  assert.equal(table.get('08'), 'CONCEDE', 'a repeated root keeps its first row');
  assert.equal(ploverOf('0871', table), 'RETREAT');
  assert.equal(ploverOf('193', table), 'ASSAULT');
  assert.equal(ploverOf('163', table), 'SANCTION', 'sanctions are SANCTION by our convention');
  assert.equal(ploverOf('010', table), null, 'statements are no event');
  assert.equal(ploverOf('020', table), 'REQUEST');
  assert.equal(ploverOf(null, table), null);
});

test('verbs, multi-word verbs, irregular forms and block codes are read', () => {
  const lex = deriveLexicon(DICTIONARY, TABLE, 'MIT licence text');
  assert.deepEqual(lex.verbs.hit, [{ block: 'HIT', code: '190', type: 'ASSAULT', forms: ['hits', 'hitting'] }]);
  assert.deepEqual(lex.verbs.knock, [{ block: 'HIT', code: '1712', type: 'COERCE', tail: ['down'], forms: ['knocked', 'knocks'] }]);
  assert.equal(lex.verbs.smack![0]!.code, '190', 'a verb with no code of its own takes its block code');
  assert.equal(lex.verbs.ponder![0]!.code, null, 'the null block code: the bare verb is no event');
  assert.equal(lex.verbs.mull![0]!.code, '010');
  assert.equal(lex.verbs.mull![0]!.type, null);
  assert.deepEqual(lex.synsets.GUNS, ['rifle', 'rifles', 'mortar shell', 'mortar shells', 'ammo']);
  assert.equal(lex.licence, 'MIT licence text');
  assert.ok(lex.provenance.some((p) => /petrarch2/.test(p.origin)));
});

test('patterns: target prepositions, objects, particles, null codes, negation and turned-round codes', () => {
  const lex = deriveLexicon(DICTIONARY, TABLE, 'MIT');
  const [at, guns, talks, notWith, out, judge] = lex.blocks.HIT!;
  assert.deepEqual(at!.preps, [{ prep: 'at', noun: [], target: true }]);
  assert.equal(at!.code, '193');
  assert.deepEqual(guns!.object, ['&GUNS']);
  assert.deepEqual(guns!.preps, [{ prep: 'at', noun: [], target: true }], 'a bare (AT) marks the target');
  assert.deepEqual(talks!.object, ['peace talks']);
  assert.equal(talks!.code, null);
  assert.equal(notWith!.negation, true);
  assert.equal(notWith!.future, true);
  assert.equal(notWith!.type, 'REJECT');
  assert.equal(out!.particle, 'out');
  assert.deepEqual(out!.preps, [{ prep: 'of', noun: ['&GUNS'], target: false }]);
  assert.equal(out!.code, '0871');
  assert.equal(judge!.subjectIsTarget, true);
  assert.equal(judge!.code, '173');
  assert.equal(judge!.type, 'COERCE');
  assert.deepEqual(lex.blocks.PONDER!.map((p) => p.object), [['truce', 'truces']]);
});

test('the derived file is the same on every run, one entry per line', () => {
  const a = serialise(deriveLexicon(DICTIONARY, TABLE, 'MIT'));
  const b = serialise(deriveLexicon(DICTIONARY, TABLE, 'MIT'));
  assert.equal(a, b);
  assert.deepEqual(JSON.parse(a), deriveLexicon(DICTIONARY, TABLE, 'MIT'));
  assert.ok(a.split('\n').some((l) => l.trim().startsWith('{"block":"HIT"')));
});
