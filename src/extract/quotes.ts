/**
 * Quotes with their speakers: marked direct quotes, Q/A interview turns (labelled, "Q:"/"A:" or unlabelled),
 * colon- and dash-introduced speech, and reported (indirect) speech. The speaker is found as words first (a name, a
 * title, a pronoun, a role, an interview label; from the dependency tree where there is one, by token rules where
 * there is not) and then as the entity whose mention, after coreference, covers those words, or that a definite
 * description or a surname names ("the ministry", "Mr Tusk"); when none does, `speaker` is null and `speakerText`
 * keeps the words ("a U.S. official"). Scare quotes (three words or fewer with no speech verb next to them or
 * governing them), names and titles in marks, and cited headlines are not quotes; a headline quote its body repeats
 * is listed once.
 */
import type { Entity, Quote, Span } from '../model/types.js';
import type { Doc } from '../nlp/doc.js';
import type { Extractor } from './pipeline.js';
import { attributionAfter, attributionBefore, attributionByTree, type Attribution } from './quote/attribution.js';
import { reportedSpeechIn, wordCount } from './quote/indirect.js';
import { interviewNames, labelledTurns, paragraphsOf, unlabelledTurns, type InterviewNames, type Paragraph, type Turn } from './quote/interview.js';
import { findMarkedQuotes, type MarkedQuote } from './quote/marks.js';
import { nounPhraseLeft, nounPhraseRight, subjectBefore, withoutTime, type SpeakerPhrase } from './quote/phrase.js';
import { antecedentEntity, MentionIndex, speakerEntity } from './quote/speaker.js';
import { SPEECH_FORMS } from './quote/verbs.js';

/** Speech verbs whose object may be a work rather than words ("read “War and Peace”", "wrote “Dubliners”"). */
const WORK_VERBS = new Set(['read', 'write']);

/** A quote of this many words or fewer needs an attribution right next to it to count. */
const SCARE_QUOTE_MAX_WORDS = 3;
/** How many tokens from a short quote its speech verb may stand ("X called it “dangerous”" is not speech). */
const SHORT_QUOTE_VERB_DISTANCE = 3;

type Draft = Omit<Quote, 'id'>;

export const extractQuotes: Extractor<'quotes'> = (doc, _ctx, prior) => {
  const index = new MentionIndex(prior.entities ?? []);
  const paragraphs = paragraphsOf(doc.text);
  const typeOf = (span: Span) => index.covering(span)[0]?.type ?? null;
  const names = interviewNames(doc, paragraphs, typeOf);
  const labelled = labelledTurns(doc, paragraphs);
  const turns = (labelled ? labelled.map((t) => namedTurn(doc, t, names)) : unlabelledTurns(doc, paragraphs, names)) ?? [];
  const drafts: Draft[] = [...turnQuotes(doc, turns, index)];
  const inTurn = spanTest(turns);
  const marked = findMarkedQuotes(doc.text).filter((q) => !inTurn(q.open));
  const inMarked = spanTest(marked.map((q) => ({ start: q.open, end: q.close + 1 })));
  const reported = reportedQuotes(doc, (offset) => inTurn(offset) || inMarked(offset), marked, index);
  drafts.push(...markedQuotes(doc, marked, paragraphs, index, [...reported].sort((a, b) => a.start - b.start)));
  drafts.push(...reported);
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  return withoutHeadlineEchoes(drafts, paragraphs[0]).map((d, n) => ({ id: `q${n + 1}`, ...d }));
};

const ASKER_LABEL = /^(?:q|question|interviewer)$/i;
const ANSWER_LABEL = /^(?:a|answer|interviewee)$/i;

/** A "Q:" / "A:" turn is the interviewer's / the interviewee's, named where the headline or introduction names them. */
function namedTurn(doc: Doc, t: Turn, names: InterviewNames): Turn {
  if (!t.label) return t;
  const label = doc.slice(t.label);
  if (ASKER_LABEL.test(label) && names.interviewer) return { ...t, label: names.interviewer, role: 'interviewer' };
  if (ANSWER_LABEL.test(label) && names.interviewee) return { ...t, label: names.interviewee, role: 'interviewee' };
  return t;
}

function turnQuotes(doc: Doc, turns: readonly Turn[], index: MentionIndex): Draft[] {
  // A label coreference did not resolve ("EWB") takes the entity of a resolved label with the same initials.
  const byKey = new Map<string, string>();
  for (const t of turns) {
    if (!t.label || byKey.has(t.speakerKey)) continue;
    const entity = speakerEntity(index, [t.label]);
    if (entity) byKey.set(t.speakerKey, entity.id);
  }
  // A label the headline gave with a role before the name ("Biologist Jane Doe") is the person named inside it;
  // looked up once per label text, as every turn of an unlabelled interview carries the same label.
  const inside = new Map<string, string | null>();
  const personInside = (label: Span): string | null => {
    const key = doc.slice(label);
    if (!inside.has(key)) inside.set(key, index.within(label).find((e) => e.type === 'PERSON')?.id ?? null);
    return inside.get(key)!;
  };
  return turns.map((t) => {
    const own = t.label ? speakerEntity(index, [t.label])?.id ?? personInside(t.label) : null;
    return {
      text: doc.text.slice(t.start, t.end),
      start: t.start,
      end: t.end,
      direct: true,
      speaker: own ?? byKey.get(t.speakerKey) ?? null,
      speakerText: t.label ? doc.slice(t.label) : null,
      speakerSpan: t.label ? { start: t.label.start, end: t.label.end } : null,
    };
  });
}

/** `reported`: the document's reported speech, by start. */
function markedQuotes(doc: Doc, marked: readonly MarkedQuote[], paragraphs: readonly Paragraph[], index: MentionIndex, reported: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  /** The marked quote and paragraph of each draft in `out`. */
  const kept: { q: MarkedQuote; paragraph: number }[] = [];
  let previous: { draft: Draft; paragraph: number } | null = null;
  let p = 0;
  marked.forEach((q, n) => {
    while (p + 1 < paragraphs.length && paragraphs[p]!.end < q.open) p++;
    const para = paragraphs[p]!;
    const regionStart = Math.max(para.start, n > 0 ? marked[n - 1]!.close + 1 : 0);
    const regionEnd = Math.min(para.end, marked[n + 1]?.open ?? para.end);
    const words = wordCount(doc.shadow, q);
    // The speech verb the tree links to the quote; the token rules where there is none.
    const after = q.closed ? attributionAfter(doc, q, regionEnd) : null;
    // "“…,” wrote Taylor" / "“…,” he said" right after the closing mark is the surest attribution there is: where
    // the tree names someone else (a misparse: "Four appointments failed …, which was “…,” wrote Taylor"), the
    // words after the quote win, unless they are only "according to" a source.
    const overruled = !!after && after.verb.lower !== 'according';
    const tree = attributionByTree(doc, q);
    const byTree = tree && overruled && !(tree.phrase.start < after!.phrase.end && after!.phrase.start < tree.phrase.end) ? null : tree;
    let found: Attribution | null = after;
    found ??= attributionBefore(doc, q, regionStart);
    // A short quote counts only with a speech verb right next to it, as the token rules see it (scare quotes).
    // A short quote inside the clause a speech verb heads is that speaker's wording ("accused X of 'Y'", "called
    // it 'Z'", "the ship was on an 'ordinary mission', the ministry added").
    const governs = byTree?.governs && !(words <= SCARE_QUOTE_MAX_WORDS && othersWords(doc, byTree.verb.i, doc.tokenIndexAt(q.open)));
    if (byTree && (words > SCARE_QUOTE_MAX_WORDS || found || governs)) {
      found = { ...byTree, distance: governs ? 0 : Math.min(byTree.distance, found?.distance ?? Infinity) };
    }
    const opensParagraph = q.open === para.start;
    // "Osmani: “We …”": a name and a colon introduce the quote, at the start of the line or sentence.
    found ??= colonIntroduced(doc, q, para);
    // "“…” — Vera Lukic, in Nis": a closed quote signed with a dash and a person's name (a pull quote, an epigraph).
    found ??= dashSigned(doc, q, para, index);
    if (!found && opensParagraph && p > 0 && /:["”’]?$/.test(doc.slice(paragraphs[p - 1]!))) {
      // "X said:" ending the paragraph before a paragraph that is all quote.
      found = attributionBefore(doc, { open: paragraphs[p - 1]!.end, start: paragraphs[p - 1]!.end, end: paragraphs[p - 1]!.end }, paragraphs[p - 1]!.start);
    }
    if (words <= SCARE_QUOTE_MAX_WORDS && !(found && found.distance <= SHORT_QUOTE_VERB_DISTANCE) && !cryOf(doc, q)) return;
    // Unattributed words in title case are a name or a title ("the website “The Harbour Countdown”"), and a quote
    // that opens a line ending in "— Outlet, date" is a cited headline: neither is speech.
    const title = titleLike(doc.text.slice(q.start, q.end));
    if (!found && (title || citedHeadline(doc, q, para))) return;
    // "a robot named “Better Idea”", "a print called “Cowboys”": what a naming word introduces in capitals is a name,
    // whoever the sentence is attributed to.
    if (namedAs(doc, q) && (title || capitalisedName(doc.text.slice(q.start, q.end)))) return;
    // A title the tree reaches only through an oblique ("says on “The Harbour Page”") is where it was said; one that
    // is read or written ("read “War and Peace”") is a work.
    if (title && byTree?.oblique) return;
    if (title && found && WORK_VERBS.has(SPEECH_FORMS.get(found.verb.lower) ?? '')) return;
    let draft: Draft;
    let reporter: Draft | null;
    let issuer: SpeakerPhrase | null;
    if (found) {
      draft = withSpeaker(doc, q, true, found.phrase, index);
    } else if ((reporter = reporterBefore(doc, q, para, reported, previous?.draft))) {
      // "X said the talks had failed. “We are disappointed.”": a quote standing alone right after a report goes on
      // with the reporter's words.
      draft = { ...quoteSpan(doc, q, true), speaker: reporter.speaker, speakerText: reporter.speakerText, speakerSpan: reporter.speakerSpan ?? null };
    } else if ((issuer = issuerBefore(doc, q, para, previous?.draft))) {
      // "Senator X issued a statement on the decision. “Like many Texans, …”": the statement's words.
      draft = withSpeaker(doc, q, true, issuer, index);
    } else if (previous?.draft.speakerText && (previous.paragraph === p || (opensParagraph && previous.paragraph === p - 1))) {
      // The second half of a split quote, or the next paragraph of a long one: the same speaker goes on.
      draft = { ...quoteSpan(doc, q, true), speaker: previous.draft.speaker, speakerText: previous.draft.speakerText, speakerSpan: previous.draft.speakerSpan ?? null };
    } else {
      draft = { ...quoteSpan(doc, q, true), speaker: null, speakerText: null, speakerSpan: null };
    }
    out.push(draft);
    kept.push({ q, paragraph: p });
    previous = { draft, paragraph: p };
  });
  // A quote over several paragraphs names its speaker in one of them, often the last ("'…\n'…,' he said"): an
  // unclosed paragraph of it with no attribution of its own takes the speaker of the paragraph that continues it.
  for (let k = out.length - 2; k >= 0; k--) {
    const here = kept[k]!;
    const next = kept[k + 1]!;
    if (out[k]!.speakerText || here.q.closed || out[k + 1]!.speakerText === null) continue;
    if (next.paragraph !== here.paragraph + 1 || next.q.open !== paragraphs[next.paragraph]!.start) continue;
    if (doc.text[next.q.open] !== doc.text[here.q.open]) continue;
    const { speaker, speakerText, speakerSpan } = out[k + 1]!;
    out[k] = { ...out[k]!, speaker, speakerText, speakerSpan };
  }
  return out;
}

function reportedQuotes(doc: Doc, blocked: (offset: number) => boolean, marked: readonly MarkedQuote[], index: MentionIndex): Draft[] {
  const out: Draft[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    for (const r of reportedSpeechIn(doc, s, blocked)) {
      // A clause that is mostly a marked quote is that quote's attribution, already recorded.
      if (markedShare(r, marked) > 0.5) continue;
      // "— We will stay, said X": a clause a dash opens at the start of its paragraph is direct speech.
      const direct = /^\s*[\u2014\u2013-]\s*$/.test(doc.text.slice(paragraphStart(doc, r.start), r.start)) && paragraphStart(doc, r.start) < r.start;
      out.push(withSpeaker(doc, r, direct, attributionByTree(doc, r)?.phrase ?? r.phrase, index));
    }
  }
  return out;
}

function withSpeaker(doc: Doc, span: Span, direct: boolean, found: SpeakerPhrase, index: MentionIndex): Draft {
  const phrase = withoutTime(doc, found);
  let entity = speakerEntity(index, phrase.heads) ?? nameAfterTitle(doc, phrase, index) ?? statementOwner(doc, phrase, index);
  // "an Israeli former minister", "a Russian official": an indefinite phrase names nobody but a person its words
  // name, even where coreference made it a mention of the state it serves.
  if (entity && entity.type !== 'PERSON' && INDEFINITE.has(doc.tokensIn(phrase)[0]?.lower ?? '')) entity = null;
  const head = phrase.heads[phrase.heads.length - 1];
  if (!entity && head && !phrase.pronoun && phrase.heads.length === 1) {
    entity = antecedentEntity(index, {
      words: doc.tokensIn(phrase).map((t) => t.lower),
      head: head.text,
      headIsCommonNoun: head.pos === 'NOUN' && head.text === head.lower,
      headIsProperNoun: head.pos === 'PROPN' && /^\p{Lu}/u.test(head.text),
      start: phrase.start,
    });
  }
  return {
    ...quoteSpan(doc, span, direct),
    speaker: entity?.id ?? null,
    speakerText: doc.text.slice(phrase.start, phrase.end),
    speakerSpan: { start: phrase.start, end: phrase.end },
  };
}

/**
 * "CEO of the Refugee Council Jane Doe", "Governor of Washington Jane Doe": a title with no article before it,
 * whose phrase ends in a person's name, is that person; the preposition inside made the title the head. With an
 * article ("a spokeswoman for Prime Minister Jane Doe") the title is someone else.
 */
function nameAfterTitle(doc: Doc, phrase: SpeakerPhrase, index: MentionIndex): Entity | null {
  const tokens = doc.tokensIn(phrase);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last || tokens.length < 3 || phrase.pronoun || first.pos === 'DET' || first.pos === 'PRON' || first.pos === 'NUM') return null;
  if (!tokens.some((t) => t.pos === 'ADP')) return null;
  return index.covering(last).find((e) => e.type === 'PERSON' && e.mentions.some((m) => m.end === last.end && m.start > first.start)) ?? null;
}

/** Words that open an indefinite noun phrase. */
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'two', 'three', 'many']);

/** Nouns for what a speaker issued: "Cornyn's statement added" is Cornyn's. */
const ISSUED = new Set(['statement', 'letter', 'communique', 'communiqué', 'tweet', 'post', 'message', 'release', 'report']);

/** The owner named before "'s" when the phrase's head is a statement ("the ministry's statement"). */
function statementOwner(doc: Doc, phrase: SpeakerPhrase, index: MentionIndex): Entity | null {
  const tokens = doc.tokensIn(phrase);
  const head = phrase.heads[phrase.heads.length - 1];
  if (!head || !ISSUED.has(head.lower)) return null;
  const k = tokens.findIndex((t) => t.lower === "'s" || t.lower === '\u2019s');
  if (k < 1) return null;
  return speakerEntity(index, [tokens[k - 1]!]);
}

function quoteSpan(doc: Doc, span: Span, direct: boolean): Pick<Quote, 'text' | 'start' | 'end' | 'direct'> {
  return { text: doc.text.slice(span.start, span.end), start: span.start, end: span.end, direct };
}

/**
 * The reported speech in the sentence right before the one a quote opens (in its paragraph, or ending the paragraph
 * before when the quote opens its own), after any earlier quote, or null.
 */
function reporterBefore(doc: Doc, q: MarkedQuote, para: Paragraph, reported: readonly Draft[], previous: Draft | undefined): Draft | null {
  const s = doc.sentenceIndexAt(q.open);
  const sentence = doc.sentences[s];
  if (!sentence || s === 0 || /\S/.test(doc.text.slice(Math.max(sentence.start, para.start), q.open))) return null;
  const before = doc.sentences[s - 1]!;
  // A quote that opens its paragraph follows the last sentence of the paragraph before.
  if (before.start < para.start && q.open !== para.start) return null;
  // Reported clauses are in text order: the first that starts in the sentence before, by binary search.
  let lo = 0;
  let hi = reported.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reported[mid]!.start < before.start) lo = mid + 1;
    else hi = mid;
  }
  let r: Draft | undefined;
  for (let k = lo; k < reported.length && reported[k]!.start < before.end; k++) {
    const d = reported[k]!;
    if (!d.direct && d.speakerText && d.end <= before.end) { r = d; break; }
  }
  if (!r || (previous && previous.end > r.start)) return null;
  return r;
}

const ISSUING = new Set(['issued', 'released', 'published', 'posted', 'sent', 'put']);

/**
 * The subject of "issued a statement" (released a letter, posted a message …) in the sentence right before the one
 * a quote opens, with no quote of its own since, or null.
 */
function issuerBefore(doc: Doc, q: MarkedQuote, para: Paragraph, previous: Draft | undefined): SpeakerPhrase | null {
  const s = doc.sentenceIndexAt(q.open);
  const sentence = doc.sentences[s];
  if (!sentence || s === 0 || /\S/.test(doc.text.slice(Math.max(sentence.start, para.start), q.open))) return null;
  const before = doc.sentences[s - 1]!;
  if ((before.start < para.start && q.open !== para.start) || (previous && previous.end > before.start)) return null;
  for (let v = before.tokenStart; v < before.tokenEnd; v++) {
    if (!ISSUING.has(doc.tokens[v]!.lower)) continue;
    const det = doc.tokens[v + 1];
    const noun = doc.tokens[v + 2];
    if (!det || !noun || !['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(det.lower) || !ISSUED.has(noun.lower)) continue;
    const phrase = subjectBefore(doc, v, before.tokenStart);
    if (phrase && !phrase.pronoun) return phrase;
  }
  return null;
}

/** Nouns that report someone else's words: a short quote in their clause is that someone's. */
const SPEECH_NOUNS = new Set(['claim', 'claims', 'allegation', 'allegations', 'accusation', 'accusations', 'statement', 'statements', 'remarks', 'words', 'assertion', 'assertions', 'charge', 'charges', 'suggestion', 'suggestions', 'description']);

/** Nouns for words called out: a quote they introduce with "of" is what was called, however short ("chants of “…”"). */
const CRIES = new Set(['chant', 'chants', 'cry', 'cries', 'shout', 'shouts', 'shouting', 'chanting', 'chorus', 'choruses', 'slogan', 'slogans', 'yell', 'yells', 'screams', 'cheers', 'roar']);

/** "with chants of “…”", "to cries of ‘…’": a cry noun and "of" right before the opening mark. */
function cryOf(doc: Doc, q: MarkedQuote): boolean {
  const open = doc.tokenIndexAt(q.open);
  return doc.tokens[open - 1]?.lower === 'of' && CRIES.has(doc.tokens[open - 2]?.lower ?? '');
}

/** Between the verb at `v` and the token `open`, "claims that …": the quote is the claim's, not the verb subject's. */
function othersWords(doc: Doc, v: number, open: number): boolean {
  for (let k = v + 1; k < open; k++) if (SPEECH_NOUNS.has(doc.tokens[k]!.lower) && doc.tokens[k + 1]?.lower === 'that') return true;
  return false;
}

/** The offset where the line holding `offset` starts. */
function paragraphStart(doc: Doc, offset: number): number {
  return doc.text.lastIndexOf('\n', offset - 1) + 1;
}

/** "Osmani: “…”", "NATO chief: '…'": a short noun phrase opening its line or sentence, then a colon, then the quote. */
function colonIntroduced(doc: Doc, q: MarkedQuote, para: Paragraph): Attribution | null {
  const open = doc.tokenIndexAt(q.open);
  const colon = open - 1;
  if (colon < 0 || doc.tokens[colon]!.lower !== ':' || doc.tokens[colon]!.start < para.start) return null;
  const sentenceStart = doc.sentences[doc.tokens[colon]!.sentence]!.tokenStart;
  const lineStart = doc.tokenIndexAt(para.start);
  const phrase = nounPhraseLeft(doc, colon - 1, Math.max(sentenceStart, lineStart));
  if (!phrase || !phrase.heads.length || colon - doc.tokenIndexAt(phrase.start) > 6) return null;
  const first = doc.tokenIndexAt(phrase.start);
  if (first !== sentenceStart && first !== lineStart) return null;
  return { phrase, verb: doc.tokens[colon]!, distance: 0 };
}

/** A closed quote followed by a dash and the name of a person of the document: the name is the speaker. */
function dashSigned(doc: Doc, q: MarkedQuote, para: Paragraph, index: MentionIndex): Attribution | null {
  if (!q.closed) return null;
  const dash = /^[\s,.]*[\u2014\u2013-]\s*/.exec(doc.text.slice(q.close + 1, para.end));
  if (!dash) return null;
  const first = doc.tokenIndexAt(q.close + 1 + dash[0].length);
  const end = doc.tokenIndexAt(para.end);
  const phrase = nounPhraseRight(doc, first, end);
  if (!phrase || phrase.pronoun) return null;
  const entity = speakerEntity(index, phrase.heads);
  if (entity?.type !== 'PERSON') return null;
  return { phrase, verb: doc.tokens[first - 1]!, distance: 0 };
}

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * One quote once: a quote in the headline whose words a quote in the body repeats ("Mayor says bridge will reopen"
 * over "the bridge will reopen in June, the mayor said") is the body's, and only that one is kept.
 */
function withoutHeadlineEchoes(drafts: Draft[], headline: Paragraph | undefined): Draft[] {
  if (!headline) return drafts;
  const body = drafts.filter((d) => d.start >= headline.end).map((d) => new Set(wordsOf(d.text)));
  return drafts.filter((d) => {
    if (d.end > headline.end) return true;
    const words = wordsOf(d.text);
    return !body.some((b) => words.filter((w) => b.has(w)).length >= 0.8 * words.length);
  });
}

/** Words that introduce a name: "named “…”", "known as “…”". */
const NAMING = new Set(['named', 'called', 'titled', 'entitled', 'dubbed', 'nicknamed', 'labelled', 'labeled', 'renamed', 'codenamed']);

/** Whether a naming word stands right before the quote's opening mark, or before an article before it. */
function namedAs(doc: Doc, q: MarkedQuote): boolean {
  let before = doc.tokens[doc.tokenIndexAt(q.open) - 1];
  // "dubbed the “Hanoi Hilton”"
  if (before && ['the', 'a', 'an'].includes(before.lower)) before = doc.tokens[before.i - 1];
  if (!before) return false;
  return NAMING.has(before.lower) || (before.lower === 'as' && ['known', 'referred', 'billed'].includes(doc.tokens[before.i - 1]?.lower ?? ''));
}

/** Words in a name that stay lower case ("Better Idea of Afghan Girls"). */
const NAME_FUNCTION_WORDS = new Set(['of', 'and', 'the', 'a', 'an', 'in', 'on', 'for', 'to', 'de', 'at']);

/** A name of up to eight words, each capitalised but its function words ("Anonymous", "Ask Dr. Mike"). */
function capitalisedName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 8 || !/^\p{Lu}/u.test(words[0] ?? '')) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_FUNCTION_WORDS.has(w));
}

/** Most words capitalised and no sentence end: a name or a title, not a sentence someone said. */
function titleLike(text: string): boolean {
  if (/[.!?…]["”’']?$/.test(text.trim())) return false;
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length >= 4);
  if (words.length < 2) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

/** A closed quote at the start of its line, then a dash and a tail with no verb ("“…” — The Daily, 5 May 2010"). */
function citedHeadline(doc: Doc, q: MarkedQuote, para: Paragraph): boolean {
  // The quote opens the line or a sentence in it ("Jane Doe. “…” — The Daily, …", a reference list).
  if (!q.closed || !(q.open === para.start || /[.!?]\s+$/.test(doc.text.slice(para.start, q.open)))) return false;
  const tail = doc.text.slice(q.close + 1, para.end);
  if (!/^\s*[—–-]\s/.test(tail)) return false;
  return !doc.tokensIn({ start: q.close + 1, end: para.end }).some((t) => t.pos === 'VERB');
}

function markedShare(span: Span, marked: readonly MarkedQuote[]): number {
  let covered = 0;
  for (const q of marked) covered += Math.max(0, Math.min(span.end, q.end) - Math.max(span.start, q.start));
  return covered / Math.max(1, span.end - span.start);
}

/** A membership test for sorted, non-overlapping spans. */
function spanTest(spans: readonly Span[]): (offset: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (offset) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.start <= offset;
  };
}
