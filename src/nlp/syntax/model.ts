/**
 * The shipped syntax model: averaged-perceptron tagger, arc-hybrid parser and relation labeller, trained by
 * `npm run train` (train/syntax.ts) from UD English EWT and GUM's openly licensed genres. Loaded once per
 * process on first use; the loaded model is immutable, so analysing a sentence never changes it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel, inflateModel, type ModelHeader } from './model-file.js';
import { inflatedFile } from './model-cache.js';
import { featsOf, lemmaOf } from './lexicon.js';
import { labelSentence } from './labeller.js';
import { parseSentence } from './parser.js';
import { beamParse } from './beam.js';
import { coarseOfTags, parserTags } from './tagset.js';
import { TagLexicon, tagScoresAt, tagSentence, WordScoreCache, type TagConstraint, type TagDictionary } from './tagger.js';
import type { LexAtoms } from './tagger-features.js';
import type { SentenceAtoms } from './words.js';
import type { SentenceAnalysis, SyntaxModel, Upos } from './types.js';
import type { WeightTable } from './weights.js';
import { sentenceAtoms, WordAtomCache } from './words.js';

export const DEFAULT_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../../models/syntax-en.bin.gz');
const VERB_FORMS_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../../data/tagger/verb-forms.tsv');

/** The parts of speech a word of a proper name takes in EWT ("Beijing", "Court", "Orthodox", "16"). */
const NAME_UPOS: ReadonlySet<Upos> = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);

export class PerceptronSyntaxModel implements SyntaxModel {
  readonly meta: Readonly<Record<string, unknown>>;
  private readonly header: ModelHeader;
  private readonly tagger: WeightTable;
  private readonly tagger2: WeightTable;
  /** Beam width the parser was trained for (1: greedy). */
  private readonly beam: number;
  private readonly parser: WeightTable;
  private readonly labeller: WeightTable;
  private readonly upos: Upos[];
  private readonly xpos: string[];
  private readonly rootLabel: number;
  private readonly tagDict: TagDictionary;
  /** The tagger's lexicon, when the model was trained with one (`npm run train -- --lexicon`). */
  private readonly lexicon: TagLexicon | undefined;
  private readonly coarse: Uint8Array;
  /** Per tag, 1 if a word of a name may take it (see TagConstraint). */
  private readonly nameTags: Uint8Array;
  /** Per tag, 1 for a finite lexical verb (VBD, VBZ, VBP): what a verbless sentence may be given (see analyse). */
  private readonly finiteTags: Uint8Array;
  /** The joint tag of a present participle ("VERB VBG"), as a mask. */
  private readonly gerundTags: Uint8Array;
  /** Per tag, 1 for a cardinal number (CD). */
  private readonly numberTags: Uint8Array;
  /** Per tag, 1 for any finite verb or modal, lexical or auxiliary: a sentence with one has its verb. */
  private readonly anyFinite: Uint8Array;
  /**
   * Memos of what follows from a word form alone (its atoms; its own features' weights in each tagging pass).
   * They are keyed only by the form and bounded, so an analysis is the same whatever was analysed before.
   */
  private readonly atomCache = new WordAtomCache();
  private readonly wordScores1: WordScoreCache;
  private readonly wordScores2: WordScoreCache;
  /** Per raw form, the (tag id, lemma, features) triples worked out so far: the lexicon's answers, memoised. */
  private readonly lexCache = new Map<string, (number | string)[]>();

  /** From the model file's bytes, or (file null) from its bytes already inflated. */
  constructor(file: Buffer | null, name = 'syntax model', inflated?: Buffer) {
    const { header, tables } = decodeModel(file, name, inflated);
    this.header = header;
    this.meta = Object.freeze({ ...header.meta });
    this.tagger = tables.tagger;
    this.tagger2 = tables.tagger2;
    this.beam = Number(header.meta.beam ?? 1);
    this.parser = tables.parser;
    this.labeller = tables.labeller;
    this.upos = header.tags.map((t) => t.split(' ')[0] as Upos);
    this.xpos = header.tags.map((t) => t.split(' ')[1]!);
    this.rootLabel = header.labels.indexOf('root');
    this.coarse = coarseOfTags(header.tags);
    this.nameTags = Uint8Array.from(this.upos, (u) => (NAME_UPOS.has(u) ? 1 : 0));
    this.finiteTags = Uint8Array.from(header.tags, (t) => (FINITE_VERB_TAGS.has(t) ? 1 : 0));
    this.gerundTags = Uint8Array.from(header.tags, (t) => (t === 'VERB VBG' ? 1 : 0));
    this.numberTags = Uint8Array.from(this.xpos, (x) => (x === 'CD' ? 1 : 0));
    this.anyFinite = Uint8Array.from(this.xpos, (x) => (FINITE_XPOS.has(x) ? 1 : 0));
    const tagId = new Map(header.tags.map((t, i) => [t, i]));
    this.lexicon = header.tagClasses ? new TagLexicon(header.tagClasses, header.verbForms ?? {}) : undefined;
    // The dictionary carries the lexicon, so a caller that tags with the dictionary alone (bench/syntax.ts) tags
    // as analyse does.
    this.tagDict = Object.assign(new Map(Object.entries(header.tagDict).map(([w, t]) => [w, tagId.get(t)!])), { lexicon: this.lexicon });
    this.wordScores1 = new WordScoreCache(this.tagger);
    this.wordScores2 = new WordScoreCache(this.tagger2);
  }

  /** Bytes of weight tables held in memory. */
  get bytes(): number {
    return this.tagger.bytes + this.tagger2.bytes + this.parser.bytes + this.labeller.bytes;
  }

  analyse(forms: readonly string[], names?: ArrayLike<boolean>): SentenceAnalysis {
    const n = forms.length;
    const out: SentenceAnalysis = { upos: [], xpos: [], lemma: [], feats: [], head: [], rel: [] };
    if (n === 0) return out;
    const a = sentenceAtoms(forms, this.atomCache);
    let constraint = this.constraint(n, names, a.lowerText);
    const lex = this.lexicon?.atoms(a);
    let { first, joint } = this.tagPasses(a, constraint, lex);
    // The tag repairs: each binds some words to the tags they must have, and the sentence is tagged again.
    const verb = this.missingVerb(a, forms, first, joint, names, lex);
    if (verb >= 0) {
      constraint = bound(constraint, n, [[verb, this.finiteTags]]);
      ({ first, joint } = this.tagPasses(a, constraint, lex));
    }
    const bindings: [number, Uint8Array][] = [
      ...this.progressiveAfterBe(a.lowerText, joint).map((i): [number, Uint8Array] => [i, this.gerundTags]),
      ...this.verbsInClosedClass(a.lowerText, joint).map((i): [number, Uint8Array] => [i, this.finiteTags]),
    ];
    if (bindings.length) {
      constraint = bound(constraint, n, bindings);
      ({ first, joint } = this.tagPasses(a, constraint, lex));
    }
    const tags = parserTags(joint, this.coarse);
    const heads = this.beam > 1 ? beamParse(this.parser, a, tags, this.beam) : parseSentence(this.parser, a, tags);
    let labels = labelSentence(this.labeller, a, tags, heads, this.rootLabel);
    // The tree repairs: each moves arcs in place; all run, and the labeller relabels once if any moved one.
    const repaired = [
      this.promoteClauseVerb(joint, heads, labels),
      this.detachDateFromName(a.lowerText, joint, heads, labels),
      this.subjectOfCoordinatedClause(joint, heads, labels),
    ];
    if (repaired.includes(true)) labels = labelSentence(this.labeller, a, tags, heads, this.rootLabel);
    for (let i = 0; i < n; i++) {
      const t = joint[i]!;
      out.upos.push(this.upos[t]!);
      out.xpos.push(this.xpos[t]!);
      this.lexical(forms[i]!, a.lowerText[i]!, t, out);
      out.head.push(heads[i] === n ? 0 : heads[i]! + 1);
      out.rel.push(this.header.labels[labels[i]!]!);
    }
    return out;
  }

  /** Both tagging passes under a constraint: the first pass's tags, then the second's read beside them. */
  private tagPasses(a: SentenceAtoms, constraint: TagConstraint | undefined, lex: LexAtoms | undefined): { first: Int32Array; joint: Int32Array } {
    const first = tagSentence(this.tagger, a, undefined, this.tagDict, this.wordScores1, constraint, lex);
    return { first, joint: tagSentence(this.tagger2, a, first, this.tagDict, this.wordScores2, constraint, lex) };
  }

  /**
   * A full sentence of prose (it ends in . ! or ?, five words or more) tagged with no finite verb has almost
   * always lost its verb to a noun reading: web text, the training data, uses "shot", "shut" or "cut" as nouns
   * more than news does ("jets shot down two drones" read as a noun phrase). Returns the word whose finite-verb
   * reading the second pass found least unlikely, when that reading is within VERB_REPAIR_MARGIN of the tag it
   * chose, so the sentence can be tagged again with that word bound to a finite verb; -1 when nothing is missing.
   * Words of names and words the tag dictionary fixes are never candidates.
   */
  private missingVerb(a: SentenceAtoms, forms: readonly string[], first: Int32Array, joint: Int32Array,
    names: ArrayLike<boolean> | undefined, lex: LexAtoms | undefined): number {
    const n = forms.length;
    if (n < 5 || !/^[.!?]$/.test(forms[n - 1]!)) return -1;
    for (let i = 0; i < n; i++) if (this.anyFinite[joint[i]!]) return -1;
    let best = -1;
    let bestMargin = Infinity;
    const scores = new Float32Array(this.header.tags.length);
    let subjectBefore = false;
    for (let i = 0; i < n; i++) {
      const candidate = subjectBefore && !names?.[i] && /^[a-z]+$/.test(forms[i]!) && !this.tagDict.has(a.lowerText[i]!)
        && mayBeVerb(a.lowerText[i]!);
      // A capitalised first word is a name whatever its tag: web-trained tags often miss unknown names there.
      subjectBefore ||= NOMINAL_UPOS.has(this.upos[joint[i]!]!) || (i === 0 && /^[A-Z]/.test(forms[0]!));
      if (!candidate) continue;
      tagScoresAt(this.tagger2, a, i, joint, scores, first, this.wordScores2, lex);
      let verbScore = -Infinity;
      for (let t = 0; t < scores.length; t++) if (this.finiteTags[t] && scores[t]! > verbScore) verbScore = scores[t]!;
      const margin = scores[joint[i]!]! - verbScore;
      // A participle with no auxiliary before it ("drones crossed into …" read as "drones that were crossed")
      // is the commonest way a clause loses its verb, and is allowed a wider margin.
      const bare = this.xpos[joint[i]!] === 'VBN' && !AUXILIARY_FORMS.has(a.lowerText[i - 1] ?? '');
      // A word the tag dictionary does not know cannot belong to a closed class ("accuse" read as a preposition
      // after a long apposition): any verb reading beats that one.
      const closed = CLOSED_UPOS.has(this.upos[joint[i]!]!);
      const limit = closed ? Infinity : bare ? PARTICIPLE_REPAIR_MARGIN : VERB_REPAIR_MARGIN;
      if (margin < limit && margin < bestMargin) {
        bestMargin = margin;
        best = i;
      }
    }
    return best;
  }

  /**
   * "On Monday Valmora will send troops": with no comma after a fronted date, the parser may read the day as part
   * of the name after it ("Monday Valmora", a compound) and the name as the date's oblique, leaving the verb
   * without a subject. A weekday or month is never a compound of a name that follows it: the preposition goes
   * back to the day, the day hangs from the name's head as the oblique it is, and the labeller relabels the name.
   * Returns whether the tree changed.
   */
  private detachDateFromName(lower: readonly string[], joint: Int32Array, heads: Int32Array, labels: Int32Array): boolean {
    let changed = false;
    for (let i = 0; i + 1 < heads.length; i++) {
      const j = heads[i]!;
      if (!CALENDAR_NAMES.has(lower[i]!) || j !== i + 1 || this.header.labels[labels[i]!] !== 'compound') continue;
      if (this.upos[joint[j]!] !== 'PROPN' || CALENDAR_NAMES.has(lower[j]!) || heads[j] === heads.length) continue;
      // The preposition before the day ("On Monday"), which the parser hung on the name.
      const c = i - 1;
      if (c < 0 || heads[c] !== j || this.upos[joint[c]!] !== 'ADP') continue;
      heads[c] = i;
      heads[i] = heads[j]!;
      changed = true;
    }
    return changed;
  }

  /**
   * "He kept close ties to Tarsk, and Valmora has not joined the sanctions": the parser may coordinate the second
   * clause's subject with the first clause's object ("Tarsk, and Valmora") and the second verb with the first,
   * leaving that verb with neither subject nor conjunction of its own. Where a finite verb coordinated so has no
   * subject and no "and", and a coordinated noun with its "and" ends right before the verb's own auxiliaries and
   * adverbs, the noun and its "and" belong to the verb. Returns whether the tree changed.
   */
  private subjectOfCoordinatedClause(joint: Int32Array, heads: Int32Array, labels: Int32Array): boolean {
    const n = heads.length;
    const label = (i: number) => this.header.labels[labels[i]!]!;
    let changed = false;
    for (let v = 1; v < n; v++) {
      if (label(v) !== 'conj' || !FINITE_XPOS.has(this.xpos[joint[v]!]!) && !this.hasAuxiliary(joint, heads, v)) continue;
      if (this.upos[joint[v]!] !== 'VERB') continue;
      let own = false;
      for (let k = 0; k < n; k++) if (heads[k] === v && (/^(nsubj|expl|cc)/.test(label(k)))) own = true;
      if (own) continue;
      // The words right before the verb that are its own (auxiliaries, "not", punctuation), then the noun's phrase.
      let k = v - 1;
      while (k >= 0 && heads[k] === v) k--;
      if (k < 0) continue;
      // The nearest coordinated noun before them, with nothing verbal in between (an apposition between dashes
      // may hang anywhere: "and Valmora - a candidate for membership - has not joined").
      let noun = k;
      while (noun >= 0 && !(label(noun) === 'conj' && NOMINAL_UPOS.has(this.upos[joint[noun]!]!))) {
        if (VERBAL_UPOS.has(this.upos[joint[noun]!]!)) noun = -1;
        else noun--;
      }
      if (noun < 0) continue;
      const cc = heads.findIndex((h, i) => h === noun && i < noun && label(i) === 'cc');
      if (cc < 0 || heads[noun] === v) continue;
      heads[noun] = v;
      heads[cc] = v;
      changed = true;
    }
    return changed;
  }

  /** Whether word `v` has an auxiliary among its dependents ("has not joined"). */
  private hasAuxiliary(joint: Int32Array, heads: Int32Array, v: number): boolean {
    for (let k = 0; k < v; k++) if (heads[k] === v && this.upos[joint[k]!] === 'AUX') return true;
    return false;
  }

  /**
   * A form of an event verb the tag dictionary does not know, tagged as a conjunction, determiner or pronoun
   * ("Monks of the church, its main faith, accuse the government" had "accuse" as a subordinator): those classes
   * are closed and their members frequent, so the dictionary would know it. Such words are tagged again as verbs.
   * (Prepositions and particles are left alone: "back", "down" are both.)
   */
  private verbsInClosedClass(lower: readonly string[], joint: Int32Array): number[] {
    const out: number[] = [];
    for (let i = 0; i < lower.length; i++) {
      if (!UNVERBAL_CLOSED_UPOS.has(this.upos[joint[i]!]!) || this.tagDict.has(lower[i]!) || !verbForms().finite.has(lower[i]!)) continue;
      out.push(i);
    }
    return out;
  }

  /**
   * "Valmora is imposing sanctions": an event verb's "-ing" form right after a form of "be" and before the start of
   * a noun phrase is the progressive, not an adjective ("imposing", "threatening" are adjectives too, and web text
   * uses them so: "an imposing building" has its determiner before it). Returns the words tagged as adjectives
   * there, for the tagger to tag again as participles.
   */
  private progressiveAfterBe(lower: readonly string[], joint: Int32Array): number[] {
    const out: number[] = [];
    for (let i = 1; i + 1 < lower.length; i++) {
      if (this.xpos[joint[i]!] !== 'JJ' || !verbForms().gerunds.has(lower[i]!)) continue;
      // "is also imposing", "are now sending": adverbs may stand between.
      let b = i - 1;
      while (b > 0 && b >= i - 2 && this.xpos[joint[b]!] === 'RB') b--;
      if (BE_FORMS.has(lower[b]!) && OBJECT_START_XPOS.has(this.xpos[joint[i + 1]!]!)) out.push(i);
    }
    return out;
  }

  /**
   * "Twelve drones crossed into Valmora." parsed as a noun phrase whose noun is the root and whose finite verb
   * hangs from it as a participle: when the root is a noun and the sentence's only finite verb is its clausal
   * modifier after it, with no subject, subordinator, relative word or auxiliary of its own, the verb becomes the
   * root, the noun its subject, and the noun's dependents after the verb the verb's. (Letting the verb hang
   * anywhere below the noun cost 0.3 UAS on EWT test: fragments of web text.) Then the labeller labels the new tree. Returns
   * whether the tree changed. (Heads are 0-based, `n` for the root, as the parser returns them.)
   */
  private promoteClauseVerb(joint: Int32Array, heads: Int32Array, labels: Int32Array): boolean {
    const n = heads.length;
    const root = heads.indexOf(n);
    if (root < 0 || !NOMINAL_UPOS.has(this.upos[joint[root]!]!)) return false;
    // The finite verbs with a clause of their own (a subject, a subordinator, a relative word or an auxiliary)
    // are where they belong; of the others there must be exactly one.
    const bare = (v: number): boolean => {
      for (let i = 0; i < n; i++) {
        if (heads[i] !== v) continue;
        const x = this.xpos[joint[i]!]!;
        const rel = this.header.labels[labels[i]!]!;
        if (x === 'WDT' || x === 'WP' || x === 'WP$' || x === 'WRB' || x === 'MD' || this.upos[joint[i]!] === 'AUX') return false;
        if (rel.startsWith('nsubj') || rel === 'mark' || rel.startsWith('expl')) return false;
      }
      return true;
    };
    let verb = -1;
    for (let i = 0; i < n; i++) {
      if (!FINITE_XPOS.has(this.xpos[joint[i]!]!) || this.xpos[joint[i]!] === 'VB') continue;
      const rel = this.header.labels[labels[i]!]!;
      // A relative clause with neither a subject nor a relative word cannot be one ("the Valmoran church, its
      // main faith, accuse …"): wherever it hangs in the noun phrase, it is the sentence's verb.
      const lostRelative = rel === 'acl:relcl' && nominalChain(heads, joint, this.upos, i, root);
      if (!bare(i)) continue;
      if (verb >= 0 || i < root) return false;
      if (!rel.startsWith('acl') || (heads[i] !== root && !lostRelative)) return false;
      verb = i;
    }
    if (verb < 0) return false;
    heads[verb] = n;
    heads[root] = verb;
    for (let i = verb + 1; i < n; i++) if (heads[i] === root) heads[i] = verb;
    return true;
  }

  /**
   * Per word, the tags it may take: a word of a name, a name's tags (see TagConstraint); a number word ("Twelve
   * drones", opening a sentence, was read as a verb), a numeral's.
   */
  private constraint(n: number, names: ArrayLike<boolean> | undefined, lower: readonly string[]): TagConstraint | undefined {
    let masks: (Uint8Array | undefined)[] | undefined;
    for (let i = 0; i < n; i++) {
      const mask = names?.[i] ? this.nameTags : NUMBER_WORDS.has(lower[i]!) ? this.numberTags : undefined;
      if (mask === undefined) continue;
      masks ??= new Array<Uint8Array | undefined>(n).fill(undefined);
      masks[i] = mask;
    }
    return masks ? { masks } : undefined;
  }

  /** Pushes the lemma and features of a form under tag `t`: lemmaOf and featsOf, memoised per form and tag. */
  private lexical(form: string, lower: string, t: number, out: SentenceAnalysis): void {
    let seen = this.lexCache.get(form);
    if (seen === undefined) {
      if (this.lexCache.size >= 20_000) this.lexCache.clear();
      seen = [];
      this.lexCache.set(form, seen);
    }
    for (let j = 0; j < seen.length; j += 3) {
      if (seen[j] === t) {
        out.lemma.push(seen[j + 1] as string);
        out.feats.push(seen[j + 2] as string);
        return;
      }
    }
    const lex = this.header.lexicon;
    const lemma = restoredE(lemmaOf(lex, form, lower, this.xpos[t]!), this.xpos[t]!);
    const feats = featsOf(lex, lower, this.header.tags[t]!);
    seen.push(t, lemma, feats);
    out.lemma.push(lemma);
    out.feats.push(feats);
  }
}

/** Finite lexical verb tags a verbless sentence may be given. */
const FINITE_VERB_TAGS = new Set(['VERB VBD', 'VERB VBZ', 'VERB VBP']);
const FINITE_XPOS = new Set(['VBD', 'VBZ', 'VBP', 'MD', 'VB']);
/** How far below the chosen tag a finite-verb reading may score and still be taken (EWT dev and GUM's open genres: wider, it starts turning fragments and captions into clauses). */
const VERB_REPAIR_MARGIN = 32;
/** The same for a bare past participle (VBN with no auxiliary right before it). */
const PARTICIPLE_REPAIR_MARGIN = 64;
const AUXILIARY_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'has', 'have', 'had', "'ve", 'get', 'got', 'gets']);

/**
 * Cardinal number words, which are never anything else ("one" is: "one of them", "the one"; so are the plurals:
 * "hundreds of people").
 */
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORDS = new Set([
  ...UNITS.slice(1), 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen',
  'nineteen', ...TENS, ...TENS.flatMap((t) => UNITS.map((u) => `${t}-${u}`)),
]);

/**
 * Whether the path from word `i`'s head up to `root` runs only through nouns and names (0-based heads, `n` for
 * the root): the verb sits inside the root's noun phrase, not inside a clause of its own.
 */
function nominalChain(heads: Int32Array, joint: Int32Array, upos: readonly Upos[], i: number, root: number): boolean {
  for (let k = heads[i]!, steps = 0; steps < heads.length; k = heads[k]!, steps++) {
    if (k === root) return true;
    if (k < 0 || k >= heads.length || !NOMINAL_UPOS.has(upos[joint[k]!]!)) return false;
  }
  return false;
}

const VERBAL_UPOS = new Set<Upos>(['VERB', 'AUX', 'SCONJ']);

/** Weekdays and months, which open a fronted date ("On Monday", "In March"). */
const CALENDAR_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** `constraint` with each word of `bindings` bound to its tags (a new constraint: the old one may be shared). */
function bound(constraint: TagConstraint | undefined, n: number, bindings: readonly [number, Uint8Array][]): TagConstraint {
  const masks = constraint ? [...constraint.masks] : new Array<Uint8Array | undefined>(n).fill(undefined);
  for (const [i, mask] of bindings) masks[i] = mask;
  return { masks };
}

/** Forms of "be" before a progressive. */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re"]);
/** Tags that open a noun phrase: an object after a progressive verb. */
const OBJECT_START_XPOS = new Set(['DT', 'NN', 'NNS', 'NNP', 'NNPS', 'PRP', 'PRP$', 'CD', 'JJ']);

/** Closed classes no verb form belongs to (unlike prepositions and particles: "back", "down"). */
const UNVERBAL_CLOSED_UPOS = new Set<Upos>(['SCONJ', 'CCONJ', 'DET', 'PRON']);

/** Closed word classes: every member is frequent in the treebanks, so the tag dictionary knows it. */
const CLOSED_UPOS = new Set<Upos>(['ADP', 'SCONJ', 'CCONJ', 'DET', 'PRON', 'PART', 'AUX']);

/** Tags of words that can be a clause's subject. */
const NOMINAL_UPOS = new Set<Upos>(['NOUN', 'PROPN', 'PRON', 'NUM']);

/**
 * Whether a lower-case word may be a finite verb: a regular past form, or a form of one of the event verbs in
 * PETRARCH2's CAMEO dictionary (data/tagger/verb-forms.tsv; a base form there stands for the present too).
 */
function mayBeVerb(lower: string): boolean {
  return (lower.length > 4 && lower.endsWith('ed')) || verbForms().finite.has(lower);
}

/**
 * The CAMEO event verbs' forms (data/tagger/verb-forms.tsv), read once: `finite`, their finite and base forms;
 * `bases`, their base forms ("purge", "shelve").
 */
let cameoVerbs: { finite: Set<string>; bases: Set<string>; gerunds: Set<string> } | undefined;
function verbForms(): { finite: Set<string>; bases: Set<string>; gerunds: Set<string> } {
  if (cameoVerbs) return cameoVerbs;
  cameoVerbs = { finite: new Set(), bases: new Set(), gerunds: new Set() };
  for (const line of readFileSync(VERB_FORMS_PATH, 'utf8').split('\n')) {
    const [form, tags] = line.split('\t');
    if (!form || !tags) continue;
    if (/(^|\|)VB[DZP]?($|\|)/.test(tags)) cameoVerbs.finite.add(form);
    if (/(^|\|)VB($|\|)/.test(tags)) cameoVerbs.bases.add(form);
    if (/(^|\|)VBG($|\|)/.test(tags)) cameoVerbs.gerunds.add(form);
  }
  return cameoVerbs;
}

/**
 * The suffix rule cuts "-ed" and "-ing" off a word the treebanks never showed: "purged" → "purg". Where the cut
 * form is no event verb of the CAMEO dictionary but the form with an "e" is, the "e" is put back.
 */
function restoredE(lemma: string, xpos: string): string {
  if ((xpos !== 'VBD' && xpos !== 'VBN' && xpos !== 'VBG') || lemma.endsWith('e')) return lemma;
  const { bases } = verbForms();
  return !bases.has(lemma) && bases.has(lemma + 'e') ? lemma + 'e' : lemma;
}

let shipped: PerceptronSyntaxModel | null = null;

/** The shipped model, read on first call and shared (it is never mutated). */
export function loadSyntaxModel(): PerceptronSyntaxModel {
  if (!shipped) {
    const name = 'models/syntax-en.bin.gz';
    // Inflated once per machine, not once per process (model-cache.ts).
    shipped = new PerceptronSyntaxModel(null, name, inflatedFile(DEFAULT_MODEL_PATH, (file) => inflateModel(file, name)));
  }
  return shipped;
}
