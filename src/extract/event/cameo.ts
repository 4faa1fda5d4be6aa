/**
 * The CAMEO verb lexicon (data/cameo-lexicon.json, derived from the PETRARCH2 dictionary by
 * scripts/derive-event-lexicon.ts) matched on the dependency tree: a pattern fires on a VERB word whose lemma is
 * the pattern's verb, when the words the pattern names are the verb's own dependents: its particle (compound:prt),
 * its object (obj, iobj, an xcomp complement, or the passive subject), its prepositional obliques with their case
 * markers, its subject. Matching on the tree's lemma and relations, not on the words in a row, is what keeps 4,000
 * patterns from firing on everything: "opened fire on the van" is the verb "open" with the object "fire", and
 * "fire" as the subject of another verb is not.
 *
 * Per verb word, the most specific pattern that matches wins (one event per predicate); a pattern with the null
 * code blocks the verb's own code ("refused to comment" is no event); with no pattern, the verb's own code, if it
 * has one, stands.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLOVER_TYPES, type PloverType } from '../../model/types.js';
import { relIs, type SyntaxTree } from '../../nlp/syntax/tree.js';
import { verbForms } from './lexicon.js';
import type { CameoLexicon, CameoPattern, CameoVerb, NounSlot } from '../../../scripts/derive-event-lexicon.js';

export const CAMEO_LEXICON_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/cameo-lexicon.json');

export interface CameoMatch {
  type: PloverType;
  /** The CAMEO code of the pattern (3 or 4 digits) or of the bare verb. */
  code: string;
  /** Tree words of the trigger: the verb, and the particle and object the pattern names. */
  words: number[];
  /** The verb word. */
  verb: number;
  /** The preposition whose object the pattern marks as the target ("open fire on", "send troops to"). */
  targetMarker: string | null;
  subjectIsTarget: boolean;
  /** The pattern needs the negation it matched: the code already says what the negated verb means. */
  absorbsNegation: boolean;
  /** The verb and pattern, for messages and tests ("open * FIRE"). */
  label: string;
}

interface CompiledVerb extends CameoVerb {
  patterns: CameoPattern[];
}

export interface CompiledCameo {
  byLemma: Map<string, CompiledVerb[]>;
  /** Inflected form → lemmas, for a tagger lemma that is off ("shelled" lemmatised as "shelled"). */
  byForm: Map<string, string[]>;
  synsets: Map<string, string[][]>;
}

const TYPES = new Set<string>(PLOVER_TYPES);

/** Compiles the derived lexicon. Throws when an entry names a type that is no PLOVER type. */
export function compileCameo(lexicon: Pick<CameoLexicon, 'verbs' | 'blocks' | 'synsets'>): CompiledCameo {
  const byLemma = new Map<string, CompiledVerb[]>();
  const byForm = new Map<string, string[]>();
  const check = (t: string | null, where: string) => {
    if (t !== null && !TYPES.has(t)) throw new Error(`cameo-lexicon: ${where}: ${t} is no PLOVER type`);
  };
  for (const [block, patterns] of Object.entries(lexicon.blocks)) for (const p of patterns) check(p.type, `${block} ${p.text}`);
  for (const [lemma, entries] of Object.entries(lexicon.verbs)) {
    const list: CompiledVerb[] = [];
    for (const e of entries) {
      check(e.type, lemma);
      list.push({ ...e, patterns: lexicon.blocks[e.block] ?? [] });
    }
    byLemma.set(lemma, list);
    const forms = new Set([...verbForms(lemma), ...(entries.flatMap((e) => e.forms ?? []))]);
    for (const f of forms) {
      const known = byForm.get(f);
      if (known) {
        if (!known.includes(lemma)) known.push(lemma);
      } else byForm.set(f, [lemma]);
    }
  }
  const synsets = new Map<string, string[][]>();
  for (const [name, phrases] of Object.entries(lexicon.synsets)) synsets.set(name, phrases.map((p) => p.split(' ')));
  return { byLemma, byForm, synsets };
}

let bundled: CompiledCameo | null = null;

/** The bundled CAMEO lexicon, read once per process. */
export function defaultCameo(): CompiledCameo {
  bundled ??= compileCameo(JSON.parse(readFileSync(CAMEO_LEXICON_PATH, 'utf8')) as CameoLexicon);
  return bundled;
}

/** The words of `w` in the tree, lower-cased surface and lemma. */
function keys(tree: SyntaxTree, w: number): [string, string] {
  return [tree.lower(w), tree.lemma(w)];
}

/** Whether word `w` heads one of the slot's phrases: its head is `w`, and the words before it are the phrase's. */
function slotMatches(slot: NounSlot, tree: SyntaxTree, w: number, lex: CompiledCameo): boolean {
  for (const alt of slot) {
    const phrases = alt.startsWith('&') ? lex.synsets.get(alt.slice(1)) ?? [] : [wordsOf(alt)];
    for (const phrase of phrases) if (phraseEndsAt(phrase, tree, w)) return true;
  }
  return false;
}

/**
 * A literal slot's words. Memoised: a pure function of the string, from a finite set (the lexicon's slots), asked
 * for on every verb of every sentence.
 */
const SLOT_WORDS = new Map<string, readonly string[]>();

function wordsOf(alt: string): readonly string[] {
  let words = SLOT_WORDS.get(alt);
  if (!words) SLOT_WORDS.set(alt, (words = Object.freeze(alt.split(' '))));
  return words;
}

function phraseEndsAt(phrase: readonly string[], tree: SyntaxTree, w: number): boolean {
  const n = phrase.length;
  if (w - (n - 1) < 0) return false;
  for (let k = 0; k < n; k++) {
    const [lower, lemma] = keys(tree, w - (n - 1) + k);
    const want = phrase[k]!;
    if (want !== lower && want !== lemma) return false;
  }
  return true;
}

/** Candidate objects of a verb: obj, iobj, an xcomp or ccomp complement, the passive subject. */
function objectWords(tree: SyntaxTree, v: number): number[] {
  const out = [...tree.objectsOf(v), ...tree.dependents(v, 'xcomp')];
  for (const c of tree.children(v)) if (tree.word(c).rel === 'nsubj:pass') out.push(c);
  return out;
}

/** Particle candidates: compound:prt, an adverb or adjective right after the verb, or the next word itself. */
function particleWords(tree: SyntaxTree, v: number): number[] {
  const out = tree.children(v).filter((c) => {
    const rel = tree.word(c).rel;
    return rel === 'compound:prt' || (c > v && c <= v + 3 && (rel === 'advmod' || relIs(rel, 'xcomp') || rel === 'obl'));
  });
  if (v + 1 < tree.words.length && !out.includes(v + 1)) out.push(v + 1);
  return out;
}

interface Hit {
  score: number;
  words: number[];
  targetMarker: string | null;
}

/** How a pattern matches verb `v`, or null. */
function matchPattern(p: CameoPattern, tree: SyntaxTree, v: number, lex: CompiledCameo): Hit | null {
  const words = [v];
  let score = 0;
  let targetMarker: string | null = null;
  if (p.particle) {
    const hit = particleWords(tree, v).find((c) => keys(tree, c).includes(p.particle!));
    if (hit === undefined) return null;
    words.push(hit);
    score += 2;
  }
  let object = -1;
  if (p.object) {
    object = objectWords(tree, v).find((o) => slotMatches(p.object!, tree, o, lex)) ?? -1;
    if (object < 0) return null;
    words.push(object);
    score += 2;
  }
  for (const pp of p.preps ?? []) {
    const hosts = object >= 0 ? [v, object] : [v];
    const found = hosts.flatMap((h) => tree.obliquesOf(h)).find((o) => o.marker === pp.prep && (!pp.noun.length || slotMatches(pp.noun, tree, o.word, lex)));
    if (!found) return null;
    score += pp.noun.length ? 2 : 1;
    if (pp.target && !targetMarker) targetMarker = pp.prep;
  }
  if (p.subject) {
    const s = tree.subjectOf(v);
    if (!s || !slotMatches(p.subject, tree, s.word, lex)) return null;
    score += 1;
  }
  if (p.negation) {
    if (!tree.isNegated(v)) return null;
    score += 1;
  }
  if (p.future) {
    if (!tree.dependents(v, 'aux').some((a) => tree.lower(a) === 'will' || tree.lower(a) === 'would')) return null;
    score += 1;
  }
  return { score, words, targetMarker };
}

/** Whether the multi-word verb's tail words ("down" of SHUT_DOWN, "for" of ASK_FOR) stand by verb `v`. */
function tailWords(tail: string[], tree: SyntaxTree, v: number): number[] | null {
  const out: number[] = [];
  for (const t of tail) {
    const candidates = [...particleWords(tree, v), ...objectWords(tree, v)];
    const hit = candidates.find((c) => keys(tree, c).includes(t));
    if (hit !== undefined) {
      out.push(hit);
      continue;
    }
    // A preposition of the verb's oblique: "asked for help".
    if (tree.obliquesOf(v).some((o) => o.marker === t)) continue;
    return null;
  }
  return out;
}

/** The lemmas a verb word may stand for: the tagger's lemma, else what its form inflects. */
function lemmasOf(tree: SyntaxTree, v: number, lex: CompiledCameo): string[] {
  const lemma = tree.lemma(v);
  if (lex.byLemma.has(lemma)) return [lemma];
  return lex.byForm.get(tree.lower(v)) ?? [];
}

/** The CAMEO match of verb word `v`, or null: the most specific pattern, else the verb's own code. */
export function matchVerb(tree: SyntaxTree, v: number, lex: CompiledCameo): CameoMatch | null {
  let best: { hit: Hit; code: string | null; type: string | null; subjectIsTarget: boolean; absorbs: boolean; label: string } | null = null;
  for (const lemma of lemmasOf(tree, v, lex)) {
    for (const entry of lex.byLemma.get(lemma) ?? []) {
      let base: number[] = [];
      let bonus = 0;
      if (entry.tail) {
        const t = tailWords(entry.tail, tree, v);
        if (!t) continue;
        base = t;
        bonus = 2 * entry.tail.length;
      }
      const name = [lemma, ...(entry.tail ?? [])].join(' ');
      // The bare verb, scored below every pattern.
      const bare = { hit: { score: bonus, words: [v, ...base], targetMarker: null }, code: entry.code, type: entry.type, subjectIsTarget: false, absorbs: false, label: name };
      if (!best || bare.hit.score > best.hit.score) best = bare;
      for (const p of entry.patterns) {
        const hit = matchPattern(p, tree, v, lex);
        if (!hit) continue;
        hit.score += bonus + 0.5;
        hit.words.push(...base);
        if (best.hit.score >= hit.score) continue;
        best = { hit, code: p.code, type: p.type, subjectIsTarget: p.subjectIsTarget === true, absorbs: p.negation === true, label: `${name} ${p.text}` };
      }
    }
  }
  if (!best || !best.code || !best.type) return null;
  return {
    type: best.type as PloverType,
    code: best.code,
    words: [...new Set(best.hit.words)].sort((a, b) => a - b),
    verb: v,
    targetMarker: best.hit.targetMarker,
    subjectIsTarget: best.subjectIsTarget,
    absorbsNegation: best.absorbs,
    label: best.label,
  };
}

/** Every CAMEO match of a parsed sentence: at most one per VERB word, left to right. */
export function matchCameo(tree: SyntaxTree, lex: CompiledCameo = defaultCameo()): CameoMatch[] {
  const out: CameoMatch[] = [];
  for (const w of tree.words) {
    if (w.upos !== 'VERB') continue;
    const m = matchVerb(tree, w.i, lex);
    if (m) out.push(m);
  }
  return out;
}
