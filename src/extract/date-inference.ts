/**
 * Inferring a publication date for a document that carries none, from the text's own anchors: the absolute
 * dates and years it mentions, and the datable events it names that the knowledge base knows (summits, an
 * invasion), and the office holders it names by their title. What a text reports in the past tense has happened, so the document is no older than its latest
 * such anchor; what it announces in the future tense has not, so the document is older than that.
 * The point estimate is the last day of the latest past anchor: news mostly reports what just happened.
 */
import type { KbEntry, KbRole, KnowledgeBase } from '../model/types.js';
import type { Doc } from '../nlp/doc.js';
import { foldText } from '../nlp/fold.js';
import { extractTimes } from './times.js';
import { addMonths, compareYmd, formatYmd, lastDayOf, parseValue, type Resolved, type Ymd } from './time/calendar.js';
import { tenseAt } from './time/tense.js';
import { matchKb } from '../kb/matcher.js';

export interface InferredDate {
  /** The point estimate, `YYYY-MM-DD`. */
  date: string;
  /** The interval the inference is sure of (`to` is a working horizon when nothing in the text bounds it). */
  from: string;
  to: string;
}

/** One dated thing the text mentions, and which way it points. */
interface Anchor {
  first: Ymd;
  last: Ymd;
  /** A future mention bounds the date from above; anything else from below. */
  future: boolean;
}

/** When nothing in the text bounds the date from above: this many months after the latest anchor. */
const HORIZON_MONTHS = 12;

/** Words before a year that make it a target or deadline rather than something that happened ("by 2030"). */
const DEADLINE_WORDS = /\b(?:by|until|till|before|through)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$/i;

export function inferPublicationDate(doc: Doc, kb: KnowledgeBase): InferredDate | null {
  const anchors = [...timeAnchors(doc, kb), ...eventAnchors(doc, kb), ...roleAnchors(doc, kb)];
  const past = anchors.filter((a) => !a.future);
  if (past.length === 0) return null;
  let from = past[0]!.first;
  let estimate = past[0]!.last;
  for (const a of past) {
    if (compareYmd(a.first, from) > 0) from = a.first;
    if (compareYmd(a.last, estimate) > 0) estimate = a.last;
  }
  // The earliest future mention that still lies after the lower bound closes the interval.
  let to: Ymd | null = null;
  for (const a of anchors) {
    if (a.future && compareYmd(a.last, from) >= 0 && (!to || compareYmd(a.last, to) < 0)) to = a.last;
  }
  to ??= addMonths(estimate, HORIZON_MONTHS);
  if (compareYmd(estimate, to) > 0) estimate = to;
  return { date: formatYmd(estimate), from: formatYmd(from), to: formatYmd(to) };
}

/** Absolute dates, months and years in the text (decades are too coarse to date a report). */
function timeAnchors(doc: Doc, kb: KnowledgeBase): Anchor[] {
  const out: Anchor[] = [];
  for (const t of extractTimes(doc, { kb, date: null }, {})) {
    if (!t.value || t.granularity === 'decade') continue;
    const resolved = parseValue(t.value);
    if (!resolved) continue;
    const future = tenseAt(doc, t.start, t.end) === 'future' || DEADLINE_WORDS.test(doc.shadow.slice(Math.max(0, t.start - 40), t.start));
    out.push(anchorOf(resolved, future));
  }
  return out;
}

const anchorOf = (r: Resolved, future: boolean): Anchor => ({ first: r.at, last: lastDayOf(r), future });

/**
 * Datable events the KB knows, found by name or alias ("the Madrid summit"), or, for events with a location, as
 * "<place> summit" / "summit in <place>". Where one phrase fits several events (two summits in Brussels), only
 * the earliest is sure.
 */
function eventAnchors(doc: Doc, kb: KnowledgeBase): Anchor[] {
  const out: Anchor[] = [];
  const text = doc.shadow.toLowerCase();
  const byPhrase = new Map<string, KbEntry[]>();
  for (const entry of datedEvents(kb)) {
    for (const phrase of eventPhrases(entry, kb)) {
      const list = byPhrase.get(phrase) ?? [];
      list.push(entry);
      byPhrase.set(phrase, list);
    }
  }
  for (const [phrase, entries] of byPhrase) {
    const at = findPhrase(text, phrase);
    if (at < 0) continue;
    const earliest = entries.reduce((a, b) => (a.date! <= b.date! ? a : b));
    const first = parseValue(earliest.date!);
    if (!first) continue;
    const last = earliest.endDate ? parseValue(earliest.endDate) : null;
    const future = tenseAt(doc, at, at + phrase.length) === 'future';
    out.push({ first: first.at, last: last ? lastDayOf(last) : lastDayOf(first), future });
  }
  return out;
}

/** Words in the title before a name that say the office is not held now: "former Defence Minister X". */
const NOT_CURRENT = /\b(?:former|ex|then|late|outgoing|previous|acting)\b/;

/**
 * A person named under an office they held for a known span ("Defence Minister Aleksandar Vulin", "NATO Deputy
 * Secretary General Rose Gottemoeller"): the report was written while they held it, so its date lies within the
 * role's dates. The start is a lower bound like a past anchor; the end, an upper bound like a future one.
 */
function roleAnchors(doc: Doc, kb: KnowledgeBase): Anchor[] {
  const out: Anchor[] = [];
  const officeNames = new Map(kb.offices.map((o) => [o.id, o.names.map((n) => foldText(n).toLowerCase())]));
  for (const m of matchKb(doc, kb)) {
    if (m.entry.type !== 'PERSON' || !m.entry.roles?.length) continue;
    const first = doc.tokens[m.tokenStart]!;
    const k0 = Math.max(doc.sentences[first.sentence]!.tokenStart, m.tokenStart - 7);
    if (k0 >= m.tokenStart) continue;
    const title = doc.shadow.slice(doc.tokens[k0]!.start, first.start).toLowerCase();
    if (NOT_CURRENT.test(title)) continue;
    // The most specific title that fits ("defence minister" rather than "minister").
    const fit = (r: KbRole) => Math.max(0, ...(officeNames.get(r.office) ?? []).filter((n) => n && title.endsWith(`${n} `)).map((n) => n.length));
    const best = Math.max(0, ...m.entry.roles.map(fit));
    const held = best ? m.entry.roles.filter((r) => fit(r) === best) : [];
    // A title the person held more than once does not say which time.
    if (held.length !== 1) continue;
    const role = held[0]!;
    const from = role.from ? parseValue(role.from) : null;
    const to = role.to ? parseValue(role.to) : null;
    if (from) out.push({ first: from.at, last: from.at, future: false });
    if (to) out.push({ first: to.at, last: lastDayOf(to), future: true });
  }
  return out;
}

const eventCache = new WeakMap<KnowledgeBase, KbEntry[]>();

function datedEvents(kb: KnowledgeBase): KbEntry[] {
  let list = eventCache.get(kb);
  if (!list) {
    list = kb.entries.filter((e) => e.type === 'EVENT' && e.date && parseValue(e.date));
    eventCache.set(kb, list);
  }
  return list;
}

/** Folded, lower-cased phrases that name an event. */
function eventPhrases(entry: KbEntry, kb: KnowledgeBase): string[] {
  const phrases = [entry.name, ...entry.aliases].map(fold);
  const place = entry.location ? kb.byId.get(entry.location) : undefined;
  if (place && (entry.kind === 'summit' || /summit/i.test(entry.name))) {
    for (const name of [place.name, ...place.aliases]) phrases.push(`${fold(name)} summit`, `summit in ${fold(name)}`);
  }
  return [...new Set(phrases.filter((p) => p.length >= 4))];
}

const fold = (s: string): string => foldText(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** The offset of `phrase` as whole words in `text`, or -1. */
function findPhrase(text: string, phrase: string): number {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = text[at + phrase.length] ?? ' ';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return at;
  }
  return -1;
}
