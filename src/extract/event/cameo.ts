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
import { relIs, type Oblique, type SubjectHit, type SyntaxTree } from '../../nlp/syntax/tree.js';
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
  /** The verb's block, indexed (compileBlock). */
  compiled: CompiledBlock;
  /** The lemma and tail, for labels ("shut down"). */
  name: string;
}

/**
 * A slot's alternatives as the phrases they stand for, synonym sets expanded: `phrases` for the match itself, and
 * `last`, the phrases' last words, which the slot's head word must be (as its lower-cased form or its lemma).
 */
interface CompiledSlot {
  phrases: readonly (readonly string[])[];
  last: ReadonlySet<string>;
}

interface CompiledPattern {
  p: CameoPattern;
  object: CompiledSlot | null;
  /** Per prepositional slot (same order as p.preps), its noun slot (null when any noun will do). */
  preps: { prep: string; noun: CompiledSlot | null; target: boolean }[];
  subject: CompiledSlot | null;
}

/**
 * A block's patterns, compiled once. Three in four patterns name an object, and a verb word has one or two
 * candidate objects, so the patterns a verb may match are found by its objects' words (`byObjectWord`: last word
 * of the object slot → indices of the patterns) rather than by trying each of a block's hundred-odd patterns;
 * the patterns naming no object (`noObject`) are always tried. Both lists are in pattern order.
 */
interface CompiledBlock {
  patterns: CompiledPattern[];
  byObjectWord: Map<string, number[]>;
  noObject: number[];
}

export interface CompiledCameo {
  byLemma: Map<string, CompiledVerb[]>;
  /** Inflected form → lemmas, for a tagger lemma that is off ("shelled" lemmatised as "shelled"). */
  byForm: Map<string, string[]>;
  synsets: Map<string, string[][]>;
}

const TYPES = new Set<string>(PLOVER_TYPES);

function compileSlot(slot: NounSlot, synsets: Map<string, string[][]>): CompiledSlot {
  const phrases: (readonly string[])[] = [];
  for (const alt of slot) {
    if (alt.startsWith('&')) phrases.push(...(synsets.get(alt.slice(1)) ?? []));
    else phrases.push(alt.split(' '));
  }
  return { phrases, last: new Set(phrases.map((ph) => ph[ph.length - 1]!)) };
}

function compileBlock(patterns: readonly CameoPattern[], synsets: Map<string, string[][]>): CompiledBlock {
  const block: CompiledBlock = { patterns: [], byObjectWord: new Map(), noObject: [] };
  patterns.forEach((p, i) => {
    const object = p.object ? compileSlot(p.object, synsets) : null;
    block.patterns.push({
      p,
      object,
      preps: (p.preps ?? []).map((pp) => ({ prep: pp.prep, noun: pp.noun.length ? compileSlot(pp.noun, synsets) : null, target: pp.target })),
      subject: p.subject ? compileSlot(p.subject, synsets) : null,
    });
    if (!object) {
      block.noObject.push(i);
      return;
    }
    for (const w of object.last) {
      const list = block.byObjectWord.get(w);
      if (list) list.push(i);
      else block.byObjectWord.set(w, [i]);
    }
  });
  return block;
}

/** Compiles the derived lexicon. Throws when an entry names a type that is no PLOVER type. */
export function compileCameo(lexicon: Pick<CameoLexicon, 'verbs' | 'blocks' | 'synsets'>): CompiledCameo {
  const byLemma = new Map<string, CompiledVerb[]>();
  const byForm = new Map<string, string[]>();
  const check = (t: string | null, where: string) => {
    if (t !== null && !TYPES.has(t)) throw new Error(`cameo-lexicon: ${where}: ${t} is no PLOVER type`);
  };
  for (const [block, patterns] of Object.entries(lexicon.blocks)) for (const p of patterns) check(p.type, `${block} ${p.text}`);
  const synsets = new Map<string, string[][]>();
  for (const [name, phrases] of Object.entries(lexicon.synsets)) synsets.set(name, phrases.map((p) => p.split(' ')));
  const blocks = new Map<string, CompiledBlock>();
  const blockOf = (name: string): CompiledBlock => {
    let b = blocks.get(name);
    if (!b) blocks.set(name, (b = compileBlock(lexicon.blocks[name] ?? [], synsets)));
    return b;
  };
  for (const [lemma, entries] of Object.entries(lexicon.verbs)) {
    const list: CompiledVerb[] = [];
    for (const e of entries) {
      check(e.type, lemma);
      list.push({ ...e, compiled: blockOf(e.block), name: [lemma, ...(e.tail ?? [])].join(' ') });
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
  return { byLemma, byForm, synsets };
}

let bundled: CompiledCameo | null = null;

/** The bundled CAMEO lexicon, read once per process. */
export function defaultCameo(): CompiledCameo {
  bundled ??= compileCameo(JSON.parse(readFileSync(CAMEO_LEXICON_PATH, 'utf8')) as CameoLexicon);
  return bundled;
}

/** Whether word `w` is `word` as written (lower-cased) or as its lemma. */
function wordIs(tree: SyntaxTree, w: number, word: string): boolean {
  return word === tree.lower(w) || word === tree.lemma(w);
}

/** Whether word `w` heads one of the slot's phrases: its head is `w`, and the words before it are the phrase's. */
function slotMatches(slot: CompiledSlot, tree: SyntaxTree, w: number): boolean {
  if (!slot.last.has(tree.lower(w)) && !slot.last.has(tree.lemma(w))) return false;
  for (const phrase of slot.phrases) if (phraseEndsAt(phrase, tree, w)) return true;
  return false;
}

function phraseEndsAt(phrase: readonly string[], tree: SyntaxTree, w: number): boolean {
  const n = phrase.length;
  if (w - (n - 1) < 0) return false;
  for (let k = 0; k < n; k++) if (!wordIs(tree, w - (n - 1) + k, phrase[k]!)) return false;
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

/**
 * What the patterns of one verb word ask of the tree, each read once for all of them (a verb is tried against
 * hundreds of patterns): its particle and object candidates, the obliques of the verb and of each object, its
 * subject, negation and future auxiliary. Each is a pure function of the tree, so reading it once or per pattern
 * gives the same answer.
 */
class VerbSite {
  readonly particles: number[];
  readonly objects: number[];
  private readonly obliques = new Map<number, Oblique[]>();
  private subject: SubjectHit | null | undefined;
  private negated: boolean | undefined;
  private future: boolean | undefined;

  constructor(readonly tree: SyntaxTree, readonly v: number) {
    this.particles = particleWords(tree, v);
    this.objects = objectWords(tree, v);
  }

  obliquesOf(h: number): Oblique[] {
    let o = this.obliques.get(h);
    if (!o) this.obliques.set(h, (o = this.tree.obliquesOf(h)));
    return o;
  }

  subjectOf(): SubjectHit | null {
    if (this.subject === undefined) this.subject = this.tree.subjectOf(this.v);
    return this.subject;
  }

  isNegated(): boolean {
    return (this.negated ??= this.tree.isNegated(this.v));
  }

  hasFuture(): boolean {
    return (this.future ??= this.tree.dependents(this.v, 'aux').some((a) => this.tree.lower(a) === 'will' || this.tree.lower(a) === 'would'));
  }

  /**
   * The indices of the block's patterns this verb may match, in pattern order: those naming no object, and those
   * whose object slot ends in a word one of the verb's objects is (the others cannot match).
   */
  candidates(block: CompiledBlock): readonly number[] {
    if (block.byObjectWord.size === 0) return block.noObject;
    let lists: number[][] | null = null;
    for (const o of this.objects) {
      for (const key of [this.tree.lower(o), this.tree.lemma(o)]) {
        const list = block.byObjectWord.get(key);
        if (list) (lists ??= [block.noObject]).push(list);
      }
    }
    if (!lists) return block.noObject;
    const merged = [...new Set(lists.flat())];
    return merged.sort((a, b) => a - b);
  }
}

interface Hit {
  score: number;
  words: number[];
  targetMarker: string | null;
}

/** How a pattern matches the verb of `site`, or null. */
function matchPattern(cp: CompiledPattern, site: VerbSite): Hit | null {
  const { p } = cp;
  const { tree, v } = site;
  const words = [v];
  let score = 0;
  let targetMarker: string | null = null;
  if (p.particle) {
    const hit = site.particles.find((c) => wordIs(tree, c, p.particle!));
    if (hit === undefined) return null;
    words.push(hit);
    score += 2;
  }
  let object = -1;
  if (cp.object) {
    const slot = cp.object;
    object = site.objects.find((o) => slotMatches(slot, tree, o)) ?? -1;
    if (object < 0) return null;
    words.push(object);
    score += 2;
  }
  for (const pp of cp.preps) {
    const found = findOblique(site, v, pp) ?? (object >= 0 ? findOblique(site, object, pp) : undefined);
    if (!found) return null;
    score += pp.noun ? 2 : 1;
    if (pp.target && !targetMarker) targetMarker = pp.prep;
  }
  if (cp.subject) {
    const s = site.subjectOf();
    if (!s || !slotMatches(cp.subject, tree, s.word)) return null;
    score += 1;
  }
  if (p.negation) {
    if (!site.isNegated()) return null;
    score += 1;
  }
  if (p.future) {
    if (!site.hasFuture()) return null;
    score += 1;
  }
  return { score, words, targetMarker };
}

/** The first oblique of `host` with the slot's preposition (and noun, when it names one). */
function findOblique(site: VerbSite, host: number, pp: CompiledPattern['preps'][number]): Oblique | undefined {
  return site.obliquesOf(host).find((o) => o.marker === pp.prep && (!pp.noun || slotMatches(pp.noun, site.tree, o.word)));
}

/** Whether the multi-word verb's tail words ("down" of SHUT_DOWN, "for" of ASK_FOR) stand by the verb. */
function tailWords(tail: string[], site: VerbSite): number[] | null {
  const { tree, v } = site;
  const out: number[] = [];
  for (const t of tail) {
    const hit = site.particles.find((c) => wordIs(tree, c, t)) ?? site.objects.find((c) => wordIs(tree, c, t));
    if (hit !== undefined) {
      out.push(hit);
      continue;
    }
    // A preposition of the verb's oblique: "asked for help".
    if (site.obliquesOf(v).some((o) => o.marker === t)) continue;
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
  const lemmas = lemmasOf(tree, v, lex);
  if (!lemmas.length) return null;
  const site = new VerbSite(tree, v);
  for (const lemma of lemmas) {
    for (const entry of lex.byLemma.get(lemma) ?? []) {
      let base: number[] = [];
      let bonus = 0;
      if (entry.tail) {
        const t = tailWords(entry.tail, site);
        if (!t) continue;
        base = t;
        bonus = 2 * entry.tail.length;
      }
      const name = entry.name;
      // The bare verb, scored below every pattern.
      const bare = { hit: { score: bonus, words: [v, ...base], targetMarker: null }, code: entry.code, type: entry.type, subjectIsTarget: false, absorbs: false, label: name };
      if (!best || bare.hit.score > best.hit.score) best = bare;
      const block = entry.compiled;
      // Only the patterns that can match are tried (VerbSite.candidates), in the block's order, so the first of
      // the best-scoring ones still wins.
      for (const i of site.candidates(block)) {
        const cp = block.patterns[i]!;
        const hit = matchPattern(cp, site);
        if (!hit) continue;
        hit.score += bonus + 0.5;
        hit.words.push(...base);
        if (best.hit.score >= hit.score) continue;
        const p = cp.p;
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
