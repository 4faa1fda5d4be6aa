/**
 * Who said a quote. With a parse (`attributionByTree`): the subject of the speech verb whose clause holds the
 * quote — the verb the quote's words are the ccomp, parataxis or object of ("X said “…”", "“…,” X said"), or
 * "according to X" in the quote's sentence. Without one, or where no speech verb is linked to the quote in the
 * tree, the token rules: the attribution after it ("…,” he said / “…,” said X / “…,” X told reporters / “…,”
 * according to X) or before it in the same sentence ("X said: “…”", "X said the ties were “…”"), the speaker
 * being the noun phrase before (or after an inverted) speech verb.
 */
import type { Doc, Token } from '../../nlp/doc.js';
import type { Span } from '../../model/types.js';
import { relIs, sentenceTree, type SubjectHit, type SyntaxTree } from '../../nlp/syntax/tree.js';
import { nounPhraseLeft, nounPhraseRight, quotedAsSaying, subjectBefore, type SpeakerPhrase } from './phrase.js';
import { ALWAYS_VERB, SPEECH_FORMS } from './verbs.js';

export interface Attribution {
  phrase: SpeakerPhrase;
  /** The speech verb token (or "according" for "according to X"). */
  verb: Token;
  /** Tokens between the quote mark and the verb: short quotes need their verb right next to them. */
  distance: number;
  /** The tree puts the content inside the clause the speech verb heads (its complement, object or adverbial). */
  governs?: boolean;
  /** …but only through an oblique or a modifier ("says on “The Harbour Page”"), not as what was said. */
  oblique?: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', ';']);
const QUOTE_MARK = /^["'\u201c\u201d\u201e\u201a\u2018\u2019\u00ab\u00bb\u2039\u203a]+$/;
/** Punctuation, quote marks included (the tagger reads « » as X). */
const isPunct = (t: Token): boolean => t.pos === 'PUNCT' || QUOTE_MARK.test(t.text);
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);

/** The base of a speech verb at token `i`, or null: a noun reading ("claims", "notes") or a passive does not count. */
export function speechVerbAt(doc: Doc, i: number): string | null {
  const t = doc.tokens[i];
  if (!t) return null;
  const base = SPEECH_FORMS.get(t.lower);
  if (!base) return null;
  // "The ministry notes, “…”": a form the tagger read as a noun is the verb when a comma or colon and a quote
  // mark follow it.
  const framesQuote = t.lower.endsWith('s') && /^[,:]$/.test(doc.tokens[i + 1]?.lower ?? '') && QUOTE_MARK.test(doc.tokens[i + 2]?.text ?? '');
  if (t.pos !== 'VERB' && t.pos !== 'ADJ' && !ALWAYS_VERB.has(t.lower) && !framesQuote) return null;
  // A verb with a particle speaks only with it ("pointed out", "weighed in").
  const particle = base.split(' ')[1];
  if (particle && doc.tokens[i + 1]?.lower.replace(/\.$/, '') !== particle) return null;
  // A participle ("…, saying", "whilst promising") has its subject elsewhere in the sentence.
  if (t.lower.endsWith('ing')) return null;
  const before = doc.tokens[i - 1];
  if (before && BE_FORMS.has(before.lower)) return null;
  return base;
}

/** True when tokens `i`, `i+1` are "according to". */
export function isAccordingTo(doc: Doc, i: number): boolean {
  return doc.tokens[i]?.lower === 'according' && doc.tokens[i + 1]?.lower === 'to';
}

/** The attribution right after a quote's closing mark, up to the end of the clause or the next quote. */
export function attributionAfter(doc: Doc, quote: Span & { close: number }, regionEnd: number): Attribution | null {
  const tokens = doc.tokens;
  let i = doc.tokenIndexAt(quote.close + 1);
  // Skip the punctuation around the closing mark (“…,” / “…”, / ” —).
  while (i < tokens.length && tokens[i]!.start < regionEnd && isPunct(tokens[i]!) && !SENTENCE_END.has(tokens[i]!.lower)) i++;
  const first = i;
  // The “History” section of the site explains: a quote a common noun follows with no punctuation between modifies
  // that noun; it is not an utterance whose attribution follows.
  const noun = tokens[first];
  const endsInPunctuation = /[.,!?…;:]$/.test(doc.text.slice(quote.start, quote.end));
  // "said X" / "added KCNA" / "it added". Right after the quote and before a name or an article, a speech form is
  // the verb however the tagger read it ("“…,” comments Johnston", "writes the Associated Press").
  const invertedForm = !!noun && SPEECH_FORMS.has(noun.lower) && !noun.lower.endsWith('ing') && (tokens[first + 1]?.pos === 'PROPN' || tokens[first + 1]?.pos === 'DET');
  // ("“We got her!” officers announced": words that end in punctuation are an utterance.)
  if (first === doc.tokenIndexAt(quote.close + 1) && noun && noun.pos === 'NOUN' && noun.text === noun.lower && !invertedForm && !endsInPunctuation) return null;
  // “… it could be me.” The next sentence: a quote that ends its sentence with a full stop takes an attribution
  // after it only when the next word is lower case ("he said") or a speech verb ("said X").
  const ended = /\.["'\u201d\u2019\u00bb]*$/.test(doc.text.slice(quote.start, quote.close + 1).trimEnd());
  const next = tokens[first];
  if (ended && next && /^\p{Lu}/u.test(next.text) && !speechVerbAt(doc, first)) return null;
  let limit = first;
  // Long enough for a subject with its apposition ("X, a senior fellow at the Y Center, wrote").
  while (limit < tokens.length && tokens[limit]!.start < regionEnd && !SENTENCE_END.has(tokens[limit]!.lower) && limit - first < 24) limit++;
  if (first >= limit) return null;
  if (isAccordingTo(doc, first)) {
    const phrase = nounPhraseRight(doc, first + 2, limit);
    return phrase ? { phrase, verb: tokens[first]!, distance: 0 } : null;
  }
  if (speechVerbAt(doc, first) || invertedForm) {
    const phrase = nounPhraseRight(doc, first + 1, limit);
    return phrase ? { phrase, verb: tokens[first]!, distance: 0 } : null;
  }
  for (let v = first + 1; v < limit; v++) {
    // “…,” Marko Petrovic was quoted as saying.
    const quoted = quotedAsSaying(doc, v, first);
    if (quoted) return quoted.start === tokens[first]!.start ? { phrase: quoted, verb: tokens[v]!, distance: 0 } : null;
    if (!speechVerbAt(doc, v)) continue;
    // The subject may carry a parenthetical ("one protester, who gave only his first name, told AFP").
    const phrase = subjectBefore(doc, v, first);
    // The subject must start right after the quote: otherwise the verb belongs to another clause.
    if (phrase && phrase.start === tokens[first]!.start) return { phrase, verb: tokens[v]!, distance: 0 };
    return null;
  }
  return null;
}

/** The attribution before a quote's opening mark in the same sentence: the nearest speech verb with a subject. */
export function attributionBefore(doc: Doc, quote: Span & { open: number }, regionStart: number): Attribution | null {
  const tokens = doc.tokens;
  const openTok = doc.tokenIndexAt(quote.open) - 1;
  let floor = openTok;
  while (floor >= 0 && tokens[floor]!.start >= regionStart && !SENTENCE_END.has(tokens[floor]!.lower) && openTok - floor < 40) floor--;
  floor++;
  for (let v = openTok; v >= floor; v--) {
    if (isAccordingTo(doc, v)) {
      const phrase = nounPhraseRight(doc, v + 2, openTok + 1);
      if (phrase) return { phrase, verb: tokens[v]!, distance: openTok - v };
      continue;
    }
    const quoted = quotedAsSaying(doc, v, floor);
    if (quoted) return { phrase: quoted, verb: tokens[v]!, distance: openTok - v };
    if (!speechVerbAt(doc, v)) continue;
    const phrase = subjectBefore(doc, v, floor);
    if (phrase) return { phrase, verb: tokens[v]!, distance: openTok - v };
    // "…, saying: “…”": a participle with its subject far away; the verb is right but the speaker unknown.
    return null;
  }
  return null;
}

/** Relations by which a speech verb holds what was said. */
const CONTENT_RELS = new Set(['ccomp', 'parataxis', 'obj', 'xcomp', 'dep', 'advcl', 'csubj']);
/** Relations of a verb's dependents that never hold what it reports. */
const NOT_CONTENT = new Set(['punct', 'aux', 'cop', 'mark', 'cc', 'det', 'case', 'expl', 'discourse', 'vocative', 'reparandum', 'goeswith', 'orphan']);
/** Relations by which a speech verb hangs from the quote it attributes ("“…,” he said": said is a parataxis of it). */
const ATTACHED_RELS = new Set(['parataxis', 'ccomp', 'dep', 'advcl', 'conj', 'acl:relcl']);
/** Relations that end a speaker's phrase: a relative clause or a participle after the name is not part of it. */
const CLAUSAL = new Set(['acl', 'acl:relcl', 'advcl', 'parataxis', 'ccomp', 'conj', 'cc']);

/**
 * The attribution of the words in `content` (a quote without its marks, or a reported clause) read off the tree of
 * the sentences it lies in: the speech verb (outside the content) that holds the content or hangs from it, the one
 * nearest the content in the tree, and its subject (inherited through a coordination or a participle: "…, adding
 * “…”"); or the nominal of "according to X" in the same clause. Null when the tree links no speech verb to the
 * content, or the verb has no subject: the token rules decide then.
 */
export function attributionByTree(doc: Doc, content: Span): Attribution | null {
  if (content.end <= content.start || !doc.sentences.length) return null;
  const first = doc.sentenceIndexAt(content.start);
  const last = doc.sentenceIndexAt(Math.max(content.start, content.end - 1));
  let best: { attribution: Attribution; depth: number } | null = null;
  for (let si = first; si <= last; si++) {
    const tree = sentenceTree(doc, si);
    if (!tree) continue;
    const inside = (w: number) => tree.word(w).start >= content.start && tree.word(w).end <= content.end;
    const quoted = tree.words.filter((w) => inside(w.i)).map((w) => w.i);
    if (!quoted.length) continue;
    for (const w of tree.words) {
      if (inside(w.i)) continue;
      const found = w.text.toLowerCase() === 'according' ? accordingByTree(doc, tree, w.i, inside) : speechByTree(doc, tree, w.i, inside, quoted);
      if (!found || !saneSpeaker(doc, found, content)) continue;
      const depth = tree.depth(w.i);
      if (!best || depth > best.depth) best = { attribution: { ...found, distance: distanceTo(doc, content, found.verb) }, depth };
    }
  }
  return best?.attribution ?? null;
}

/** The subject of a speech verb; for a participle in a reported clause, the subject of the nearest speech verb above. */
function reporterSubject(tree: SyntaxTree, v: number, depth = 0): SubjectHit | null {
  const subject = tree.subjectOf(v);
  if (subject?.via !== 'adverbial' || depth > 4) return subject;
  const h = tree.word(v).head;
  for (let g = h >= 0 ? tree.word(h).head : -1, steps = 0; g >= 0 && steps < 6; g = tree.word(g).head, steps++) {
    if (tree.word(g).upos === 'VERB' && SPEECH_FORMS.has(tree.lower(g))) return reporterSubject(tree, g, depth + 1) ?? subject;
  }
  return subject;
}

/** The verb at `v` stands right before the quote's first word, a colon or comma and the mark between. */
function introduces(doc: Doc, tree: SyntaxTree, v: number, quoted: number[]): boolean {
  const q = Math.min(...quoted);
  return q > v && q - v <= 3 && tree.words.slice(v + 1, q).every((w) => w.upos === 'PUNCT' || QUOTE_MARK.test(w.text));
}

/** A longest speaker phrase: longer ones come from a misparse. */
const MAX_SPEAKER_TOKENS = 16;

/** A parse is never perfect: a speaker phrase that overlaps the content or the verb, or runs on, is a misparse. */
function saneSpeaker(doc: Doc, found: Omit<Attribution, 'distance'>, content: Span): boolean {
  const { phrase, verb } = found;
  if (phrase.start < content.end && content.start < phrase.end) return false;
  if (phrase.start < verb.end && verb.start < phrase.end) return false;
  return doc.tokenIndexAt(phrase.end - 1) - doc.tokenIndexAt(phrase.start) < MAX_SPEAKER_TOKENS;
}

function speechByTree(doc: Doc, tree: SyntaxTree, v: number, inside: (w: number) => boolean, quoted: number[]): Omit<Attribution, 'distance'> | null {
  const w = tree.word(v);
  if (w.upos !== 'VERB' || !SPEECH_FORMS.has(tree.lower(v))) return null;
  // A verb with a particle speaks only with it ("pointed out", not "pointed to the table").
  const particle = SPEECH_FORMS.get(tree.lower(v))!.split(' ')[1];
  if (particle && !tree.children(v).some((c) => tree.lower(c) === particle)) return null;
  let subject = tree.subjectOf(v);
  // "X said Y had done “…”, urging it to …": a participle after the reported clause reports for the reporter.
  // The participle hangs somewhere in the reported clause: the nearest speech verb above it is the reporter.
  if (subject?.via === 'adverbial') subject = reporterSubject(tree, v) ?? subject;
  const h = w.head;
  // "the agency quoted X as saying …": the one quoted speaks.
  if (h >= 0 && tree.lower(h) === 'quoted' && tree.lower(v) === 'saying') {
    const object = tree.dependent(h, 'obj');
    if (object >= 0) subject = { word: object, passive: false, via: 'own' };
  }
  // "which the government says …": a relative pronoun parsed as a second subject is the object; the noun is the subject.
  if (subject?.via === 'relative') {
    const noun = tree.dependents(v, 'nsubj').find((c) => tree.word(c).upos === 'NOUN' || tree.word(c).upos === 'PROPN');
    if (noun !== undefined) subject = { word: noun, passive: false, via: 'own' };
  }
  // "WASHINGTON — NASA announced": of two subjects the parser gave the verb (a dateline, a misparse), the one
  // nearest before it speaks.
  if (subject?.via === 'own') {
    const before = tree.children(v).filter((c) => c < v && tree.word(c).rel === 'nsubj' && !inside(c));
    const nearest = before.length ? Math.max(...before) : -1;
    // Only across punctuation and names: "a letter seen by Sky News says" has one subject, misparsed twice.
    const between = tree.words.slice(subject.word + 1, nearest);
    if (nearest > subject.word && !between.some((w) => w.upos === 'VERB' || w.upos === 'AUX' || w.upos === 'ADP')) subject = { ...subject, word: nearest };
  }
  if (!subject || subject.passive || inside(subject.word)) return null;
  // A subject that hangs from a word of the quote is the quoted clause's own subject, not the speaker.
  const sh = tree.word(subject.word).head;
  if (sh >= 0 && inside(sh)) return null;
  // A quote the parser made a second subject of the verb ("“…,” the leader said" with two nsubj) is its content.
  // Any dependent but the subject may hold it: the parser often hangs "that …" from a time word ("stressed last
  // week that “…”") or a clause from an oblique.
  const holders = tree.children(v).filter((c) => c !== subject.word && !NOT_CONTENT.has(tree.word(c).rel.split(':')[0]!) && quoted.some((q) => tree.dominates(c, q)));
  const holds = holders.length > 0;
  const oblique = holds && !holders.some((c) => CONTENT_RELS.has(tree.word(c).rel) || relIs(tree.word(c).rel, 'nsubj'));
  // "“…,” he said" hangs from the quote; a participle hanging from it ("…, saying …") reports something else.
  const hangs = w.head >= 0 && inside(w.head) && ATTACHED_RELS.has(w.rel) && !(w.rel === 'advcl' && w.xpos === 'VBG');
  // "The port was “calm”, the authority added": the verb hangs from the clause that holds the quote.
  const frames = w.rel === 'parataxis' && w.head >= 0 && quoted.some((q) => tree.dominates(w.head, q) && !tree.dominates(v, q));
  if (!holds && !hangs && !frames) return null;
  // "continue" speaks only as an attribution ("“…,” he continued", "She continued: “…”"); otherwise things just
  // continue ("health checks will continue").
  if (SPEECH_FORMS.get(tree.lower(v)) === 'continue' && !hangs && !introduces(doc, tree, v, quoted)) return null;
  return { phrase: subjectPhrase(doc, tree, subject.word, v), verb: doc.tokens[w.token]!, governs: ((holds && !throughNounClause(tree, v, quoted)) || frames || (hangs && w.rel === 'parataxis')), oblique: oblique && !hangs && !frames };
}

const RUN_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const BETWEEN_SUBJECT_AND_VERB = new Set(['ADV', 'AUX', 'PART']);

/**
 * The phrase of the subject `s` of the verb `v`. English noun phrases end in their head, so a subject that nominal
 * words follow right up to the verb ("the NATO secretary general said", misparsed with NATO as the subject and
 * "secretary general" as adjectives) is a modifier: the phrase is the whole noun run, read by the token rules, its
 * head the run's last word.
 */
function subjectPhrase(doc: Doc, tree: SyntaxTree, s: number, v: number): SpeakerPhrase {
  if (s < v && tree.word(s).upos !== 'PRON') {
    let end = s;
    while (end + 1 < v && RUN_POS.has(tree.word(end + 1).upos) && tree.word(end + 1).start <= tree.word(end).end + 1) end++;
    let k = end + 1;
    while (k < v && BETWEEN_SUBJECT_AND_VERB.has(tree.word(k).upos)) k++;
    if (end > s && k === v) {
      const phrase = nounPhraseLeft(doc, tree.word(end).token, doc.sentences[doc.tokens[tree.word(s).token]!.sentence]!.tokenStart);
      if (phrase && phrase.start <= tree.word(s).start) return phrase;
    }
  }
  return withNameBeforeVerb(doc, tree, phraseOf(doc, tree, s), v);
}

/**
 * "Valmora's ambassador to Tarsk, Ivo Marin, said": a name between commas right before the verb is the
 * subject's apposition, however the parser hung it (often as a conjunct of the last noun).
 */
function withNameBeforeVerb(doc: Doc, tree: SyntaxTree, phrase: SpeakerPhrase, v: number): SpeakerPhrase {
  if (phrase.pronoun) return phrase;
  let k = 0;
  while (k < v && tree.word(k).start < phrase.end) k++;
  if (k >= v || tree.word(k).text !== ',') return phrase;
  let m = k + 1;
  while (m < v && tree.word(m).upos === 'PROPN' && /^\p{Lu}/u.test(tree.word(m).text)) m++;
  if (m === k + 1 || m >= v || tree.word(m).text !== ',') return phrase;
  let n = m + 1;
  while (n < v && BETWEEN_SUBJECT_AND_VERB.has(tree.word(n).upos)) n++;
  if (n !== v) return phrase;
  const name = doc.tokens[tree.word(m - 1).token]!;
  return { ...phrase, end: tree.word(m - 1).end, heads: [...phrase.heads, name] };
}

/**
 * Whether the way down from the verb to the quote passes a noun's clause ("said he would discuss Moscow's claims
 * that “mercenaries” were sent"): then the quoted word is that noun's, not the verb subject's.
 */
function throughNounClause(tree: SyntaxTree, v: number, quoted: number[]): boolean {
  const q = quoted.find((k) => tree.dominates(v, k));
  if (q === undefined) return false;
  for (let k = q, steps = 0; k >= 0 && k !== v && steps <= tree.words.length; k = tree.word(k).head, steps++) {
    const h = tree.word(k).head;
    if (h < 0 || h === v) break;
    const rel = tree.word(k).rel;
    // The verb's own object's clause is the verb's ("accused X of running “…”", often parsed as X's acl).
    if ((relIs(rel, 'acl') || rel === 'ccomp') && (tree.word(h).upos === 'NOUN' || tree.word(h).upos === 'PROPN') && tree.word(h).head !== v) return true;
  }
  return false;
}

/** "according to X": the word "according" marks X, whose clause must hold the content (or X be outside a quote). */
function accordingByTree(doc: Doc, tree: SyntaxTree, a: number, inside: (w: number) => boolean): Omit<Attribution, 'distance'> | null {
  const x = tree.word(a).head;
  if (x < 0 || inside(x) || tree.word(x).upos === 'VERB') return null;
  const clause = tree.word(x).head;
  if (clause >= 0 && !inside(clause) && !tree.children(clause).some(inside)) return null;
  return { phrase: phraseOf(doc, tree, x), verb: doc.tokens[tree.word(a).token]! };
}

/**
 * The speaker's phrase from its head word: the head's subtree up to a clause inside it, trimmed of punctuation;
 * its heads are the head word and a name in apposition ("Russia's ambassador, Igor Kalabukhov").
 */
function phraseOf(doc: Doc, tree: SyntaxTree, h: number): SpeakerPhrase {
  const keep: number[] = [];
  const walk = (k: number) => {
    keep.push(k);
    for (const c of tree.children(k)) {
      // "according to X": the head's own preposition is not part of the name.
      if (CLAUSAL.has(tree.word(c).rel) || (k === h && tree.word(c).rel === 'case' && c < h)) continue;
      walk(c);
    }
  };
  walk(h);
  keep.sort((a, b) => a - b);
  // Only the contiguous run around the head: a stray attachment far away is not part of the phrase.
  let from = keep.indexOf(h);
  let to = from;
  while (from > 0 && keep[from - 1] === keep[from]! - 1) from--;
  while (to + 1 < keep.length && keep[to + 1] === keep[to]! + 1) to++;
  let run = keep.slice(from, to + 1);
  // "Dzaferovic, for his part, said": an aside that a comma and a preposition open after the head is not the name.
  const aside = run.findIndex((k, n) => k > h && tree.word(k).text === ',' && tree.word(run[n + 1] ?? -1)?.upos === 'ADP');
  if (aside > 0) run = run.slice(0, aside);
  while (run.length > 1 && tree.word(run[0]!).upos === 'PUNCT') run = run.slice(1);
  while (run.length > 1 && tree.word(run[run.length - 1]!).upos === 'PUNCT') run = run.slice(0, -1);
  // The rest of a name ("Mr" + flat "Swierczynski") and a name in apposition can be what a mention covers.
  // A name after a comma is in apposition even where the parser made it a modifier ("fighters, the Popular Resistance").
  const afterComma = (a: number) => a > h && tree.words.slice(h + 1, a).some((x) => x.text === ',') && tree.caseOf(a) === null;
  const headWords = [
    h,
    ...tree.dependents(h, 'flat'),
    ...tree.dependents(h, 'appos', 'nmod').filter((a) => nameLike(tree, a) && run.includes(a) && (relIs(tree.word(a).rel, 'appos') || afterComma(a))),
  ];
  const heads = [...new Set(headWords.map((k) => tree.word(k).token))].map((t) => doc.tokens[t]!);
  const head = tree.word(h);
  return {
    start: tree.word(run[0]!).start,
    end: tree.word(run[run.length - 1]!).end,
    heads,
    pronoun: head.upos === 'PRON',
  };
}

/** A name: a proper noun, or a capitalised noun inside the sentence (the tagger reads "the Popular Resistance" as nouns). */
function nameLike(tree: SyntaxTree, a: number): boolean {
  const w = tree.word(a);
  return w.upos === 'PROPN' || (w.upos === 'NOUN' && a > 0 && /^\p{Lu}/u.test(w.text));
}

/** Tokens between the content and the verb: 0 when the verb's attribution follows the content. */
function distanceTo(doc: Doc, content: Span, verb: Token): number {
  if (verb.start >= content.end) return 0;
  return Math.max(0, doc.tokenIndexAt(content.start) - verb.i - 2);
}
