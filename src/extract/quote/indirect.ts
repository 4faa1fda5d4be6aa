/**
 * Indirect (reported) speech: "X said (that) …", "X told Al Jazeera (that) …", "X warned that …", "according to X, …",
 * "…, according to X", and a reported clause before its attribution ("…, stated an official", "…, X said."). The
 * span is the reported clause; the speaker phrase is the verb's subject.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Span } from '../../model/types.js';
import { isAccordingTo, speechVerbAt } from './attribution.js';
import { isTimeTail, nounPhraseRight, quotedAsSaying, subjectBefore, type SpeakerPhrase } from './phrase.js';
import { OBJECT_FIRST, QUOTE_ONLY, SPEECH_FORMS } from './verbs.js';

export interface ReportedSpeech extends Span {
  phrase: SpeakerPhrase;
}

const CLAUSE_START_POS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM']);
const MIN_CLAUSE_WORDS = 3;

/** Reported clauses in sentence `s`; `blocked` tells whether an offset lies inside a marked quote or a Q/A turn. */
export function reportedSpeechIn(doc: Doc, s: number, blocked: (offset: number) => boolean): ReportedSpeech[] {
  const sentence = doc.sentences[s]!;
  const { tokenStart, tokenEnd } = sentence;
  const tokens = doc.tokens;
  let last = tokenEnd - 1;
  while (last > tokenStart && tokens[last]!.pos === 'PUNCT') last--;
  const out: ReportedSpeech[] = [];
  for (let v = tokenStart; v <= last; v++) {
    if (isAccordingTo(doc, v)) {
      const found = blocked(tokens[v]!.start) ? null : accordingTo(doc, v, tokenStart, last);
      if (found) out.push(found);
      continue;
    }
    // "X was quoted as saying (that) …" / "the agency quoted X as saying …".
    const quoted = quotedAsSaying(doc, v, tokenStart);
    if (quoted && !blocked(tokens[v]!.start)) {
      const from = clauseStartAfter(doc, v, 'say', last);
      if (from !== null) out.push({ ...clause(doc, from, last), phrase: quoted });
      continue;
    }
    const base = speechVerbAt(doc, v);
    if (!base || QUOTE_ONLY.has(base) || blocked(tokens[v]!.start)) continue;
    // "…, stated an anonymous official": the clause before, the speaker after the verb.
    // The noun after "told" or "asked" is the one spoken to ("…, X told AFP"), never the speaker.
    if (v > tokenStart && tokens[v - 1]!.lower === ',' && !OBJECT_FIRST.has(base)) {
      const phrase = nounPhraseRight(doc, v + 1, last + 1);
      // The inverted speaker ends the clause ("…, stated an official." / "…, said X in a statement"); a noun the verb's
      // own clause goes on from ("X, speaking in Brussels, said the alliance would …") is that clause's subject.
      const next = phrase ? doc.tokens[doc.tokenIndexAt(phrase.end)] : undefined;
      const ends = !!phrase && (doc.tokenIndexAt(phrase.end) > last || !next || next.pos === 'PUNCT' || next.pos === 'ADP' || isTimeTail(doc, next.i, last));
      if (phrase && ends && !phrase.pronoun) out.push({ ...clause(doc, tokenStart, v - 2), phrase });
      if (phrase && ends) continue;
    }
    const phrase = subjectBefore(doc, v, tokenStart);
    if (!phrase) continue;
    // "…, X said.": a short subject after a comma, nothing after the verb: the clause before is what was said.
    const subjectTok = doc.tokenIndexAt(phrase.start);
    if (subjectTok > tokenStart + 2 && tokens[subjectTok - 1]!.lower === ',' && (v + (base === 'point out' ? 1 : 0) >= last || isTimeTail(doc, v + 1, last))) {
      out.push({ ...clause(doc, tokenStart, subjectTok - 2), phrase });
      continue;
    }
    // "As X told Reuters, ozone has dropped.": the clause after the comma is what X said.
    if (subjectTok === tokenStart + 1 && tokens[tokenStart]!.lower === 'as') {
      let comma = v + 1;
      while (comma < last && tokens[comma]!.lower !== ',') comma++;
      if (comma < last && comma - v <= 8) out.push({ ...clause(doc, comma + 1, last), phrase });
      continue;
    }
    const from = clauseStartAfter(doc, v, base, last);
    if (from === null) continue;
    out.push({ ...clause(doc, from, last), phrase });
  }
  return out.flatMap((r) => splitAtParticiple(doc, r, last)).filter((r) => wordCount(doc.shadow, r) >= MIN_CLAUSE_WORDS);
}

/**
 * "X estimated that A, noting that B": a speech participle after a comma inside a reported clause starts a second
 * clause of the same speaker.
 */
function splitAtParticiple(doc: Doc, r: ReportedSpeech, last: number): ReportedSpeech[] {
  const tokens = doc.tokens;
  const first = doc.tokenIndexAt(r.start);
  const end = doc.tokenIndexAt(r.end - 1);
  for (let k = first + 2; k <= end; k++) {
    const t = tokens[k]!;
    if (tokens[k - 1]!.lower !== ',' || !t.lower.endsWith('ing')) continue;
    const base = SPEECH_FORMS.get(t.lower);
    if (!base || QUOTE_ONLY.has(base)) continue;
    const from = clauseStartAfter(doc, k, base, Math.min(last, end));
    if (from === null) continue;
    const head = { ...clause(doc, first, k - 2), phrase: r.phrase };
    const tail = { ...clause(doc, from, end), phrase: r.phrase };
    return [head, ...splitAtParticiple(doc, tail, last)];
  }
  return [r];
}

/** Where the reported clause begins after the verb at `v`, or null when the verb has no clause. */
function clauseStartAfter(doc: Doc, v: number, base: string, last: number): number | null {
  const tokens = doc.tokens;
  let k = v + 1 + (base === 'point out' ? 1 : 0);
  if (k > last) return null;
  // "told Al Jazeera that …", "urged Belgrade to …": the addressee comes first.
  if (OBJECT_FIRST.has(base) && tokens[k]!.lower !== 'that') {
    const object = nounPhraseRight(doc, k, last + 1);
    if (object) k = doc.tokenIndexAt(object.end);
    if (k > last) return null;
    if (tokens[k]!.lower === 'to') return k;
  }
  // "said on state television that …", "warned last year that …": a short run of words before "that".
  for (let m = k; m <= last && m - k <= 8; m++) {
    const t = tokens[m]!;
    if (t.lower === 'that') return isDeterminerThat(doc, m) ? null : m + 1;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT') break;
  }
  if (tokens[k]!.lower === ':') k++;
  if (k <= last && CLAUSE_START_POS.has(tokens[k]!.pos) && tokens[k]!.lower !== 'to' && hasVerbSoon(doc, k, last)) return k;
  return null;
}

/** "reiterated that message": "that" before a noun that no verb follows is a determiner, not "said that …". */
function isDeterminerThat(doc: Doc, m: number): boolean {
  const next = doc.tokens[m + 1];
  const after = doc.tokens[m + 2];
  return next?.pos === 'NOUN' && !(after && (after.pos === 'VERB' || after.pos === 'AUX'));
}

/** A bare complement ("said political dialogue is …") has a verb before its first comma. */
function hasVerbSoon(doc: Doc, k: number, last: number): boolean {
  for (let m = k; m <= last && m - k <= 12; m++) {
    const t = doc.tokens[m]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (t.lower === ',' || t.lower === ';') return false;
  }
  return false;
}

function accordingTo(doc: Doc, v: number, first: number, last: number): ReportedSpeech | null {
  const tokens = doc.tokens;
  const phrase = nounPhraseRight(doc, v + 2, last + 1);
  if (!phrase) return null;
  const after = doc.tokenIndexAt(phrase.end);
  // "According to X, clause." — the clause follows the comma after the phrase.
  if (v === first) {
    let k = after;
    while (k <= last && tokens[k]!.lower !== ',') k++;
    return k < last ? { ...clause(doc, k + 1, last), phrase } : null;
  }
  // "clause, according to X."
  if (tokens[v - 1]!.lower === ',' && v - 2 >= first) return { ...clause(doc, first, v - 2), phrase };
  return null;
}

/** The character span of tokens `from..to` (inclusive), without leading connectives' punctuation. */
function clause(doc: Doc, from: number, to: number): Span {
  const tokens = doc.tokens;
  while (from < to && tokens[from]!.pos === 'PUNCT') from++;
  while (to > from && tokens[to]!.pos === 'PUNCT' && tokens[to]!.lower !== ')' ) to--;
  return { start: tokens[from]!.start, end: tokens[to]!.end };
}

/** Words in a span, counted on the ASCII shadow (letters and digits; "don't" is one word, "co-ordinated" two). */
export function wordCount(shadow: string, span: Span): number {
  let words = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const c = shadow.charCodeAt(i);
    const isWord: boolean = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127 ||
      (inWord && c === 39 && i + 1 < span.end && /[a-z]/i.test(shadow[i + 1]!));
    if (isWord && !inWord) words++;
    inWord = isWord;
  }
  return words;
}
