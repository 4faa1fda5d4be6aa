/**
 * Queries over one parsed sentence (`SentenceSyntax`): the questions extractors ask of a dependency tree. Who is
 * the subject of this predicate (its own nsubj, or the one it inherits through xcomp, conj, advcl and participial
 * acl), its object, its passive agent, its obliques with their prepositions, a noun's possessor and prepositional
 * arguments, the verb that governs a noun ("reached an agreement"), and whether a predicate is negated. Relations
 * are UD v2 as EWT writes them. Indices are word indices into `words`; -1 is "none".
 */
import type { Doc } from '../doc.js';
import type { SentenceSyntax, SyntaxWord } from './types.js';

/** Whether `rel` is `base` or one of its subtypes ("obl" matches "obl:tmod"). */
export function relIs(rel: string, base: string): boolean {
  return rel === base || (rel.length > base.length && rel.startsWith(base) && rel[base.length] === ':');
}

const SUBJECT = new Set(['nsubj', 'csubj']);
const PASSIVE_SUBJECT = new Set(['nsubj:pass', 'csubj:pass']);
/** Relative pronouns: a relative clause's subject that stands for the noun the clause modifies. */
const RELATIVE = new Set(['which', 'who', 'whom', 'that', 'whose']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Finite verb forms (past, present third person and not): a clause with one has a subject somewhere. */
const FINITE_XPOS = new Set(['VBD', 'VBZ', 'VBP']);
/** Heads a subjectless finite clause may share a subject with: predicates, not nouns. */
const VERBAL_HEAD = new Set(['VERB', 'AUX', 'ADJ']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nor', 'neither']);
/** Verbs whose xcomp is not done: "refused to withdraw", "failed to join", "declined to comment". */
const NEGATING_GOVERNORS = new Set(['refuse', 'fail', 'decline', 'neglect', 'avoid', 'stop', 'cease', 'omit']);

export interface SubjectHit {
  /** The word that fills the subject role (for a relative pronoun, its antecedent). */
  word: number;
  /** The subject undergoes the predicate (nsubj:pass, or the noun a past participle modifies). */
  passive: boolean;
  /** How it was reached: its own subject, a relative clause's antecedent, or inherited from a governing predicate. */
  via: 'own' | 'relative' | 'control' | 'coordination' | 'adverbial' | 'participle';
}

export interface Oblique {
  /** The oblique nominal (or nmod of a noun). */
  word: number;
  /** Its case marker, lower case, multiword markers joined ("according to", "because of"); null when none. */
  marker: string | null;
}

export class SyntaxTree {
  readonly words: readonly SyntaxWord[];
  private readonly kids: number[][];
  /** Lower-cased forms and lemmas, computed on first request: extractors ask for them in their inner loops. */
  private readonly lowers: (string | undefined)[] = [];
  private readonly lemmas: (string | undefined)[] = [];

  constructor(readonly sentence: SentenceSyntax) {
    this.words = sentence.words;
    this.kids = this.words.map(() => []);
    for (const w of this.words) if (w.head >= 0 && w.head < this.words.length) this.kids[w.head]!.push(w.i);
  }

  word(i: number): SyntaxWord {
    return this.words[i]!;
  }

  lower(i: number): string {
    return (this.lowers[i] ??= this.words[i]!.text.toLowerCase().replace(/[’ʼ‘]/g, "'"));
  }

  lemma(i: number): string {
    return (this.lemmas[i] ??= this.words[i]!.lemma.toLowerCase());
  }

  head(i: number): number {
    return this.words[i]!.head;
  }

  children(i: number): readonly number[] {
    return this.kids[i] ?? [];
  }

  /** Children of `i` whose relation is one of `rels` (each matching its subtypes too, unless written with a subtype). */
  dependents(i: number, ...rels: string[]): number[] {
    return this.children(i).filter((c) => rels.some((r) => relIs(this.words[c]!.rel, r)));
  }

  /** The first child with one of the relations, or -1. */
  dependent(i: number, ...rels: string[]): number {
    return this.dependents(i, ...rels)[0] ?? -1;
  }

  /** Whether `a` dominates `b` (or is `b`). */
  dominates(a: number, b: number): boolean {
    for (let k = b, steps = 0; k >= 0 && steps <= this.words.length; k = this.words[k]!.head, steps++) if (k === a) return true;
    return false;
  }

  /** The words of the subtree under `i`, in order. */
  subtree(i: number): number[] {
    const out: number[] = [];
    const stack = [i];
    while (stack.length) {
      const k = stack.pop()!;
      out.push(k);
      for (const c of this.children(k)) stack.push(c);
    }
    return out.sort((a, b) => a - b);
  }

  /** The word of the tree at a character offset, or -1. */
  wordAt(offset: number): number {
    for (const w of this.words) if (w.start <= offset && offset < w.end) return w.i;
    return -1;
  }

  /** Words that lie in a Doc token range [first, last] (inclusive). */
  wordsOfTokens(first: number, last: number): number[] {
    return this.words.filter((w) => w.token >= first && w.token <= last).map((w) => w.i);
  }

  /** The head of a set of words: the one whose head lies outside the set, nearest the root; -1 for an empty set. */
  headOf(set: readonly number[]): number {
    const inside = new Set(set);
    let best = -1;
    let bestDepth = Infinity;
    for (const i of set) {
      const h = this.words[i]!.head;
      if (h >= 0 && inside.has(h)) continue;
      const d = this.depth(i);
      if (d < bestDepth) {
        best = i;
        bestDepth = d;
      }
    }
    return best;
  }

  depth(i: number): number {
    let d = 0;
    for (let k = this.words[i]!.head; k >= 0 && d <= this.words.length; k = this.words[k]!.head) d++;
    return d;
  }

  /** The case marker of a nominal ("on" in "sanctions on Russia"), with a fixed expression joined; null when none. */
  caseOf(i: number): string | null {
    const c = this.children(i).find((k) => this.words[k]!.rel === 'case' && k < i);
    if (c === undefined) return null;
    const fixed = this.dependents(c, 'fixed').map((k) => this.lower(k));
    return [this.lower(c), ...fixed].join(' ');
  }

  /** Whether the predicate is passive: an aux:pass or a passive subject, or a past participle modifying a noun. */
  isPassive(p: number): boolean {
    if (this.dependent(p, 'aux:pass') >= 0) return true;
    return this.dependent(p, 'nsubj:pass', 'csubj:pass') >= 0 && this.passiveForm(p);
  }

  /**
   * Whether a predicate the parser gave a passive subject has a passive's form: a past participle not built with
   * "have" alone. "Police have clashed with protesters" labelled nsubj:pass is an active perfect, and its subject
   * the one who acted.
   */
  private passiveForm(p: number): boolean {
    if (this.words[p]!.xpos !== 'VBN') return false;
    return !this.dependents(p, 'aux').some((a) => this.lemma(a) === 'have');
  }

  /**
   * The subject of predicate `p`. Its own nsubj (nsubj:pass as a patient); a relative pronoun stands for the noun
   * the clause modifies; a predicate with none inherits it: an xcomp from its governor's object or else its subject
   * ("urged Serbia to join": Serbia; "X refused to withdraw": X), a conjunct from the first conjunct ("X said … and
   * called for"), a non-finite adverbial clause from the main clause ("…, citing"), a participle from the noun it
   * modifies ("protesters demanding": the protesters; "the regime imposed on Moscow": the regime, as patient).
   */
  subjectOf(p: number, depth = 0): SubjectHit | null {
    if (p < 0 || depth > 6) return null;
    const w = this.words[p]!;
    // Where the parser gave two subjects, a nominal one wins ("Ousted president X has been accused").
    const subjects = this.children(p).filter((c) => SUBJECT.has(this.words[c]!.rel) || PASSIVE_SUBJECT.has(this.words[c]!.rel));
    const c = subjects.find((k) => NOMINAL.has(this.words[k]!.upos)) ?? subjects[0];
    if (c !== undefined) {
      const passive = PASSIVE_SUBJECT.has(this.words[c]!.rel) && (this.dependent(p, 'aux:pass') >= 0 || this.passiveForm(p));
      if (RELATIVE.has(this.lower(c)) && (relIs(w.rel, 'acl') || /^W/.test(this.words[c]!.xpos))) {
        if (relIs(w.rel, 'acl') && w.head >= 0) return { word: w.head, passive, via: 'relative' };
        // A relative clause the parser attached elsewhere ("Mr X, who called for …" as a conjunct): the word
        // before the pronoun (across its comma) is the antecedent.
        let k = c - 1;
        while (k >= 0 && this.words[k]!.upos === 'PUNCT') k--;
        if (k >= 0 && NOMINAL.has(this.words[k]!.upos)) return { word: k, passive, via: 'relative' };
      }
      return { word: c, passive, via: 'own' };
    }
    const h = w.head;
    if (h < 0) return null;
    const ownPassive = this.dependent(p, 'aux:pass') >= 0;
    // A clausal subject beside a subject of its own is a misread complement: "it was willing to negotiate".
    const complement = relIs(w.rel, 'xcomp') || (relIs(w.rel, 'csubj') && this.dependent(h, 'nsubj', 'nsubj:pass') >= 0);
    if (complement) {
      const controller = this.dependent(h, 'obj', 'iobj');
      if (controller >= 0 && controller !== p) return { word: controller, passive: ownPassive, via: 'control' };
      const up = this.subjectOf(h, depth + 1);
      return up ? { word: up.word, passive: ownPassive, via: 'control' } : null;
    }
    if (w.rel === 'conj') {
      // A finite verb the parser coordinated with a noun ("said she was shocked by the footage …, and asked for")
      // shares the subject of the clause that noun sits in: climb to the nearest predicate above it.
      let g = h;
      if (w.upos === 'VERB' && NOMINAL.has(this.words[g]!.upos)) {
        while (g >= 0 && NOMINAL.has(this.words[g]!.upos)) g = this.words[g]!.head;
        if (g < 0) return null;
      }
      const up = this.subjectOf(g, depth + 1);
      if (!up) return null;
      // A shared auxiliary attaches to the first conjunct only: "was arrested and charged".
      const passive = ownPassive || (up.passive && w.xpos === 'VBN' && this.dependent(p, 'aux') < 0);
      return { word: up.word, passive, via: 'coordination' };
    }
    // A finite verb with no subject of its own is a conjunct whatever the parser called it ("She stays in office,
    // …, and a week before the summit won an award" read as a complement): English
    // finite clauses have subjects, so it shares its governor's.
    if ((relIs(w.rel, 'ccomp') || w.rel === 'parataxis') && FINITE_XPOS.has(w.xpos) && this.dependent(p, 'mark') < 0 && VERBAL_HEAD.has(this.words[h]!.upos)) {
      const up = this.subjectOf(h, depth + 1);
      return up ? { word: up.word, passive: ownPassive, via: 'coordination' } : null;
    }
    if (w.rel === 'advcl' && (w.xpos === 'VBG' || w.xpos === 'VBN' || w.xpos === 'VB')) {
      const up = this.subjectOf(h, depth + 1);
      return up ? { word: up.word, passive: ownPassive || w.xpos === 'VBN', via: 'adverbial' } : null;
    }
    if (relIs(w.rel, 'acl') && (w.xpos === 'VBG' || w.xpos === 'VBN')) {
      return { word: h, passive: w.xpos === 'VBN', via: 'participle' };
    }
    return null;
  }

  /** The passive agent: obl:agent, or an oblique marked "by". -1 when none. */
  agentOf(p: number): number {
    for (const o of this.obliquesOf(p)) if (this.words[o.word]!.rel === 'obl:agent' || o.marker === 'by') return o.word;
    return -1;
  }

  /** Objects of a predicate: obj, then iobj ("gave Ukraine weapons": weapons, Ukraine). */
  objectsOf(p: number): number[] {
    return [...this.dependents(p, 'obj'), ...this.dependents(p, 'iobj')];
  }

  /** Obliques of a verb (obl, not temporal) or prepositional modifiers of a noun (nmod), each with its marker. */
  obliquesOf(p: number): Oblique[] {
    const out: Oblique[] = [];
    for (const c of this.children(p)) {
      const rel = this.words[c]!.rel;
      if (rel === 'obl:tmod' || rel === 'nmod:tmod' || rel === 'nmod:poss') continue;
      if (!relIs(rel, 'obl') && !relIs(rel, 'nmod')) continue;
      out.push({ word: c, marker: this.caseOf(c) });
    }
    return out;
  }

  /** The possessor of a noun: "Russia's invasion" → Russia. -1 when none. */
  possessorOf(n: number): number {
    return this.dependent(n, 'nmod:poss');
  }

  /** The conjuncts of `i` ("X and Y": Y for X), in order. */
  conjunctsOf(i: number): number[] {
    return this.dependents(i, 'conj');
  }

  /**
   * The verb that governs a noun: the noun, or the noun it modifies as a compound or "of"-phrase ("the sanctions
   * regime", "a package of aid"), is its object, passive subject or oblique. Returns the verb and how the noun hangs
   * from it, or null.
   */
  governorOf(n: number): { verb: number; rel: string; marker: string | null } | null {
    let k = n;
    for (let steps = 0; steps < 3; steps++) {
      const w = this.words[k]!;
      if (w.head < 0) return null;
      if (w.rel === 'compound' || (relIs(w.rel, 'nmod') && this.caseOf(k) === 'of') || w.rel === 'conj') {
        k = w.head;
        continue;
      }
      const v = this.words[w.head]!;
      if (v.upos !== 'VERB' && v.upos !== 'AUX') return null;
      if (w.rel === 'obj' || w.rel === 'iobj' || PASSIVE_SUBJECT.has(w.rel) || relIs(w.rel, 'obl') || SUBJECT.has(w.rel)) {
        return { verb: w.head, rel: w.rel, marker: relIs(w.rel, 'obl') ? this.caseOf(k) : null };
      }
      return null;
    }
    return null;
  }

  /** Whether a word is negated by its own dependents: "not", "n't", "never" (advmod) or "no" (det). */
  negatedHere(p: number): boolean {
    for (const c of this.children(p)) {
      const rel = this.words[c]!.rel;
      if ((rel === 'advmod' || rel === 'det' || rel === 'cc:preconj') && NEGATORS.has(this.lower(c))) return true;
    }
    return false;
  }

  /**
   * Whether predicate `p` is negated: by its own "not"/"never"/"no", or by the verb it is the xcomp of when that
   * verb is negated or is one of not doing ("refused to", "failed to", "has yet to"). Each negation flips.
   */
  isNegated(p: number): boolean {
    let negated = this.negatedHere(p);
    let k = p;
    for (let steps = 0; steps < 4; steps++) {
      const w = this.words[k]!;
      if (!relIs(w.rel, 'xcomp') || w.head < 0) break;
      const h = w.head;
      const flips = (this.negatedHere(h) ? 1 : 0) + (NEGATING_GOVERNORS.has(this.lemma(h)) ? 1 : 0) +
        (this.dependents(h, 'advmod').some((a) => this.lower(a) === 'yet') ? 1 : 0);
      if (flips % 2 === 1) negated = !negated;
      k = h;
    }
    return negated;
  }
}

/** A tree over one parsed sentence, or null for a sentence with no words. */
export function treeOf(s: SentenceSyntax | null | undefined): SyntaxTree | null {
  return s && s.words.length ? new SyntaxTree(s) : null;
}

/**
 * Sentences longer than this get no tree. A real sentence rarely passes 80 words; a "sentence" of thousands is a
 * table, a list or a dump without punctuation, where the queries extractors run over a tree (for every quote or
 * trigger, over every word) would grow with the square of its length, and a parse would mean little anyway.
 */
export const MAX_TREE_TOKENS = 200;

/**
 * The tree of sentence `index` of a Doc, or null when the sentence has no words, is longer than MAX_TREE_TOKENS, or
 * no model is there to parse it (a checkout without models/syntax-en.bin.gz): extractors then fall back to their
 * token-distance rules.
 */
export function sentenceTree(doc: Doc, index: number): SyntaxTree | null {
  const s = doc.sentences[index];
  if (!s || s.tokenEnd - s.tokenStart > MAX_TREE_TOKENS) return null;
  try {
    return treeOf(doc.syntax(index));
  } catch (err) {
    if (err instanceof Error && /syntax model is not there/.test(err.message)) return null;
    throw err;
  }
}
