/**
 * Question-and-answer interviews. Two layouts:
 * - labelled: each turn opens with a speaker label and a colon ("EWB: …", "Giampiero Romano: …", "Q: …"); the
 *   unlabelled paragraphs after a turn continue it until the next label. A long label ("European Western Balkans")
 *   and its initials ("EWB") are the same speaker.
 * - unlabelled: an article about an interview whose paragraphs alternate between questions (ending in "?") and
 *   answers. Questions belong to the interviewer, answers to the interviewee named in the title or introduction.
 * Every turn paragraph is a direct quote.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Span } from '../../model/types.js';
import { findMarkedQuotes } from './marks.js';

export interface Turn extends Span {
  /** Where the speaker is named: the label of this turn, or the name in the title for unlabelled interviews. */
  label: Span | null;
  /** A key shared by all labels of one speaker (initials), to find a resolved label of the same speaker. */
  speakerKey: string;
  role: 'interviewer' | 'interviewee' | 'unknown';
}

export interface Paragraph extends Span {}

/** Non-empty lines, trimmed. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let s = at;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    at = end + 1;
  }
  return out;
}

// A label: up to five capitalised words (or initials), then a colon and the turn's words.
const LABEL = /^((?:[A-Z][\p{L}.'’-]*|of|and|the|de|van|von)(?: (?:[A-Z][\p{L}.'’-]*|of|and|the|de|van|von)){0,4}):[ \t]+(?=\S)/u;
const MIN_LABELLED_TURNS = 4;
const MIN_LABELLED_QUESTIONS = 2;

function labelKey(label: string): string {
  const words = label.split(/\s+/).filter((w) => /^[A-Z]/.test(w));
  if (words.length === 1) return words[0]!.replace(/\W/g, '').toUpperCase();
  return words.map((w) => w[0]).join('').toUpperCase();
}

const MAX_QUESTION_SENTENCES = 4;
const ASKS_TO_SPEAK = /^(?:(?:please|now|so),? )?(?:tell|talk|walk|take) (?:us|me|our readers)\b|^(?:please )?(?:describe|explain)\b/i;

/**
 * A question: it ends in "?", or, printed without one, opens with a question word and asks "you" something. An
 * answer that ends by quoting someone's question ("… a quote of Einstein's: “…, would it?”") asks nothing.
 */
const isQuestion = (doc: Doc, p: Span): boolean => {
  const text = doc.text.slice(p.start, p.end);
  // An interviewer asks in a sentence or three; a paragraph of five that ends in "?" is an answer's own question.
  if (/\?["”’)]*$/.test(text) && doc.sentenceIndexAt(p.end - 1) - doc.sentenceIndexAt(p.start) >= MAX_QUESTION_SENTENCES) return false;
  if (/\?[)]*$/.test(text)) return true;
  if (/\?["”’)]+$/.test(text)) return !findMarkedQuotes(text).some((q) => q.open > 0 && q.end >= text.lastIndexOf('?'));
  // "Tell us about …", "Talk us through …": a last sentence asking the interviewee to speak.
  if (ASKS_TO_SPEAK.test(doc.slice(doc.sentences[doc.sentenceIndexAt(p.end - 1)]!)) && doc.sentenceIndexAt(p.end - 1) - doc.sentenceIndexAt(p.start) < MAX_QUESTION_SENTENCES) return true;
  // "I just wanted to know if you had any thoughts on …": a question put as a wish to know.
  if (ASKS_AS_STATEMENT.test(text) && doc.sentenceIndexAt(p.end - 1) - doc.sentenceIndexAt(p.start) < 2) return true;
  return !/[.!:;"”’)]$/.test(text) && /^(?:how|what|why|when|where|who|which|do|does|did|is|are|can|could|would|will|have|has)\b/i.test(text) && /\byou(?:r)?\b/i.test(text);
};

const ASKS_AS_STATEMENT = /^(?:I|we) (?:just )?(?:wanted|want|would like|'d like|wonder(?:ed)?)(?: to (?:know|ask(?: you)?))? (?:if|whether|what|how|why|about) you\b/i;

/** The turns of a labelled Q/A interview, or null when the text is not one. */
export function labelledTurns(doc: Doc, paragraphs: readonly Paragraph[]): Turn[] | null {
  const heads: { index: number; label: Span; key: string; body: number }[] = [];
  paragraphs.forEach((p, index) => {
    const m = LABEL.exec(doc.text.slice(p.start, Math.min(p.end, p.start + 80)));
    if (!m) return;
    heads.push({ index, label: { start: p.start, end: p.start + m[1]!.length }, key: labelKey(m[1]!), body: p.start + m[0].length });
  });
  const keys = new Set(heads.map((h) => h.key));
  if (heads.length < MIN_LABELLED_TURNS || keys.size < 2) return null;
  // Labels that occur once are likely "Note:" or "Photo:" lines, unless their initials match a frequent label.
  const counts = new Map<string, number>();
  for (const h of heads) counts.set(h.key, (counts.get(h.key) ?? 0) + 1);
  const speakers = heads.filter((h) => counts.get(h.key)! >= 2);
  if (speakers.length < MIN_LABELLED_TURNS) return null;
  const questionShare = new Map<string, [number, number]>();
  for (const h of speakers) {
    const share = questionShare.get(h.key) ?? [0, 0];
    share[0] += isQuestion(doc, paragraphs[h.index]!) ? 1 : 0;
    share[1]++;
    questionShare.set(h.key, share);
  }
  // Someone asks: labels over statements only ("Thunder: … / Lakers: …" closing a match report, "Price drop: …")
  // are no interview.
  let asked = 0;
  for (const [q] of questionShare.values()) asked += q;
  if (asked < MIN_LABELLED_QUESTIONS) return null;
  const roleOf = (key: string): Turn['role'] => {
    const [q, n] = questionShare.get(key)!;
    return q / n > 0.5 ? 'interviewer' : q === 0 ? 'interviewee' : 'unknown';
  };
  const turns: Turn[] = [];
  speakers.forEach((h, n) => {
    const next = speakers[n + 1]?.index ?? paragraphs.length;
    const role = roleOf(h.key);
    turns.push({ start: h.body, end: paragraphs[h.index]!.end, label: h.label, speakerKey: h.key, role });
    for (let k = h.index + 1; k < next; k++) {
      if (isHeading(doc, paragraphs[k]!)) continue;
      turns.push({ ...paragraphs[k]!, label: h.label, speakerKey: h.key, role });
    }
  });
  return turns;
}

/** A section heading inside an interview ("On NATO", "The early years"): a short line with no closing punctuation. */
function isHeading(doc: Doc, p: Span): boolean {
  const text = doc.slice(p);
  return /^\p{Lu}/u.test(text) && !/[.!?…:;,"”’)\]\-–—]$/.test(text) && text.split(/\s+/).length <= 8;
}

/** Case matters: "US" is a country, "i" no pronoun. */
const FIRST_PERSON = /\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Mm]y|[Oo]ur|me|us)\b/;

/** A paragraph without the words it quotes in double marks (a source's "I …" is not the writer's). */
const withoutQuoted = (text: string): string => text.replace(/["“][^"“”]*["”]/g, ' ');

const MIN_QUESTIONS = 3;
const MIN_QUESTIONS_UNANNOUNCED = 5;
/**
 * A headline that is an interview's own ("Wikinews interviews X", "Interview with X", "X tells Wikinews about …");
 * "Mayor tells Council to wait" is news, not an interview.
 */
const INTERVIEW_HEADLINE = /\b[Ii]nterview(?:s|ed)?\b|\b(?:tells|talks to|speaks to|speaks with) \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2} about\b/u;
/** How many paragraphs from the top an introduction may take before it says the text is an interview. */
const INTRODUCTION_PARAGRAPHS = 6;

/**
 * The turns of an unlabelled interview, or null. The text must say it is an interview near its top (its headline,
 * or its introduction before the first question), and have at least three question paragraphs each followed by an
 * answer paragraph; a short interview whose headline says it is one needs two answered questions put to "you".
 */
export function unlabelledTurns(doc: Doc, paragraphs: readonly Paragraph[], names: InterviewNames): Turn[] | null {
  const questions = paragraphs.map((p) => isQuestion(doc, p));
  const first = questions.indexOf(true);
  if (first < 0) return null;
  const intro = paragraphs[Math.max(0, Math.min(first, INTRODUCTION_PARAGRAPHS) - 1)];
  const top = doc.text.slice(0, intro?.end ?? 0);
  const headline = paragraphs[0] ? doc.slice(paragraphs[0]) : '';
  let answered = 0;
  let answeredToYou = 0;
  let firstPerson = 0;
  for (let k = 0; k + 1 < paragraphs.length; k++) {
    if (!questions[k] || questions[k + 1]) continue;
    answered++;
    if (/\byou(?:r)?\b/i.test(doc.slice(paragraphs[k]!))) answeredToYou++;
    if (FIRST_PERSON.test(withoutQuoted(doc.slice(paragraphs[k + 1]!)))) firstPerson++;
  }
  // An interviewee speaks for themselves: news that puts its subheadings as questions ("What did the prosecutors
  // say?") answers them in the third person, quoting others.
  if (firstPerson * 3 < answered) return null;
  // A text that says it is an interview needs three answered questions; one that does not, more. Two questions
  // to "you" are an interview only under a headline that says so: news quotes rhetorical questions too.
  const announced = /\binterview/i.test(top);
  const enough = answered >= (announced ? MIN_QUESTIONS : MIN_QUESTIONS_UNANNOUNCED) || (INTERVIEW_HEADLINE.test(headline) && answeredToYou >= 2);
  if (!enough) return null;
  const turns: Turn[] = [];
  for (let k = first; k < paragraphs.length; k++) {
    if (!questions[k] && isHeading(doc, paragraphs[k]!)) continue;
    const role = questions[k] ? 'interviewer' : 'interviewee';
    const label = role === 'interviewer' ? names.interviewer : names.interviewee;
    turns.push({ ...paragraphs[k]!, label, speakerKey: role, role });
  }
  return turns;
}

export interface InterviewNames {
  interviewer: Span | null;
  interviewee: Span | null;
}

/** What kind of entity a span names (PERSON, ORG, GPE, …), or null when no entity mention covers it. */
export type TypeOf = (span: Span) => string | null;

interface NameCandidate {
  span: Span;
  /** Found by a pattern that names the role outright ("interviewed by X", "reporter X"). */
  strong: boolean;
}

const REPORTER = new Set(['reporter', 'correspondent', 'journalist', 'interviewer']);

/**
 * Who is talking in an unlabelled interview, from the headline and the introduction: "X interviews Y",
 * "Y, … interviewed by X", "Y tells X about …", "Interview with Y", "Y: An interview …", "X spoke with Y",
 * "X interviewed the founder, Y", and a named reporter ("… submitted by reporter X") as the interviewer. Names are
 * runs of proper nouns; where entities are known (`typeOf`), an interviewee must be a person or an organisation,
 * and a person is preferred to an organisation.
 */
export function interviewNames(doc: Doc, paragraphs: readonly Paragraph[], typeOf: TypeOf = () => null): InterviewNames {
  // The headline and the introduction: the first four paragraphs, or up to the first question within six.
  const firstQuestion = paragraphs.findIndex((p) => isQuestion(doc, p));
  const introEnd = Math.max(3, Math.min(firstQuestion - 1, INTRODUCTION_PARAGRAPHS - 1));
  const limit = paragraphs[Math.min(introEnd, paragraphs.length - 1)]?.end ?? 0;
  const tokens = doc.tokens;
  const interviewers: NameCandidate[] = [];
  const interviewees: NameCandidate[] = [];
  const meetings: { before: Span; after: Span }[] = [];
  const add = (list: NameCandidate[], span: Span | null, strong = false) => { if (span) list.push({ span, strong }); };
  for (let i = 0; i < tokens.length && tokens[i]!.start < limit; i++) {
    const w = tokens[i]!.lower;
    const next = tokens[i + 1]?.lower;
    if (/^interview(s|ed)?$/.test(w) || w === 'spoke' || w === 'talked' || w === 'sat') {
      if (w === 'interviewed' && next === 'by') {
        // "Jack Doe, founder of X, interviewed by Y" / "He was interviewed by Y".
        add(interviewers, properNounRunAfter(doc, i + 2, 3), true);
        add(interviewees, properNounRunEarlier(doc, i - 1));
        continue;
      }
      if (w === 'interview') {
        // "Interview with Y", "Y: An interview with …".
        if (next === 'with') add(interviewees, properNounRunAfter(doc, i + 2, 8));
        const colon = titleColonBefore(doc, i);
        if (colon >= 0) add(interviewees, properNounRunBefore(doc, colon - 1));
        continue;
      }
      const before = properNounRunBefore(doc, i - 1);
      const after = properNounRunAfter(doc, i + 1, 8);
      add(interviewers, before);
      add(interviewees, after);
      if (before && after) meetings.push({ before, after });
    } else if (/^(tells|told)$/.test(w)) {
      const before = properNounRunBefore(doc, i - 1);
      if (before) {
        add(interviewees, before);
        add(interviewers, properNounRunAfter(doc, i + 1, 1));
      }
    } else if (REPORTER.has(w)) {
      add(interviewers, properNounRunAfter(doc, i + 1, 1), true);
    }
  }
  const isPerson = (c: NameCandidate) => typeOf(c.span) === 'PERSON';
  // A place is nobody ("interviews New York bar owner"); an outlet may be typed anything, so only places are out.
  const speaker = (c: NameCandidate) => { const t = typeOf(c.span); return t !== 'LOC' && !(t === 'GPE' && /\s/.test(doc.slice(c.span))); };
  // With no pattern naming the interviewee, the first person the text names before the first question (a caption,
  // an introduction) is the one the interview is about.
  if (!interviewees.length) {
    const q = paragraphs.findIndex((p) => isQuestion(doc, p));
    const end = q > 0 ? paragraphs[q - 1]!.end : 0;
    for (let i = 0; i < tokens.length && tokens[i]!.start < end; i++) {
      const run = tokens[i]!.pos === 'PROPN' ? properNounRunAfter(doc, i, 1) : null;
      if (run && typeOf(run) === 'PERSON') { add(interviewees, run); break; }
      if (run) while (i + 1 < tokens.length && tokens[i + 1]!.start < run.end) i++;
    }
  }
  const interviewee = interviewees.find(isPerson) ?? interviewees.find(speaker) ?? null;
  // "X sat down with Y" goes either way: when X is the interviewee another pattern named, Y asked the questions.
  const surname = (span: Span) => doc.slice(span).split(/\s+/).pop()!.toLowerCase();
  const turned = interviewee ? meetings.find((m) => surname(m.before) === surname(interviewee.span) && surname(m.after) !== surname(interviewee.span)) : undefined;
  const interviewer = interviewers.find((c) => c.strong && isPerson(c)) ?? (turned ? { span: turned.after, strong: false } : null) ??
    interviewers.find((c) => !interviewee || surname(c.span) !== surname(interviewee.span)) ?? null;
  return { interviewer: interviewer?.span ?? null, interviewee: interviewee?.span ?? null };
}

/** In a headline "Y: An interview …", the colon's token index before the word "interview" at `i`, or -1. */
function titleColonBefore(doc: Doc, i: number): number {
  for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
    const t = doc.tokens[k]!;
    if (t.lower === ':') return k;
    if (!['an', 'a', 'the', 'exclusive'].includes(t.lower)) return -1;
  }
  return -1;
}

function properNounRunBefore(doc: Doc, j: number): Span | null {
  let k = j;
  while (k >= 0 && doc.tokens[k]!.pos === 'PROPN' && j - k < 4) k--;
  return k < j ? { start: doc.tokens[k + 1]!.start, end: doc.tokens[j]!.end } : null;
}

/** The first run of proper nouns in the sentence before token `j` ("Jack Doe, wikiFoo founder, interviewed by"). */
function properNounRunEarlier(doc: Doc, j: number): Span | null {
  const sentence = doc.tokens[j]?.sentence;
  let k = j;
  while (k > 0 && doc.tokens[k - 1]!.sentence === sentence && j - k < 12) k--;
  for (; k <= j; k++) {
    if (doc.tokens[k]!.pos !== 'PROPN') continue;
    let e = k;
    while (e + 1 <= j && doc.tokens[e + 1]!.pos === 'PROPN') e++;
    return { start: doc.tokens[k]!.start, end: doc.tokens[e]!.end };
  }
  return null;
}

/**
 * The first run of two or more capitalised proper nouns within `window` tokens ("academic Simon Ličen", "the site's
 * founder, Jack Doe"), or of one when the window is one token.
 */
function properNounRunAfter(doc: Doc, i: number, window: number): Span | null {
  const tokens = doc.tokens;
  for (let k = i; k < tokens.length && k - i < window; k++) {
    if (tokens[k]!.pos === 'PUNCT' && tokens[k]!.lower !== '.' && tokens[k]!.lower !== ',') break;
    if (k > i && tokens[k]!.sentence !== tokens[i]!.sentence) break;
    let e = k;
    while (e < tokens.length && tokens[e]!.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[e]!.text) && tokens[e]!.sentence === tokens[k]!.sentence) e++;
    if (e - k >= 2 || (window === 1 && e > k)) return { start: tokens[k]!.start, end: tokens[e - 1]!.end };
  }
  return null;
}
