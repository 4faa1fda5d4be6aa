/**
 * Which way in time a clause points, for expressions that name a month or day without a year ("in March",
 * "on Wednesday"): a report dated June that says "talks were held in March" means the March before it, one that
 * says "elections will be held in March" means the next one. We read the verb nearest to the expression in the
 * same sentence: first looking back from it, then forward.
 */
import type { Doc } from '../../nlp/doc.js';
import { sentenceTree, relIs, type SyntaxTree } from '../../nlp/syntax/tree.js';

/**
 * Which way a clause points: forward, back, or — for a time that names its noun rather than dating a clause
 * ("October's election", "the March vote") when nothing else decides — `nearest`, the nearer of the two.
 */
export type Tense = 'future' | 'past' | 'nearest' | null;

const FUTURE = new Set([
  'will', "'ll", 'shall', 'would', 'going', 'expected', 'scheduled', 'due', 'plans', 'plan', 'planned', 'planning',
  'intends', 'set', 'upcoming', 'next', 'forthcoming', 'aims',
]);

// Common irregular past forms; regular ones are recognised by their -ed ending and verb tag.
const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'met', 'held', 'took', 'made', 'came', 'went', 'began', 'became',
  'saw', 'gave', 'left', 'sent', 'won', 'lost', 'led', 'spoke', 'wrote', 'brought', 'thought', 'found', 'felt',
  'kept', 'fell', 'rose', 'broke', 'chose', 'drew', 'fought', 'flew', 'grew', 'knew', 'paid', 'put', 'ran',
  'sought', 'stood', 'struck', 'took', 'ago', 'last', 'since', 'earlier', 'former',
]);

// Where a clause ends: a cue beyond it belongs to another verb ("the flight which launches June 28"). Commas are
// not boundaries: lists share their verb ("going to Rome next month, Paris in November, Oslo in December").
const CLAUSE_BOUNDARY = new Set([
  ';', ':', '(', ')', '"', 'which', 'who', 'whom', 'whose', 'where', 'while', 'whereas', 'because',
  'although', 'but',
]);

/**
 * The tense of the clause a time expression at [at, end) dates: read off the parse where the sentence has one
 * (treeTense), else the nearest tense word back, else forward (wordTense).
 */
export function tenseAt(doc: Doc, at: number, end: number): Tense {
  const byTree = treeTense(doc, at, end);
  return byTree !== undefined ? byTree : wordTense(doc, at, end);
}

/** The nearest tense cue back from the expression, else forward, within its clause. */
export function wordTense(doc: Doc, at: number, end: number): Tense {
  if (doc.tokens.length === 0) return null;
  const first = doc.tokenIndexAt(at);
  const sentence = doc.sentences[doc.sentenceIndexAt(at)];
  if (!sentence) return null;
  for (let k = Math.min(first, sentence.tokenEnd) - 1; k >= sentence.tokenStart; k--) {
    if (CLAUSE_BOUNDARY.has(doc.tokens[k]!.lower)) break;
    const cue = cueOf(doc, k);
    if (cue) return cue;
  }
  for (let k = doc.tokenIndexAt(end); k < sentence.tokenEnd; k++) {
    if (CLAUSE_BOUNDARY.has(doc.tokens[k]!.lower)) break;
    const cue = cueOf(doc, k);
    if (cue) return cue;
  }
  return null;
}

function cueOf(doc: Doc, k: number): Tense {
  const t = doc.tokens[k]!;
  const w = t.lower;
  // "the referendum is to be held": an obligation or plan, so forward.
  if (w === 'to' && /^(?:is|are|was|were)$/.test(doc.tokens[k - 1]?.lower ?? '')) return 'future';
  if (FUTURE.has(w)) {
    // "set", "due" and "plan" point forward only as "set to", "due to", "plan to": not "a set of", "plan for".
    if (w === 'set' || w === 'due' || w === 'plan' || w === 'plans') return doc.tokens[k + 1]?.lower === 'to' ? 'future' : null;
    return 'future';
  }
  if (PAST.has(w)) {
    // "will be held", "is being sent": a participle after "be" takes its tense from the auxiliary before it.
    const before = doc.tokens[k - 1]?.lower;
    return before === 'be' || before === 'being' || before === 'is' || before === 'are' ? null : 'past';
  }
  if ((t.pos === 'VERB' || t.pos === 'AUX') && w.length > 4 && w.endsWith('ed')) {
    // "is expected to", "has agreed" — a participle after a present auxiliary is not a past clause.
    const before = doc.tokens[k - 1]?.lower;
    if (before === 'is' || before === 'are' || before === 'be' || before === 'being') return null;
    return 'past';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Tense from the tree: the predicate the time attaches to, and its auxiliaries and tag.

const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo', 'would', "'d"]);
const MODAL_AUX = new Set(['should', 'must', 'may', 'might', 'could', 'can', 'ought']);
/** Predicates that point forward whatever their own tense: "elections looming in October", "is due in March". */
const FORWARD_LEMMAS = new Set([
  'loom', 'approach', 'upcoming', 'forthcoming', 'due', 'schedule', 'plan', 'expect', 'set', 'intend', 'aim',
  'slate', 'prepare', 'going', 'hope', 'want', 'vow', 'pledge', 'promise', 'threaten',
]);
/** Modifiers of an event noun that put it ahead: "the upcoming vote", "next month's election". */
const FORWARD_MODIFIERS = new Set(['upcoming', 'coming', 'forthcoming', 'next', 'looming', 'planned', 'scheduled', 'expected', 'future', 'proposed']);
/** Markers of a noun that point ahead of the clause ("ahead of October's vote", "in the run-up to", "before"). */
const FORWARD_MARKERS = new Set(['ahead of', 'ahead', 'before', 'towards', 'toward', 'until', 'till']);
/** Present-tense verbs that report rather than happen: "X says on Monday" is a past Monday. */
const REPORTING_LEMMAS = new Set([
  'say', 'tell', 'announce', 'claim', 'report', 'insist', 'warn', 'add', 'note', 'state', 'write', 'argue', 'accuse',
  'confirm', 'deny', 'show', 'suggest', 'reveal', 'indicate', 'remain', 'recall', 'remember', 'know', 'believe',
]);
/** The relations by which a time hangs from the predicate it dates. */
const ADVERBIAL = ['obl', 'advmod', 'nmod:tmod', 'obl:tmod', 'obl:npmod', 'obl:unmarked', 'nmod:npmod'];
/** The relations by which a time names or modifies a noun. */
const NOMINAL_MODIFIER = ['nmod', 'compound', 'amod', 'nmod:poss', 'nummod', 'appos'];
const PREDICATE_POS = new Set(['VERB', 'AUX', 'ADJ']);

/**
 * The tense of the clause a time expression dates, from the parse: undefined when the sentence has no parse or
 * the tree does not decide (the word rules then apply). A time in an adverbial of a predicate takes that
 * predicate's tense (its auxiliaries, its tag; a participle or infinitive its governor's); a time that modifies a
 * noun takes the noun's own forward cues, else a past clause's tense when the noun is that clause's argument,
 * else the clause's direction when the noun is a direct argument, else `nearest`.
 */
export function treeTense(doc: Doc, at: number, end: number): Tense | undefined {
  if (doc.sentences.length === 0) return undefined;
  const tree = sentenceTree(doc, doc.sentenceIndexAt(at));
  if (!tree) return undefined;
  const inside = tree.words.filter((w) => w.end > at && w.start < end).map((w) => w.i);
  if (!inside.length) return undefined;
  let k = tree.headOf(inside);
  // "since March" only ever looks back.
  if (tree.caseOf(k) === 'since') return 'past';
  for (let steps = 0; steps < 6 && k >= 0; steps++) {
    const w = tree.word(k);
    if (w.head < 0) return predicateTense(tree, k);
    const h = tree.word(w.head);
    if (w.rel === 'conj' || w.rel === 'fixed' || w.rel === 'flat') {
      k = w.head;
      continue;
    }
    // A possessive ("August's election") modifies a noun however the head was tagged.
    if (w.rel === 'nmod:poss' || (NOMINAL_MODIFIER.some((r) => relIs(w.rel, r)) && (h.upos === 'NOUN' || h.upos === 'PROPN'))) {
      return nounTense(tree, w.head);
    }
    if (ADVERBIAL.some((r) => relIs(w.rel, r))) return predicateTense(tree, w.head);
    return undefined;
  }
  return undefined;
}

/**
 * The tense for a time that modifies noun `n` ("October's election", "the vote in March"). A state in the present
 * perfect says nothing of when the noun's time lies ("the campaign for the vote on May 3 has been ugly").
 */
function nounTense(tree: SyntaxTree, n: number): Tense | undefined {
  const clause = governingPredicate(tree, n);
  const clauseTense = clause.p >= 0 && !isPerfect(tree, clause.p) ? predicateTense(tree, clause.p) : undefined;
  const marker = tree.caseOf(n) ?? '';
  const forward = tree.children(n).some((c) => {
    const rel = tree.word(c).rel;
    if (relIs(rel, 'advmod') && tree.lower(c) === 'ahead') return true; // "ahead of", parsed with "ahead" on the noun
    return (relIs(rel, 'amod') || rel === 'det' || relIs(rel, 'acl')) && FORWARD_MODIFIERS.has(tree.lower(c));
  }) || FORWARD_MARKERS.has(marker) || (marker === 'of' && tree.head(n) >= 0 && tree.lower(tree.head(n)) === 'ahead');
  if (forward && clauseTense !== 'past') return 'future';
  if (clause.direct && (clauseTense === 'future' || clauseTense === 'past')) return clauseTense;
  return 'nearest';
}

const isPerfect = (tree: SyntaxTree, p: number): boolean => tree.dependents(p, 'aux').some((a) => tree.lemma(a) === 'have');
/** "has chosen", "have agreed": a perfect of now, not the past perfect "had chosen". */
const isPresentPerfect = (tree: SyntaxTree, p: number): boolean =>
  tree.dependents(p, 'aux').some((a) => tree.lemma(a) === 'have' && tree.word(a).xpos !== 'VBD');

/** The predicate a noun phrase belongs to (climbing nouns that modify nouns), and whether the noun is its direct argument. */
function governingPredicate(tree: SyntaxTree, n: number): { p: number; direct: boolean } {
  let k = n;
  for (let steps = 0; steps < 5; steps++) {
    const w = tree.word(k);
    if (w.head < 0) return { p: PREDICATE_POS.has(w.upos) || hasCopula(tree, k) ? k : -1, direct: false };
    const h = tree.word(w.head);
    if (PREDICATE_POS.has(h.upos) || hasCopula(tree, w.head)) return { p: w.head, direct: steps === 0 };
    k = w.head;
  }
  return { p: -1, direct: false };
}

const hasCopula = (tree: SyntaxTree, k: number): boolean => tree.dependent(k, 'cop') >= 0;

/** The tense of predicate `p`: its auxiliaries, then its own tag; a non-finite predicate takes its governor's. */
function predicateTense(tree: SyntaxTree, p: number, depth = 0): Tense | undefined {
  if (p < 0 || depth > 4) return undefined;
  const w = tree.word(p);
  const auxes = tree.dependents(p, 'aux', 'cop');
  const lowers = auxes.map((a) => tree.lower(a));
  const perfect = auxes.some((a) => tree.lemma(a) === 'have');
  if (lowers.some((a) => FUTURE_AUX.has(a))) return perfect ? 'past' : 'future';
  if (lowers.some((a) => MODAL_AUX.has(a))) return perfect ? 'past' : 'future';
  // "is to be held", "are set to", "is expected in March"
  if (FORWARD_LEMMAS.has(tree.lemma(p)) || FORWARD_LEMMAS.has(tree.lower(p))) return 'future';
  if (auxes.some((a) => tree.word(a).xpos === 'VBD')) return 'past';
  if (perfect) return 'past';
  if (w.xpos === 'VBD') return 'past';
  const finitePresent = w.xpos === 'VBZ' || w.xpos === 'VBP' || auxes.some((a) => tree.word(a).xpos === 'VBZ' || tree.word(a).xpos === 'VBP');
  // A present tense with a date is mostly a plan or a deadline ("the deal lapses in March"), but captions and
  // headlines write the past in it too ("protesters rally on May 3"): the nearer such date.
  if (finitePresent) return REPORTING_LEMMAS.has(tree.lemma(p)) ? undefined : 'nearest';
  // A participle, gerund or infinitive: the clause it belongs to decides ("the elections held on", "to meet on").
  if (w.head >= 0 && (w.xpos === 'VBN' || w.xpos === 'VBG' || w.xpos === 'VB' || w.upos === 'NOUN' || w.upos === 'ADJ')) {
    const infinitive = tree.dependents(p, 'mark').some((m) => tree.lower(m) === 'to');
    // A bare past participle modifying a noun or a clause is done: "the plan adopted in 2019", "Elected in May, he";
    // not one in an infinitive ("due to be published in May").
    if (w.xpos === 'VBN' && !infinitive && !auxes.length && (relIs(w.rel, 'acl') || relIs(w.rel, 'advcl'))) return 'past';
    const h = tree.word(w.head);
    // An infinitive under a present perfect looks on from now: "has chosen three firms for the scheme to run
    // through June" (the coming June, or the past one if nearer), where the perfect alone would say the past.
    if (infinitive && isPresentPerfect(tree, w.head)) return 'nearest';
    if (PREDICATE_POS.has(h.upos) || hasCopula(tree, w.head)) return predicateTense(tree, w.head, depth + 1);
    if (relIs(w.rel, 'acl') || w.rel === 'conj') {
      const g = governingPredicate(tree, w.head);
      return g.p >= 0 ? predicateTense(tree, g.p, depth + 1) : undefined;
    }
  }
  return undefined;
}
