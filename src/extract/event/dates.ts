/**
 * An event's date. Stated: the time expression the parse attaches to the event's predicate (an obl/obl:tmod/
 * advmod of the verb, an nmod of the event noun) or, failing that, to the nearest predicate that governs the
 * event's clause ("In June the EU met and agreed ...") — never across a relative clause, a parenthetical, or a
 * reporting verb (a time on "said" dates the saying, which is the event only for speech acts). Report: an event
 * the text asserts in the past or present tense ("police detained 400 people", "Turkey backs Azerbaijan") with no
 * time of its own happened by (or holds at) the report's date, and gets that date marked `basis: "report"`. No
 * date is given to what the text does not assert as an act of the report's days: habits and background
 * ("often", "previously"), the future, the hypothetical, the negated.
 */
import type { DateBasis, EventRecord, TimeExpression } from '../../model/types.js';
import type { Doc } from '../../nlp/doc.js';
import { relIs, type SyntaxTree } from '../../nlp/syntax/tree.js';
import { calendarValue, daysBetween, daysInMonth, parseAnyValue, parseValue, parseYmd } from '../time/calendar.js';
import { wordTense } from '../time/tense.js';
import { anaphoricDate, definiteEventNoun } from './anaphoric-dates.js';
import { spanStartDate } from './span-dates.js';

export type EventDate = NonNullable<EventRecord['date']>;

/** What the date of one event is read from. */
export interface EventDateInput {
  doc: Doc;
  /** The document's time expressions. */
  times: readonly TimeExpression[];
  /** The event's sentence: its index in doc.sentences and its character span. */
  sentence: number;
  /** The sentence's parse, or null: the word rules then apply. */
  tree: SyntaxTree | null;
  /** The trigger's first and last Doc token. */
  first: number;
  last: number;
  /** Speech acts (accusing, threatening, demanding) are dated by a time on the reporting verb. */
  speechAct: boolean;
}

/** Reporting verbs by lemma: a time on one dates the saying, not what is said. */
export const REPORTING_LEMMAS: ReadonlySet<string> = new Set([
  'say', 'tell', 'state', 'announce', 'add', 'claim', 'note', 'stress', 'emphasize', 'emphasise', 'underline', 'insist',
  'confirm', 'report', 'declare', 'explain', 'believe', 'think', 'argue', 'write', 'recall', 'reiterate', 'indicate',
  'warn', 'allege', 'suggest', 'acknowledge', 'admit', 'deny',
]);

/** Markers of a clause that completes its verb rather than adding to it ("accused X of …", "blamed Y for …"). */
const COMPLEMENT_MARKS = new Set(['of', 'for']);

/** How a clause may hang below the predicate that carries a time and still be dated by it. */
const GOVERNED = ['xcomp', 'ccomp', 'advcl', 'conj', 'obj', 'obl', 'nsubj', 'nsubj:pass', 'compound', 'nmod', 'acl', 'amod', 'csubj'];

/**
 * The date the text states for the event: the time the tree attaches to its predicate or to a predicate that
 * governs its clause; without a parse, the nearest time in the sentence not across a relative pronoun, a
 * semicolon or (for other than speech acts) a reporting verb. Null when none.
 */
export function statedDate(input: EventDateInput): EventDate | null {
  const t = attachedTime(input, (x) => eventValue(x) !== null);
  return t ? { value: eventValue(t)!, text: t.text, basis: 'stated' } : null;
}

/**
 * Index of the first time starting at or after `offset`. The times layer is in text order: a sentence's times are
 * found by a binary search, not by reading the whole document's times for every trigger.
 */
function firstTimeFrom(times: readonly TimeExpression[], offset: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The time expression of the sentence that dates the event, among those `usable` accepts: one on the predicate
 * (or the trigger's words) first, then one on a nominal argument of it ("at a meeting on Monday"; "the military on
 * Friday accused", as the parser may hang it), then one on the nearest predicate governing its clause, and last one
 * inside the event's own clause (not in a relative clause or a reported one). Without a parse, the nearest by words.
 */
export function attachedTime(input: EventDateInput, usable: (t: TimeExpression) => boolean): TimeExpression | null {
  const { doc, times, tree } = input;
  const s = doc.sentences[input.sentence];
  if (!s) return null;
  const inSentence: TimeExpression[] = [];
  for (let k = firstTimeFrom(times, s.start); k < times.length && times[k]!.start < s.end; k++) {
    const t = times[k]!;
    if (t.end <= s.end && usable(t) && !acrossOrdering(doc, s, t, input.first)) inSentence.push(t);
  }
  if (!inSentence.length) return null;
  if (!tree) return nearestTime(input, inSentence);
  const trigger = tree.wordsOfTokens(input.first, input.last);
  const p = tree.headOf(trigger);
  // A trigger the parser did not read as a verb or a noun ("purged" as an adjective): its attachments mislead.
  if (p < 0 || !TRIGGER_POS.has(tree.word(p).upos)) return nearestTime(input, inSentence);
  // An event noun's verb ("hold a meeting"): a time on another argument of that verb dates it too, as the parser
  // may hang "on June 7th" on whichever noun comes before it ("a meeting in Sarajevo, the capital, on June 7th").
  // Not across "after"/"before": "will meet on Monday after weeks of protests" does not date the protests.
  const g = tree.word(p).upos === 'NOUN' || tree.word(p).upos === 'PROPN' ? tree.governorOf(p) : null;
  const light = g && !(g.marker !== null && ORDERING.has(g.marker)) ? g.verb : -1;
  let best: { t: TimeExpression; score: number } | null = null;
  for (const t of inSentence) {
    const a = attachment(tree, t);
    if (a < 0) continue;
    let score = -1;
    if (a === p || trigger.includes(a)) score = 100;
    else if (NOMINAL_ARGUMENT.has(tree.word(a).rel) && tree.head(a) === p) score = 80;
    else if (light >= 0 && NOMINAL_ARGUMENT.has(tree.word(a).rel) && tree.head(a) === light) score = 70;
    else if (beginsEvent(tree, a, p)) score = 65;
    else {
      const up = governs(tree, a, p, input.speechAct);
      if (up > 0) score = 60 - up;
      else {
        const down = governs(tree, p, a, false, true);
        if (down > 0) score = 20 - down;
      }
    }
    if (score > 0 && (!best || score > best.score)) best = { t, score };
  }
  return best?.t ?? null;
}

const TRIGGER_POS = new Set(['VERB', 'AUX', 'NOUN', 'PROPN']);

/** Words that open a phrase placing another act before or after the one it is attached to. */
const ORDERING_WORDS = new Set(['after', 'before', 'following']);

/**
 * Whether a time and the trigger lie on two sides of an "after"/"before" phrase's edge, by words: the phrase runs
 * from the ordering word to the next comma, semicolon or dash, or the sentence's end. "Two days after Tarsk
 * shelled Valmora on Monday, Ostrava condemned it": Monday dates the shelling, not the condemnation; "Tarsk struck
 * in May, weeks before Ostrava sanctioned it": May is not the sanctions'. A backstop for the parse, which often
 * hangs such a phrase on the wrong verb. Only a phrase with a verb ("after midnight on Monday" dates the act it is
 * on), and not "since" and "until": they bound the act itself.
 */
function acrossOrdering(doc: Doc, s: Doc['sentences'][number], t: TimeExpression, trigger: number): boolean {
  const time = doc.tokenIndexAt(t.start);
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (!ORDERING_WORDS.has(doc.tokens[k]!.lower)) continue;
    let end = k + 1;
    let clause = false;
    for (; end < s.tokenEnd && !/^[,;–—-]$/.test(doc.tokens[end]!.text); end++) if (doc.tokens[end]!.pos === 'VERB') clause = true;
    // Only a phrase with a verb of its own tells another act: "shortly after midnight on Monday", "before dawn on
    // Sunday" date the act they are attached to.
    if (!clause) continue;
    const inside = (i: number) => i > k && i < end;
    if (inside(time) !== inside(trigger)) return true;
  }
  return false;
}

/** Verbs whose subject is an event and whose time is its start: "the protests, which began in June". */
const ASPECTUAL = new Set(['begin', 'start', 'erupt', 'break', 'resume', 'commence']);
/** Verbs that say when their subject, an event, took place: "the attack, which happened on Sunday". */
const LOCATING = new Set(['happen', 'occur', 'unfold']);

/** Whether `a` begins or places its subject in time: an aspectual or locating verb, or "take place". */
function timesItsSubject(tree: SyntaxTree, a: number): boolean {
  const lemma = tree.lemma(a);
  if (ASPECTUAL.has(lemma) || LOCATING.has(lemma)) return true;
  return lemma === 'take' && tree.dependents(a, 'obj', 'compound').some((d) => tree.lower(d) === 'place');
}

/**
 * Whether `a` is an aspectual or locating verb whose subject is the event noun `p`: its relative clause ("which
 * began in June", "which took place on Sunday"), or a clause inside the noun's phrase whose subject is a pronoun
 * for it ("the blockade since it began in September").
 */
function beginsEvent(tree: SyntaxTree, a: number, p: number): boolean {
  if (!timesItsSubject(tree, a)) return false;
  // "Tarsk condemned the attack on Valmora, which happened on Sunday": a relative pronoun right after the noun's
  // phrase stands for the noun, wherever the parser hung its clause (here on "condemned").
  const own = tree.dependent(a, 'nsubj');
  if (own >= 0 && relativeAfter(tree, p, own)) return true;
  const subject = tree.subjectOf(a);
  if (!subject) return false;
  if (subject.word === p) return true;
  const pronoun = tree.word(subject.word).upos === 'PRON' || /^(it|which|that)$/.test(tree.lower(subject.word));
  if (!pronoun) return false;
  const h = tree.head(a);
  if (h === p || tree.dominates(p, a) || withinPhraseOf(tree, p, h)) return true;
  // "The toll of its blockade since it began in June alarmed Tarsk", the clause hung on the main verb: the noun
  // inside that verb's subject.
  const outer = tree.subjectOf(h);
  return !!outer && outer.via === 'own' && withinPhraseOf(tree, p, outer.word);
}

/**
 * Whether word `r` is a relative "which"/"that" right after event noun `p` or after a name in its phrase ("the
 * attack on Valmora, which …": names do not happen or begin), a comma between allowed. Not after another common
 * noun, which may be the event meant ("the raid on the march, which began at noon").
 */
function relativeAfter(tree: SyntaxTree, p: number, r: number): boolean {
  const upos = tree.word(p).upos;
  if ((upos !== 'NOUN' && upos !== 'PROPN') || !/^(which|that)$/.test(tree.lower(r))) return false;
  let k = r - 1;
  while (k >= 0 && tree.word(k).upos === 'PUNCT') k--;
  return k >= 0 && (k === p || (tree.word(k).upos === 'PROPN' && tree.dominates(p, k)));
}

/**
 * Whether noun `p` lies inside the noun phrase headed by `h`, through "of" phrases and possessors: the parser may
 * hang a clause about the event on the phrase's head ("the effect of its blockade since it began in June").
 */
function withinPhraseOf(tree: SyntaxTree, p: number, h: number): boolean {
  let k = p;
  for (let steps = 0; steps < 3 && k >= 0; steps++) {
    const w = tree.word(k);
    if (!relIs(w.rel, 'nmod') && w.rel !== 'compound') return false;
    k = w.head;
    if (k === h) return true;
  }
  return false;
}

/** A nominal argument of a predicate, whose time dates the predicate. */
const NOMINAL_ARGUMENT = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl']);

/**
 * The date of an event the text does not date itself: the report's, when the event is an asserted (or reported)
 * act in the past tense, not negated, not habitual; or one going on as the report is written ("is imposing
 * sanctions", "Turkey backs Azerbaijan", "the opposition accuses"): news writes the simple present of what holds
 * now, and the date says so as "≤ report date". Null otherwise, and always without a report date.
 */
export function reportDate(
  input: EventDateInput,
  event: Pick<EventRecord, 'negated' | 'modality'>,
  report: string | null,
): EventDate | null {
  if (!report) return null;
  if (event.modality !== 'asserted' && event.modality !== 'reported') return null;
  // Every tense actTense names (past, progressive, present) is an act by or at the report; null is the rest. A
  // denial in a past form ("it never fired on the town", "did not attack") is dated like the act it denies; "has not
  // joined" is a standing state, and stays undated.
  const tense = actTense(input);
  if (event.negated) return tense === 'past' && !perfectOfHave(input) ? { value: report, text: '', basis: 'report' } : null;
  return tense !== null ? { value: report, text: '', basis: 'report' } : null;
}


/** Words by which a sentence places its act in time itself, relative to something else. */
const OWN_TIME_WORDS = new Set(['before', 'after', 'since', 'until', 'ago', 'later', 'earlier', 'days', 'weeks', 'months', 'years', 'previously', 'recently', 'then']);

/**
 * Sentences back, within the paragraph, from which a scene's time carries when the sentence between has none. At
 * three, acts a few sentences after "within hours" or a time on a participle ("jets deployed there earlier this
 * month") took a time the text had moved on from.
 */
const CONTEXT_REACH = 2;

/**
 * A past act told after a sentence that dates its scene, in the same paragraph ("Farmers blocked the motorway on
 * Friday. Officers arrested thirty of them."; "When the regime fell in March, the army crossed the river. It took
 * three villages …"): news carries the time of the scene on until it names another, as TimeML's narrative
 * anchoring does. The scene may lie two or three sentences back when the sentences between name no time at all (a
 * quotation, a remark on the act): the first sentence back with a time expression decides, and one with a time
 * that is no calendar date ("for years") or that places its act by words of its own ("hours later", "the past two
 * months") stops the carrying: the text has moved the time on. Only a simple past (not "has joined", a state up to
 * now) or an event noun the text calls recent ("his recent visit"), only where the scene's sentence has one
 * calendar time (or times that narrow each other) not after the report, and only across no paragraph break.
 */
function contextDate(input: EventDateInput, event: Pick<EventRecord, 'modality'>, report: string): EventDate | null {
  const { doc, times, sentence } = input;
  if (sentence < 1 || (event.modality !== 'asserted' && event.modality !== 'reported')) return null;
  const recent = recentNoun(input);
  if (!(actTense(input) === 'past' && !perfectOfHave(input)) && !recent) return null;
  const here = doc.sentences[sentence]!;
  // "A week before the summit", "months later": the sentence places its act by words of its own.
  if (placesItself(doc, here)) return null;
  let after = here;
  for (let back = sentence - 1; back >= 0 && back >= sentence - CONTEXT_REACH; back--) {
    const before = doc.sentences[back]!;
    if (doc.text.slice(before.end, after.start).includes('\n')) return null;
    const k0 = firstTimeFrom(times, before.start);
    if (k0 < times.length && times[k0]!.start < before.end) {
      const scene = sceneTime(times, k0, before.end, report);
      // "Recent" is near the report: a scene years before it is another time.
      return scene && recent && !nearReport(scene.value, report) ? null : scene;
    }
    if (placesItself(doc, before)) return null;
    after = before;
  }
  return null;
}

/** Whether a sentence places its act by words of its own, relative to another time ("days later", "since"). */
function placesItself(doc: Doc, s: Doc['sentences'][number]): boolean {
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (OWN_TIME_WORDS.has(doc.tokens[k]!.lower)) return true;
  return false;
}

/** Days before the report within which a time may be what the text calls "recent". */
const RECENT_DAYS = 62;

/** Whether a date value (day, month or year) ends no more than RECENT_DAYS before the report's date. */
function nearReport(value: string, report: string): boolean {
  const r = parseYmd(report);
  const v = parseValue(value);
  if (!r || !v) return false;
  const { y, m } = v.at;
  const end = v.granularity === 'year' ? { y, m: 12, d: 31 } : v.granularity === 'month' ? { y, m, d: daysInMonth(y, m) } : v.at;
  return daysBetween(end, r) <= RECENT_DAYS;
}

/**
 * The time a scene's sentence sets, from its first time expression (index `k0`) to its end: one calendar time, or
 * times that narrow each other ("March" and "last year": 2024-03 within 2024), the finest; null for times that
 * disagree, are after the report or are no calendar date.
 */
function sceneTime(times: readonly TimeExpression[], k0: number, end: number, report: string): EventDate | null {
  let found: TimeExpression | null = null;
  let value = '';
  for (let k = k0; k < times.length && times[k]!.start < end; k++) {
    const t = times[k]!;
    if (t.end > end) continue;
    const v = eventValue(t);
    if (!v || v > report) continue;
    if (found && !v.startsWith(value) && !value.startsWith(v)) return null;
    if (v.length > value.length) [found, value] = [t, v];
  }
  return found ? { value, text: found.text, basis: 'context' } : null;
}

/** Adjectives that place an event noun in the past without a date: "his recent visit", "the previous talks". */
const PAST_ADJECTIVES = new Set(['recent', 'previous', 'earlier']);

/** Whether the event is a noun the text calls recent or previous (an act before the report, of unstated date). */
function recentNoun(input: EventDateInput): boolean {
  const { tree } = input;
  if (!tree) return false;
  const p = tree.headOf(tree.wordsOfTokens(input.first, input.last));
  if (p < 0 || (tree.word(p).upos !== 'NOUN' && tree.word(p).upos !== 'PROPN')) return false;
  return tree.dependents(p, 'amod').some((a) => PAST_ADJECTIVES.has(tree.lower(a)));
}

/** The basis of a stored event date, from its text: the report's date has no words. */
export function dateBasisOf(date: { text: string | null; basis?: DateBasis } | null | undefined): DateBasis | null {
  if (!date) return null;
  return date.basis ?? (date.text ? 'stated' : 'report');
}

/** The value an event date takes from a time: a calendar date, month or year (a week its month, a season its year). */
function eventValue(t: TimeExpression): string | null {
  if (t.value === null) return null;
  const r = parseAnyValue(t.value);
  return r ? calendarValue(r) : null;
}

/** The word a time expression hangs from: the head of the head of its words (past a conjoined or apposed time). */
function attachment(tree: SyntaxTree, t: TimeExpression): number {
  const words = tree.words.filter((w) => w.end > t.start && w.start < t.end).map((w) => w.i);
  if (!words.length) return -1;
  let k = tree.headOf(words);
  for (let steps = 0; steps < 4 && k >= 0; steps++) {
    const w = tree.word(k);
    if (w.head < 0) return -1;
    if (w.rel === 'conj' || w.rel === 'appos') {
      // "in March and April", "on Monday, March 3": the first time's attachment.
      const h = tree.word(w.head);
      if (h.upos === 'NOUN' || h.upos === 'PROPN' || h.upos === 'NUM') {
        k = w.head;
        continue;
      }
    }
    return w.head;
  }
  return -1;
}

/**
 * Whether predicate `a` governs `p`'s clause: `a` dominates `p` through complements, adverbial clauses,
 * conjuncts and arguments, not through a relative clause, a parenthetical, or (unless `speechAct`) the
 * complement of a reporting verb; with `complementsOnly`, not through an adverbial clause or a conjunct either.
 * Returns the number of steps, or 0 when it does not.
 */
function governs(tree: SyntaxTree, a: number, p: number, speechAct: boolean, complementsOnly = false): number {
  let steps = 0;
  for (let k = p; k >= 0 && steps <= 8; k = tree.head(k)) {
    if (k === a) return steps;
    const w = tree.word(k);
    if (w.head < 0) return 0;
    if (w.rel === 'acl:relcl' || w.rel === 'parataxis' || w.rel === 'appos' || w.rel === 'list') return 0;
    if (!GOVERNED.some((r) => relIs(w.rel, r))) return 0;
    // Looking into the event's own clause, an adverbial clause or a conjunct is another event.
    // ("accused X of violating …", parsed as an adverbial clause marked "of", is the charge, a complement.)
    if (complementsOnly && w.rel === 'conj') return 0;
    // "jets deployed there earlier this month shot down …": a participle on a noun tells of the noun, not the act.
    // "accused X of rigging last month's vote", the charge parsed as a clause on X, is a complement still.
    if (complementsOnly && w.rel === 'acl' && !complementMarked(tree, k)) return 0;
    if (complementsOnly && relIs(w.rel, 'advcl') && !complementMarked(tree, k)) return 0;
    const h = w.head;
    // "On 3 May the cabinet announced it would shut the crossings": a measure announced for the days ahead is
    // decided when it is announced, and the announcement's time dates it.
    const decided = tree.lemma(h) === 'announce' && tree.dependents(k, 'aux').some((x) => tree.lower(x) === 'would' || tree.lower(x) === 'will');
    if (!speechAct && !decided && (relIs(w.rel, 'ccomp') || relIs(w.rel, 'xcomp')) && REPORTING_LEMMAS.has(tree.lemma(h))) return 0;
    // "will meet on Monday after weeks of protests", "before the invasion": what the governor is placed after or
    // before happened at another time, so its time is not the event's.
    if (!complementsOnly && (relIs(w.rel, 'obl') || relIs(w.rel, 'nmod') || relIs(w.rel, 'advcl')) && ORDERING.has(tree.caseOf(k) ?? markOf(tree, k))) return 0;
    steps++;
  }
  return 0;
}

/** Whether clause `k` is marked as completing its verb ("of violating", "for shelling"). */
function complementMarked(tree: SyntaxTree, k: number): boolean {
  return tree.dependents(k, 'mark').some((m) => COMPLEMENT_MARKS.has(tree.lower(m)));
}

/** Prepositions and subordinators that place one event before or after another. */
const ORDERING = new Set(['after', 'before', 'since', 'following', 'until', 'prior']);

function markOf(tree: SyntaxTree, k: number): string {
  const m = tree.dependents(k, 'mark', 'case')[0];
  return m === undefined ? '' : tree.lower(m);
}

/** Without a parse: the nearest time in the sentence not across a relative pronoun, a semicolon or a reporting verb. */
/** Tokens between a trigger and a time expression beyond which the time is not the event's. */
const MAX_TIME_DISTANCE = 60;

function nearestTime(input: EventDateInput, times: readonly TimeExpression[]): TimeExpression | null {
  const { doc } = input;
  const at = doc.tokens[input.first]!.start;
  let best: TimeExpression | null = null;
  let bestDistance = Infinity;
  for (const t of times) {
    const distance = t.start >= at ? t.start - at : at - t.end;
    if (distance >= bestDistance) continue;
    const from = Math.min(doc.tokenIndexAt(t.start), input.first);
    const to = Math.max(doc.tokenIndexAt(t.end - 1), input.first);
    // A time this far from the trigger does not date it, and scanning the words between every pair would grow with
    // the square of a run-on sentence's length.
    if (to - from > MAX_TIME_DISTANCE) continue;
    let crosses = false;
    for (let k = from + 1; k < to && !crosses; k++) {
      const w = doc.tokens[k]!;
      if (w.lower === 'which' || w.lower === 'who' || w.lower === ';') crosses = true;
      if (!input.speechAct && REPORTED_WORDS.has(w.lower) && w.pos === 'VERB') crosses = true;
    }
    if (crosses) continue;
    best = t;
    bestDistance = distance;
  }
  return best;
}

const REPORTED_WORDS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'announced', 'added', 'claimed', 'claims', 'noted',
  'stressed', 'insisted', 'confirmed', 'reported', 'declared', 'explained', 'argued', 'wrote', 'warned',
]);

/** Adverbs that make an act a habit or a background fact, not an event of the report's days. */
const HABITUAL = new Set([
  'previously', 'repeatedly', 'often', 'always', 'usually', 'long', 'frequently', 'traditionally', 'historically',
  'regularly', 'routinely', 'once', 'formerly', 'never', 'ever', 'typically', 'generally',
  // Before the report's days, by its own words: the report's date would put it in the wrong week or month.
  'recently', 'earlier', 'already', 'lately',
]);

type ActTense = 'past' | 'progressive' | 'present' | null;

/**
 * The tense of the event's act: its predicate (for an event noun, the verb that governs it) as a simple past, a
 * present perfect or a past passive (`past`), a present progressive (`progressive`), a simple present (`present`);
 * null for the future, a modal, an infinitive, or a habit ("previously", "often").
 */
/** Whether the act is in the present perfect ("has not joined"): a state up to now, not a dated act. */
function perfectOfHave(input: EventDateInput): boolean {
  const { tree } = input;
  if (!tree) return false;
  let p = tree.headOf(tree.wordsOfTokens(input.first, input.last));
  // An event noun is in the perfect of the verb that governs it ("a blockade … has turned the roads into traps").
  if (p >= 0 && (tree.word(p).upos === 'NOUN' || tree.word(p).upos === 'PROPN')) p = tree.governorOf(p)?.verb ?? -1;
  return p >= 0 && tree.dependents(p, 'aux').some((a) => tree.lemma(a) === 'have' && tree.word(a).xpos !== 'VBD');
}

function actTense(input: EventDateInput): ActTense {
  const { doc, tree } = input;
  if (!tree) {
    const t = doc.tokens[input.first]!;
    return wordTense(doc, t.start, t.end) === 'past' ? 'past' : null;
  }
  let p = tree.headOf(tree.wordsOfTokens(input.first, input.last));
  if (p < 0) return null;
  const w = tree.word(p);
  if (w.upos === 'NOUN' || w.upos === 'PROPN') {
    const g = tree.governorOf(p);
    if (!g) return null;
    p = g.verb;
  }
  return tenseOfAct(tree, p, 0);
}

function tenseOfAct(tree: SyntaxTree, p: number, depth: number): ActTense {
  if (p < 0 || depth > 4) return null;
  const w = tree.word(p);
  if (tree.dependents(p, 'advmod').some((a) => HABITUAL.has(tree.lower(a)))) return null;
  const auxes = tree.dependents(p, 'aux', 'aux:pass');
  if (auxes.some((a) => tree.word(a).xpos === 'MD' || tree.lower(a) === 'to')) return null;
  if (auxes.some((a) => tree.word(a).xpos === 'VBD')) return 'past'; // "was detained", "had sent", "did not"
  if (auxes.some((a) => tree.lemma(a) === 'have') && w.xpos === 'VBN') return 'past'; // "has sent"
  if (w.xpos === 'VBG' && auxes.some((a) => tree.lemma(a) === 'be' && (tree.word(a).xpos === 'VBZ' || tree.word(a).xpos === 'VBP'))) {
    return 'progressive'; // "is imposing"
  }
  if (auxes.length) return null; // "are blocked", "do not"
  if (w.xpos === 'VBD') return 'past';
  if (w.xpos === 'VBZ' || w.xpos === 'VBP') return 'present';
  // A participle or gerund without auxiliaries takes its clause's tense ("… clashed, injuring dozens").
  if ((w.xpos === 'VBG' || w.xpos === 'VBN') && w.head >= 0 && (relIs(w.rel, 'advcl') || w.rel === 'conj' || relIs(w.rel, 'xcomp'))) {
    const up = tenseOfAct(tree, w.head, depth + 1);
    return up === 'past' || up === 'present' ? up : null;
  }
  // "Footage shows a drone (…) striking a tank": what a picture or a witness shows or saw was done by the report.
  if ((w.xpos === 'VBG' || w.xpos === 'VBN') && w.head >= 0 && relIs(w.rel, 'acl') && shownAct(tree, w.head)) return 'past';
  // "It was prepared to hold talks", "is ready to send troops": a readiness stated is an offer of the
  // statement's days, dated as "offered to send" is.
  // (The parser reads "was prepared" as an adjective after a copula or as a passive: the form is what counts.)
  if (w.xpos === 'VB' && w.head >= 0 && READINESS.has(tree.lower(w.head)) && tree.dependents(p, 'mark').some((m) => tree.lower(m) === 'to')) {
    const be = tree.dependents(w.head, 'cop', 'aux:pass');
    // "will be ready", "would be willing": a readiness to come (an aux other than the passive's "was").
    if (be.length !== 1 || tree.dependents(w.head, 'aux').some((a) => tree.word(a).rel === 'aux')) return null;
    const x = tree.word(be[0]!).xpos;
    return x === 'VBD' ? 'past' : x === 'VBZ' || x === 'VBP' ? 'present' : null;
  }
  return null;
}

/** Verbs of showing, whose object's participle ("shows troops firing") is an act that took place. */
const SHOWING = new Set(['show', 'depict', 'capture', 'film', 'record']);
/** Verbs of seeing, the same in the past only: "analysts see Tarsk attacking again" is a forecast. */
const SEEING = new Set(['see', 'watch', 'witness']);

/** Words of readiness, by form: "ready to", "prepared to", "willing to". */
const READINESS = new Set(['ready', 'prepared', 'willing']);

/** Whether noun `n` is the object of a verb of showing in the past or present ("one video shows a drone"), or of seeing in the past. */
function shownAct(tree: SyntaxTree, n: number): boolean {
  const w = tree.word(n);
  if (w.rel !== 'obj' || w.head < 0) return false;
  const showing = SHOWING.has(tree.lemma(w.head));
  if (!showing && !SEEING.has(tree.lemma(w.head))) return false;
  const t = tenseOfAct(tree, w.head, 4);
  return t === 'past' || (showing && t === 'present');
}

/** "Has trained 9,000 soldiers in the four years since …": the span's start, for an asserted act not denied. */
function spanDate(input: EventDateInput, e: EventRecord, report: string): EventDate | null {
  const { tree } = input;
  if (!tree || e.negated || (e.modality !== 'asserted' && e.modality !== 'reported')) return null;
  let p = tree.headOf(tree.wordsOfTokens(input.first, input.last));
  if (p >= 0 && (tree.word(p).upos === 'NOUN' || tree.word(p).upos === 'PROPN')) p = tree.governorOf(p)?.verb ?? -1;
  return p < 0 ? null : spanStartDate(tree, p, report, input.doc.text);
}

/**
 * The event that is the subject of `e`'s verb, in its sentence ("the raid killed ten": the raid), when `e` is an
 * asserted, not denied act in the simple past: what an event did happened when it did.
 */
function causingEvent(doc: Doc, events: readonly EventRecord[], index: number, treeOf: (sentence: number) => SyntaxTree | null): EventRecord | null {
  const e = events[index]!;
  if (e.negated || (e.modality !== 'asserted' && e.modality !== 'reported')) return null;
  const sentence = doc.sentenceIndexAt(e.trigger.start);
  const tree = treeOf(sentence);
  if (!tree) return null;
  const p = tree.headOf(tree.wordsOfTokens(doc.tokenIndexAt(e.trigger.start), doc.tokenIndexAt(Math.max(e.trigger.start, e.trigger.end - 1))));
  if (p < 0 || tree.word(p).xpos !== 'VBD' || tree.dependents(p, 'aux', 'aux:pass').length) return null;
  const subject = tree.dependent(p, 'nsubj');
  if (subject < 0) return null;
  const { start, end } = tree.word(subject);
  // `events` is in text order: the subject's event lies among the sentence's, next to this one.
  const s = doc.sentences[sentence]!;
  for (let k = index - 1; k >= 0 && events[k]!.trigger.start >= s.start; k--) {
    const x = events[k]!;
    if (x.trigger.start < end && x.trigger.end > start) return x;
  }
  for (let k = index + 1; k < events.length && events[k]!.trigger.start < s.end; k++) {
    const x = events[k]!;
    if (x.trigger.start < end && x.trigger.end > start) return x;
  }
  return null;
}

/**
 * Gives each event without a stated date the report's date where reportDate allows it. Run after the events'
 * negation and modality are final.
 */
export function withReportDates(
  doc: Doc,
  events: EventRecord[],
  times: readonly TimeExpression[],
  report: string | null,
  treeOf: (sentence: number) => SyntaxTree | null,
): EventRecord[] {
  if (!report) return events;
  // In text order, so that an act named again finds the mentions before it (allegations come last in `events`).
  const ordered = [...events].sort((a, b) => a.trigger.start - b.trigger.start);
  for (const [index, e] of ordered.entries()) {
    if (e.date) continue;
    const sentence = doc.sentenceIndexAt(e.trigger.start);
    const input: EventDateInput = {
      doc, times, sentence, tree: treeOf(sentence),
      first: doc.tokenIndexAt(e.trigger.start), last: doc.tokenIndexAt(Math.max(e.trigger.start, e.trigger.end - 1)), speechAct: false,
    };
    // A time the text gives the event but no calendar date can hold ("in the late 1990s", "two decades on") still
    // dates it: not to the report's days.
    if (attachedTime(input, () => true)) continue;
    // "The attack" after an act told with its time: that act's date, before the scene's or the report's.
    const named = (e.modality === 'asserted' || e.modality === 'reported') && !e.negated && input.tree
      && definiteEventNoun(input.tree, input.first, input.last) ? anaphoricDate(doc, ordered, index) : null;
    e.date = spanDate(input, e, report) ?? named ?? contextDate(input, e, report) ?? reportDate(input, e, report);
  }
  // "Serbia's attack on Kosovo killed ten people": an act whose subject is another event is dated by that event.
  for (const [index, e] of ordered.entries()) {
    if (e.date && dateBasisOf(e.date) !== 'report') continue;
    const cause = causingEvent(doc, ordered, index, treeOf);
    if (cause?.date && dateBasisOf(cause.date) !== 'report') e.date = { value: cause.date.value, text: cause.date.text, basis: 'context' };
  }
  // "Russia has offered to restructure the debt": the act stated through another is dated by it, unless denied.
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const e of events) {
    const governor = e.embeddedIn ? byId.get(e.embeddedIn) : undefined;
    if (!e.date && !e.negated && governor?.date) e.date = { ...governor.date };
  }
  return events;
}
