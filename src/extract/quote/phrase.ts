/**
 * The words that name a speaker: the noun phrase before a speech verb ("the NATO secretary general said"), after an
 * inverted one ("said Jens Stoltenberg"), or after "according to". Works on the Doc's tagged tokens; returns the
 * phrase's span and its heads (the tokens an entity mention must cover for the phrase to name that entity).
 */
import type { Doc, Token } from '../../nlp/doc.js';
import type { Span } from '../../model/types.js';

export interface SpeakerPhrase extends Span {
  /** Head tokens: the last noun of each comma-separated part ("Russia's ambassador to Bosnia, Igor Kalabukhov"). */
  heads: Token[];
  pronoun: boolean;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);
const NP_PREPOSITIONS = new Set(['of', 'to', 'for', 'at', 'in', 'on', 'from']);
const NP_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'another']);
const SKIPPABLE_ADVERBS = new Set([
  'also', 'later', 'previously', 'then', 'again', 'recently', 'earlier', 'repeatedly', 'once', 'further', 'publicly',
  'reportedly', 'separately', 'has', 'have', 'had', 'will', 'would', 'did', 'does', 'do', 'just',
  'already', 'now', 'subsequently', 'similarly', 'firmly', 'categorically', 'clearly', 'openly', 'bluntly', 'not',
  'since', 'still', 'even',
]);
const TIME_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year|weekend|morning|afternoon|evening|night|\d+)$/;
const PARENTHETICAL_OPENERS = new Set([
  'for', 'however', 'meanwhile', 'in', 'on', 'at', 'though', 'too', 'moreover', 'speaking', 'according', 'a', 'an', 'who',
  // "The protesters, many of them students, chanted": a quantified aside about the subject.
  'many', 'most', 'some', 'all', 'both', 'several', 'including', 'mostly', 'mainly', 'among',
  ...['asked', 'speaking', 'responding', 'referring', 'commenting', 'writing', 'when', 'while', 'after', 'before', 'which', 'whose'],
]);
/** Asides that hold a verb of their own ("The minister, asked whether the talks would resume, said"). */
const VERBAL_ASIDE_OPENERS = new Set(['a', 'an', 'who', 'which', 'whose', 'asked', 'speaking', 'responding', 'referring', 'commenting', 'writing', 'when', 'while', 'after', 'before']);

// Title words the tagger often reads as adjectives ("NATO chief", "secretary general", "president-elect").
const POSTNOMINAL = new Set(['chief', 'general', 'elect', 'designate', 'emeritus']);
const isNounish = (t: Token): boolean =>
  t.pos === 'PROPN' || t.pos === 'NOUN' || (t.pos === 'ADJ' && POSTNOMINAL.has(t.lower));
// The tagger may read a plural possessive's lone ’ as punctuation ("the farmers’ leader").
const isPossessive = (t: Token, doc?: Doc): boolean => {
  if (t.pos === 'PART' && (t.lower === "'s" || t.lower === "'")) return true;
  // The tagger may read a plural possessive's lone ’ as punctuation ("the farmers’ leader"): glued to a word in s.
  const before = doc?.tokens[t.i - 1];
  return !!doc && t.pos === 'PUNCT' && t.lower === "'" && !!before && before.end === t.start && /s$/i.test(before.text) && doc.tokens[t.i + 1]?.start === t.end + 1;
};

/**
 * The subject of the verb at token `v`: walks left over auxiliaries, adverbs and a time phrase ("on Wednesday"),
 * jumps a parenthetical between commas ("Dzaferovic, for his part, said"), and collects the noun phrase. Null when
 * the words before the verb are not a noun phrase (so "the stated aim" has no speaker).
 */
export function subjectBefore(doc: Doc, v: number, limit: number): SpeakerPhrase | null {
  const tokens = doc.tokens;
  let j = v - 1;
  j = skipLeft(doc, j, limit);
  if (j < limit) return null;
  const t = tokens[j]!;
  if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.lower)) return { start: t.start, end: t.end, heads: [t], pronoun: true };
  // "X, for his part, said": skip a parenthetical that opens with a preposition or a connective.
  if (t.lower === ',') {
    const k = previousComma(doc, j, limit);
    if (k >= 0 && PARENTHETICAL_OPENERS.has(tokens[k + 1]!.lower)) return subjectBefore(doc, k, limit);
    return appositionChain(doc, j, limit);
  }
  return nounPhraseLeft(doc, j, limit);
}

/**
 * "Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said" / "Russia's ambassador to Bosnia,
 * Igor Kalabukhov, reiterated": noun phrases separated by commas, ending at the comma `j`. The phrase spans them
 * all; the speaker is the first one, or the name right after it when the first is a title.
 */
function appositionChain(doc: Doc, j: number, limit: number): SpeakerPhrase | null {
  const tokens = doc.tokens;
  const parts: SpeakerPhrase[] = [];
  let comma = j;
  while (parts.length < 4 && comma > limit && tokens[comma]!.lower === ',') {
    const part = nounPhraseLeft(doc, comma - 1, limit);
    if (!part) break;
    parts.unshift(part);
    comma = doc.tokenIndexAt(part.start) - 1;
  }
  if (parts.length < 2) return null;
  const first = parts[0]!;
  const firstIsName = doc.tokensIn(first).every((t) => t.pos === 'PROPN' || isPossessive(t));
  const second = parts[1]!;
  const secondIsName = doc.tokensIn(second).every((t) => t.pos === 'PROPN');
  const heads = firstIsName || !secondIsName ? first.heads : [...first.heads, ...second.heads];
  return { start: first.start, end: parts[parts.length - 1]!.end, heads, pronoun: false };
}

function skipLeft(doc: Doc, j: number, limit: number): number {
  const tokens = doc.tokens;
  for (;;) {
    if (j < limit) return j;
    const t = tokens[j]!;
    if (SKIPPABLE_ADVERBS.has(t.lower) || (t.pos === 'ADV' && t.lower.endsWith('ly'))) { j--; continue; }
    // "on Wednesday", "last month", "on 3 May": a time phrase between subject and verb.
    if (TIME_WORDS.test(t.lower)) {
      let k = j;
      while (k > limit && (TIME_WORDS.test(tokens[k - 1]!.lower) || tokens[k - 1]!.pos === 'NUM')) k--;
      const before = tokens[k - 1];
      if (before && ['on', 'in', 'last', 'this', 'earlier', 'late', 'early', 'next'].includes(before.lower)) {
        j = k - 2;
        continue;
      }
    }
    return j;
  }
}

/**
 * The comma opening the parenthetical that ends at the comma `j`. A short one holds no verb; a longer one may
 * ("Vucic, a populist who won a landslide, said") when it opens with an article or a relative pronoun.
 */
function previousComma(doc: Doc, j: number, limit: number): number {
  let sawVerb = false;
  for (let k = j - 1; k >= Math.max(limit, j - 30); k--) {
    const t = doc.tokens[k]!;
    if (t.lower === ',') {
      const opener = doc.tokens[k + 1]!.lower;
      return !sawVerb || VERBAL_ASIDE_OPENERS.has(opener) ? k : -1;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      sawVerb = true;
      if (j - k > 10 && k - limit < 0) return -1;
    }
    if (t.pos === 'PUNCT' && t.lower !== '-') return -1;
  }
  return -1;
}

/**
 * A noun phrase ending at token `j` (inclusive), walking left; its last token must be a noun or a name. Inside it a
 * preposition moves the head left ("the ambassador to Bosnia" is about an ambassador). A coordination ("Kosovo and
 * Bosnia say") names several speakers: it keeps its words but gets no head, so it resolves to no single entity.
 */
export function nounPhraseLeft(doc: Doc, j: number, limit: number): SpeakerPhrase | null {
  const tokens = doc.tokens;
  if (j < limit) return null;
  const last = tokens[j]!;
  if (!isNounish(last) && !(last.pos === 'ADJ' && definiteBefore(doc, j, limit))) return null;
  let k = j;
  let head: Token | null = last;
  let coordinated = false;
  while (k - 1 >= limit) {
    const t = tokens[k - 1]!;
    if (NP_POS.has(t.pos) && !(t.pos === 'DET' && !NP_DETERMINERS.has(t.lower))) {
      k--;
      if (t.pos !== 'DET') continue;
      // "director at the University": a determiner ends the phrase unless a preposition inside it comes first.
      const prep = tokens[k - 1];
      if (!(prep && k - 2 >= limit && prep.pos === 'ADP' && NP_PREPOSITIONS.has(prep.lower) && isNounish(tokens[k - 2]!))) break;
      continue;
    }
    if (isPossessive(t, doc) || (t.lower === '-' && k - 2 >= limit && t.end === tokens[k]!.start)) { k--; continue; }
    const before = tokens[k - 2];
    if (k - 2 >= limit && before && isNounish(before)) {
      if (t.pos === 'ADP' && NP_PREPOSITIONS.has(t.lower)) {
        head = before;
        coordinated = false;
        k -= 2;
        continue;
      }
      if (t.lower === 'and' || t.lower === 'or') {
        coordinated = true;
        k -= 2;
        continue;
      }
    }
    break;
  }
  return { start: tokens[k]!.start, end: last.end, heads: coordinated || !head ? [] : [head], pronoun: false };
}

/** "The Chinese military said": an adjective the tagger left as the head of a phrase that opens with "the". */
function definiteBefore(doc: Doc, j: number, limit: number): boolean {
  for (let k = j - 1; k >= limit && j - k <= 4; k--) {
    const t = doc.tokens[k]!;
    if (t.lower === 'the') return true;
    if (t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.pos !== 'NOUN') return false;
  }
  return false;
}

/** A noun phrase starting at token `j`, walking right: "said the NATO chief", "according to Bosnian Defense Minister X". */
export function nounPhraseRight(doc: Doc, j: number, limit: number): SpeakerPhrase | null {
  const tokens = doc.tokens;
  if (j >= limit) return null;
  const first = tokens[j]!;
  if (first.pos === 'PRON' && SUBJECT_PRONOUNS.has(first.lower)) return { start: first.start, end: first.end, heads: [first], pronoun: true };
  let k = j;
  let head: Token | null = null;
  const heads: Token[] = [];
  while (k < limit) {
    const t = tokens[k]!;
    if (NP_POS.has(t.pos) && !(t.pos === 'DET' && (k > j || !NP_DETERMINERS.has(t.lower)))) {
      if (isNounish(t)) head = t;
      k++;
      continue;
    }
    // "43-year-old Jane Doe": a hyphen glued to the words on both sides joins them, before the head too.
    if (isPossessive(t, doc) || (t.lower === '-' && k > j && t.start === tokens[k - 1]!.end && tokens[k + 1]?.start === t.end)) { k++; continue; }
    if (t.pos === 'ADP' && NP_PREPOSITIONS.has(t.lower) && head && k + 1 < limit && NP_POS.has(tokens[k + 1]!.pos)) {
      if (!heads.length) heads.push(head);
      k++;
      continue;
    }
    // An apposition: "said Osmani, Kosovo's president" — keep the name part only when it follows a comma directly.
    break;
  }
  if (!head) return null;
  if (!heads.length || heads[heads.length - 1] !== head) {
    if (!heads.length) heads.push(head);
  }
  const lastTok = tokens[k - 1]!;
  // Trim trailing non-nouns ("said Stoltenberg on" never happens; "said Podzic last" may).
  let end = lastTok.end;
  for (let m = k - 1; m >= j && !isNounish(tokens[m]!); m--) end = tokens[m - 1]?.end ?? end;
  const name = appositiveName(doc, k, limit);
  if (name && end === lastTok.end) return { start: first.start, end: name.end, heads: [...(heads.length ? heads : [head]), name.head], pronoun: false };
  return { start: first.start, end, heads: heads.length ? heads : [head], pronoun: false };
}

/**
 * "said the prime minister, Ana Kovac, after …": a name in apposition after the comma at `k`, which a comma, the
 * sentence's end or a preposition closes (so "according to the minister, Serbia will …" is no apposition).
 */
function appositiveName(doc: Doc, k: number, limit: number): { end: number; head: Token } | null {
  const tokens = doc.tokens;
  if (tokens[k]?.lower !== ',' || k + 1 >= limit) return null;
  let m = k + 1;
  while (m < limit && tokens[m]!.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[m]!.text)) m++;
  if (m === k + 1) return null;
  const after = tokens[m];
  if (m < limit && after && !(after.lower === ',' || after.pos === 'ADP' || /^[.!?;]$/.test(after.lower))) return null;
  return { end: tokens[m - 1]!.end, head: tokens[m - 1]! };
}

const TIME_TOKEN = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|week|month|year|weekend|morning|afternoon|evening|night|\d+(?:st|nd|rd|th)?|\.)$/;
const TIME_LEAD = new Set(['on', 'in', 'last', 'this', 'earlier', 'late', 'early', 'next', 'at', 'of', ',']);

/**
 * A speaker phrase without the time phrase the parser or the token walk took into it: "The Chinese military on
 * Friday" → "The Chinese military", "December 1st Mr Trump" → "Mr Trump". Heads are kept; a phrase that is all time
 * words stays as it is.
 */
export function withoutTime(doc: Doc, phrase: SpeakerPhrase): SpeakerPhrase {
  const tokens = doc.tokensIn(phrase);
  if (tokens.length < 2) return phrase;
  // A number glued to a hyphen is part of a compound ("43-year-old"), not a date.
  const isTime = (t: Token) => TIME_TOKEN.test(t.lower) && !phrase.heads.includes(t) && !(/^\d/.test(t.text) && doc.text[t.end] === '-');
  let a = 0;
  let b = tokens.length - 1;
  // Leading: "December 1st", "On Friday,", "Last week".
  let k = 0;
  while (k < tokens.length && (TIME_LEAD.has(tokens[k]!.lower) || isTime(tokens[k]!))) k++;
  if (k > 0 && k < tokens.length && tokens.slice(0, k).some(isTime)) a = k;
  // Trailing: "on Friday", "last week".
  k = b;
  while (k > a && isTime(tokens[k]!)) k--;
  if (k < b) {
    while (k > a && TIME_LEAD.has(tokens[k]!.lower)) k--;
    b = k;
  }
  while (b > a && tokens[b]!.pos === 'PUNCT') b--;
  while (a < b && tokens[a]!.pos === 'PUNCT') a++;
  if (a === 0 && b === tokens.length - 1) return phrase;
  const kept = new Set(tokens.slice(a, b + 1));
  let heads = phrase.heads.filter((h) => kept.has(h));
  if (!heads.length && phrase.heads.length) {
    const last = [...kept].reverse().find((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
    heads = last ? [last] : [];
  }
  return { ...phrase, start: tokens[a]!.start, end: tokens[b]!.end, heads };
}

/** Whether tokens `from..to` (inclusive) are only a time phrase ("on Monday", "last week"). */
export function isTimeTail(doc: Doc, from: number, to: number): boolean {
  if (from > to) return false;
  let time = false;
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k]!;
    if (TIME_TOKEN.test(t.lower)) time = true;
    else if (!TIME_LEAD.has(t.lower)) return false;
  }
  return time;
}

/**
 * The speaker of "saying" at `v` in "X was quoted as saying" (the passive's subject) or "Y quoted X as saying" (the
 * object of "quoted"); null for any other word.
 */
export function quotedAsSaying(doc: Doc, v: number, limit: number): SpeakerPhrase | null {
  const tokens = doc.tokens;
  if (tokens[v]?.lower !== 'saying' || tokens[v - 1]?.lower !== 'as') return null;
  if (tokens[v - 2]?.lower === 'quoted') {
    const be = v - 3;
    if (be < limit || !['was', 'were', 'is', 'are', 'been', 'being'].includes(tokens[be]!.lower)) return null;
    return subjectBefore(doc, be, limit);
  }
  for (let q = v - 3; q >= limit && v - q <= 10; q--) {
    if (tokens[q]!.lower !== 'quoted') continue;
    return nounPhraseRight(doc, q + 1, v - 1);
  }
  return null;
}
