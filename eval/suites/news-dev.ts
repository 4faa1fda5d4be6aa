/**
 * news-dev: 19 real news articles with hand-made gold (../shared/eval/news-dev, its SOURCE.md defines the measures).
 * Each article is analysed as `dossier extract --date <manifest date>` would (read as a file, cleaned, analysed) and
 * scored on entities, direct quotes and their speakers, key PLOVER events (type, actors, negation, date) and time
 * expressions, over all articles and per theatre (balkans / other). Counts are pooled over articles (micro).
 *
 * The matching rules are in the small pure functions below, one per SOURCE.md rule, so that they can be tested on
 * made-up fixtures. The article texts are read at run time only; nothing from them is kept in the project.
 *
 * `NEWS_DEV_MISSES=1 npm run eval -- news-dev` also writes `.tmp/news-dev-misses.txt`: per article, the gold quotes
 * not found or given to the wrong speaker, the key events not found (with what was predicted in their sentence),
 * wrong event dates and wrong or missed time expressions. `NEWS_DEV_MISSES=path` writes it there instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity, EventRecord, Extraction, Quote, Span, TimeExpression } from '../../src/model/types.js';
import { round, type EvalSuite, type Measure } from '../suite.js';

// ---------------------------------------------------------------------------------------------------------------
// Gold

export interface GoldEntity {
  name: string;
  type: string;
  aliases: string[];
  optional?: boolean;
}

export interface GoldQuote {
  speaker: string[];
  text: string;
  optional_speaker?: boolean;
}

export interface GoldEvent {
  source: string[];
  target: string[];
  types: string[];
  hint: string;
  date: string | null;
  negated?: boolean;
  optional?: boolean;
}

export interface GoldTime {
  text: string;
  value: string;
}

export interface GoldDoc {
  date: string;
  entities: GoldEntity[];
  quotes: GoldQuote[];
  events: GoldEvent[];
  times: GoldTime[];
  allowed_extra?: string[];
}

export interface ManifestEntry {
  file: string;
  date: string;
  theatre: string;
}

/** What the scorer reads of one article's analysis: the parts of `dossier extract`'s result it needs. */
export type Prediction = Pick<Extraction, 'entities' | 'quotes' | 'events' | 'times'> & { text: string };

// ---------------------------------------------------------------------------------------------------------------
// Names

/**
 * A name for comparison: case, Unicode diacritics (NFKD, combining marks dropped), curly and straight apostrophes,
 * a trailing possessive 's and a leading "the" are all ignored, and runs of white space are one space.
 */
export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´ʼ]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'s$/, '')
    .replace(/^the /, '')
    .trim();
}

/** The forms a system entity offers: its name, its aliases and the text of its mentions. */
export function systemForms(e: Pick<Entity, 'name' | 'aliases' | 'mentions'>): Set<string> {
  const out = new Set<string>();
  for (const s of [e.name, ...(e.aliases ?? []), ...(e.mentions ?? []).map((m) => m.text)]) {
    const n = normName(s);
    if (n) out.add(n);
  }
  return out;
}

/** The forms a gold entity counts as hit by: its name and its aliases. */
export function goldEntityForms(e: Pick<GoldEntity, 'name' | 'aliases'>): Set<string> {
  return new Set([e.name, ...(e.aliases ?? [])].map(normName).filter(Boolean));
}

/**
 * The forms that match a list of accepted names (speakers, event actors): each name, and the aliases of the gold
 * entity it names, when it names one.
 */
export function acceptedForms(names: string[], entities: GoldEntity[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const n = normName(name);
    if (n) out.add(n);
    const entity = entities.find((e) => normName(e.name) === n);
    if (entity) for (const f of goldEntityForms(entity)) out.add(f);
  }
  return out;
}

const meets = (a: Set<string>, b: Set<string>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

// ---------------------------------------------------------------------------------------------------------------
// Entities

export interface EntityCounts {
  /** Required gold entities, those found, and those found whose matched system entity has the gold type. */
  required: number;
  found: number;
  typed: number;
  /** System PERSON/ORG/GPE entities, and those that match a gold entity (optional ones included) or an allowed extra. */
  system: number;
  systemRight: number;
}

const SCORED_TYPES = new Set(['PERSON', 'ORG', 'GPE']);

export function scoreEntities(gold: Pick<GoldDoc, 'entities' | 'allowed_extra'>, entities: Entity[]): EntityCounts & { missed: GoldEntity[]; wrongType: { gold: GoldEntity; got: string[] }[]; spurious: string[] } {
  const forms = entities.map(systemForms);
  const c = { required: 0, found: 0, typed: 0, system: 0, systemRight: 0, missed: [] as GoldEntity[], wrongType: [] as { gold: GoldEntity; got: string[] }[], spurious: [] as string[] };
  for (const g of gold.entities) {
    if (g.optional) continue;
    c.required++;
    const want = goldEntityForms(g);
    const hits = entities.filter((_, i) => meets(forms[i]!, want));
    if (!hits.length) {
      c.missed.push(g);
      continue;
    }
    c.found++;
    // "The matched system entity has the gold type": any of the system entities that match it.
    if (hits.some((e) => e.type === g.type)) c.typed++;
    else c.wrongType.push({ gold: g, got: [...new Set(hits.map((e) => e.type))] });
  }
  const known = new Set<string>();
  for (const g of gold.entities) for (const f of goldEntityForms(g)) known.add(f);
  for (const x of gold.allowed_extra ?? []) known.add(normName(x));
  entities.forEach((e, i) => {
    if (!SCORED_TYPES.has(e.type)) return;
    c.system++;
    if (meets(forms[i]!, known)) c.systemRight++;
    else c.spurious.push(`${e.name} (${e.type})`);
  });
  return c;
}

// ---------------------------------------------------------------------------------------------------------------
// Quotes

/** Quote text for comparison: everything but letters and digits removed (and case folded). */
export const squash = (s: string): string => s.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** A gold quote is found by a system quote whose text contains it, or, for a system quote of 20+ characters, is contained in it. */
export function quoteMatches(goldText: string, systemText: string): boolean {
  const g = squash(goldText);
  const s = squash(systemText);
  if (!g || !s) return false;
  return s.includes(g) || (systemText.trim().length >= 20 && g.includes(s));
}

/** Whether a system quote's speaker (its entity's forms, else the words naming it) is one of the accepted names. */
export function speakerMatches(q: Pick<Quote, 'speaker' | 'speakerText'>, entities: Entity[], accepted: Set<string>): boolean {
  const e = q.speaker ? entities.find((x) => x.id === q.speaker) : undefined;
  const forms = e ? systemForms(e) : new Set<string>();
  if (q.speakerText) forms.add(normName(q.speakerText));
  return meets(forms, accepted);
}

export interface QuoteResult {
  gold: GoldQuote;
  found: boolean;
  attributed: boolean;
  /** The system quotes that found it. */
  matches: Quote[];
}

export function scoreQuotes(gold: Pick<GoldDoc, 'quotes' | 'entities'>, quotes: Quote[], entities: Entity[]): QuoteResult[] {
  return gold.quotes.map((g) => {
    const matches = quotes.filter((q) => quoteMatches(g.text, q.text));
    const found = matches.length > 0;
    const accepted = acceptedForms(g.speaker, gold.entities);
    const attributed = found && (!!g.optional_speaker || matches.some((q) => speakerMatches(q, entities, accepted)));
    return { gold: g, found, attributed, matches };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Locating gold strings in the analysed text

/**
 * Every place a gold string (an exact substring of the article file) occurs in the analysed text. Cleaning keeps
 * the characters of the lines it keeps but trims trailing spaces and joins blank lines, so when the exact string is
 * not there it is looked for with any run of white space matching any other.
 */
export function locate(text: string, needle: string): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push({ start: at, end: at + needle.length });
  if (out.length) return out;
  const words = needle.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length || !words[0]) return out;
  const re = new RegExp(words.join('\\s+'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + 1;
  }
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

// ---------------------------------------------------------------------------------------------------------------
// Events

/** Whether a system actor (an entity id or null) is acceptable: an empty gold list accepts anything. */
export function actorMatches(id: string | null, entities: Entity[], goldNames: string[], goldEntities: GoldEntity[]): boolean {
  if (!goldNames.length) return true;
  const e = id ? entities.find((x) => x.id === id) : undefined;
  if (!e) return false;
  return meets(systemForms(e), acceptedForms(goldNames, goldEntities));
}

/** What a system event gets wrong against a gold event, empty when it matches. */
export function eventFaults(g: GoldEvent, e: EventRecord, entities: Entity[], goldEntities: GoldEntity[]): ('type' | 'source' | 'target' | 'negation')[] {
  const faults: ('type' | 'source' | 'target' | 'negation')[] = [];
  if (!g.types.includes(e.type)) faults.push('type');
  if (!actorMatches(e.source, entities, g.source, goldEntities)) faults.push('source');
  if (!actorMatches(e.target, entities, g.target, goldEntities)) faults.push('target');
  if (!!g.negated !== !!e.negated) faults.push('negation');
  return faults;
}

/** A date is right when the system value starts with the gold value (prefix at the gold's granularity). */
export const dateMatches = (gold: string, value: string | null | undefined): boolean => !!value && value.startsWith(gold);

export interface EventResult {
  gold: GoldEvent;
  /** Whether the hint was found in the analysed text at all (cleaning may have dropped its line). */
  located: boolean;
  found: boolean;
  /** For a found event with a gold date: whether a matching system event has it. Null otherwise. */
  dateRight: boolean | null;
  /** The system events in the sentence(s) that hold the hint, each with what it gets wrong. */
  inSentence: { event: EventRecord; faults: ReturnType<typeof eventFaults> }[];
}

/** The key (non-optional) gold events, each against the system events whose sentence holds its hint. */
export function scoreEvents(gold: Pick<GoldDoc, 'events' | 'entities'>, text: string, events: EventRecord[], entities: Entity[]): EventResult[] {
  return gold.events.filter((g) => !g.optional).map((g) => {
    const spans = locate(text, g.hint);
    const inSentence = events
      .filter((e) => spans.some((s) => overlaps(s, e.sentence)))
      .map((event) => ({ event, faults: eventFaults(g, event, entities, gold.entities) }));
    const matching = inSentence.filter((x) => !x.faults.length).map((x) => x.event);
    const found = matching.length > 0;
    const dateRight = found && g.date ? matching.some((e) => dateMatches(g.date!, e.date?.value)) : null;
    return { gold: g, located: spans.length > 0, found, dateRight, inSentence };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Times

export interface TimeResult {
  gold: GoldTime;
  located: boolean;
  right: boolean;
  /** The system times that overlap it. */
  overlapping: TimeExpression[];
}

/** A gold time is right when a system time expression overlapping it has a value that starts with the gold value. */
export function scoreTimes(gold: Pick<GoldDoc, 'times'>, text: string, times: TimeExpression[]): TimeResult[] {
  return gold.times.map((g) => {
    const spans = locate(text, g.text);
    const overlapping = times.filter((t) => spans.some((s) => overlaps(s, t)));
    return { gold: g, located: spans.length > 0, right: overlapping.some((t) => dateMatches(g.value, t.value)), overlapping };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One article, and the totals

export interface DocScore {
  file: string;
  theatre: string;
  entities: ReturnType<typeof scoreEntities>;
  quotes: QuoteResult[];
  events: EventResult[];
  times: TimeResult[];
}

export function scoreDoc(file: string, theatre: string, gold: GoldDoc, p: Prediction): DocScore {
  return {
    file,
    theatre,
    entities: scoreEntities(gold, p.entities),
    quotes: scoreQuotes(gold, p.quotes, p.entities),
    events: scoreEvents(gold, p.text, p.events, p.entities),
    times: scoreTimes(gold, p.text, p.times),
  };
}

export interface Totals extends EntityCounts {
  quotes: number;
  quotesFound: number;
  quotesAttributed: number;
  events: number;
  eventsFound: number;
  eventsDated: number;
  eventsDateRight: number;
  times: number;
  timesRight: number;
}

export function totals(scores: DocScore[]): Totals {
  const t: Totals = {
    required: 0, found: 0, typed: 0, system: 0, systemRight: 0,
    quotes: 0, quotesFound: 0, quotesAttributed: 0,
    events: 0, eventsFound: 0, eventsDated: 0, eventsDateRight: 0,
    times: 0, timesRight: 0,
  };
  for (const s of scores) {
    for (const k of ['required', 'found', 'typed', 'system', 'systemRight'] as const) t[k] += s.entities[k];
    t.quotes += s.quotes.length;
    t.quotesFound += s.quotes.filter((q) => q.found).length;
    t.quotesAttributed += s.quotes.filter((q) => q.attributed).length;
    t.events += s.events.length;
    t.eventsFound += s.events.filter((e) => e.found).length;
    t.eventsDated += s.events.filter((e) => e.dateRight !== null).length;
    t.eventsDateRight += s.events.filter((e) => e.dateRight === true).length;
    t.times += s.times.length;
    t.timesRight += s.times.filter((x) => x.right).length;
  }
  return t;
}

const ratio = (a: number, b: number): number | null => (b ? round(a / b) : null);

/** The measures SOURCE.md defines, from pooled counts. */
export function measuresOf(t: Totals): Record<string, number | null> {
  const r = t.required ? t.found / t.required : 0;
  const p = t.system ? t.systemRight / t.system : 0;
  return {
    entityRecall: ratio(t.found, t.required),
    entityPrecision: ratio(t.systemRight, t.system),
    entityF1: t.required && t.system ? round(p + r ? (2 * p * r) / (p + r) : 0) : null,
    entityTypeAcc: ratio(t.typed, t.found),
    quoteFound: ratio(t.quotesFound, t.quotes),
    quoteAttributed: ratio(t.quotesAttributed, t.quotes),
    eventRecall: ratio(t.eventsFound, t.events),
    eventDateAcc: ratio(t.eventsDateRight, t.eventsDated),
    timeAcc: ratio(t.timesRight, t.times),
  };
}

export const THEATRES = ['balkans', 'other'] as const;

/** Each measure over all articles, then per theatre: `quoteFound`, `quoteFound (balkans)`, `quoteFound (other)`. */
export function suiteMeasures(scores: DocScore[]): Measure[] {
  const all = measuresOf(totals(scores));
  const per = THEATRES.map((th) => [th, measuresOf(totals(scores.filter((s) => s.theatre === th)))] as const);
  const t = totals(scores);
  const out: Measure[] = [
    { measure: 'articles', value: scores.length },
    { measure: 'gold: required entities / quotes / key events (dated) / times', value: `${t.required} / ${t.quotes} / ${t.events} (${scores.reduce((n, s) => n + s.events.filter((e) => e.gold.date).length, 0)}) / ${t.times}` },
  ];
  for (const name of Object.keys(all)) {
    out.push({ measure: name, value: all[name]! });
    for (const [th, m] of per) out.push({ measure: `${name} (${th})`, value: m[name]! });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The misses report

function speakerOf(q: Quote, entities: Entity[]): string {
  const e = q.speaker ? entities.find((x) => x.id === q.speaker) : undefined;
  const who = e ? e.name : 'none';
  return q.speakerText && q.speakerText !== e?.name ? `${who} ("${q.speakerText}")` : who;
}

function actorName(id: string | null, entities: Entity[]): string {
  if (!id) return '-';
  return entities.find((e) => e.id === id)?.name ?? id;
}

const clip = (s: string, n = 160): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
};

/** A plain-text account of what each article missed, for developers to read (written under .tmp/, not kept). */
export function missesReport(scores: DocScore[], predictions: Map<string, Prediction>, sentenceOf: (file: string, span: Span) => Span | null): string {
  const lines: string[] = [];
  for (const s of scores) {
    const p = predictions.get(s.file)!;
    const qf = s.quotes.filter((q) => q.found).length;
    const qa = s.quotes.filter((q) => q.attributed).length;
    const ef = s.events.filter((e) => e.found).length;
    lines.push(`== ${s.file} (${s.theatre})  quotes found ${qf}/${s.quotes.length}, attributed ${qa}/${s.quotes.length}; key events found ${ef}/${s.events.length}; times right ${s.times.filter((t) => t.right).length}/${s.times.length}`);
    for (const q of s.quotes) {
      if (!q.found) {
        lines.push(`  QUOTE NOT FOUND   "${clip(q.gold.text, 100)}"  gold speaker: ${q.gold.speaker.join(' | ') || '-'}${q.gold.optional_speaker ? ' (optional)' : ''}`);
        const near = p.quotes.filter((x) => squash(x.text).length >= 4 && (squash(q.gold.text).includes(squash(x.text)) || squash(x.text).includes(squash(q.gold.text).slice(0, 12))));
        for (const x of near) lines.push(`      partial system quote: "${clip(x.text, 100)}" (${speakerOf(x, p.entities)})`);
      } else if (!q.attributed) {
        lines.push(`  QUOTE MISATTRIBUTED "${clip(q.gold.text, 100)}"  gold: ${q.gold.speaker.join(' | ')}  predicted: ${q.matches.map((x) => speakerOf(x, p.entities)).join(' ; ')}`);
      }
    }
    for (const e of s.events) {
      const gold = `[${e.gold.types.join('/')}] ${e.gold.source.join('|') || '(any)'} -> ${e.gold.target.join('|') || '(any)'}${e.gold.negated ? ' NEGATED' : ''}${e.gold.date ? ` @${e.gold.date}` : ''}`;
      if (!e.found) {
        lines.push(`  EVENT NOT FOUND   ${gold}  hint "${clip(e.gold.hint, 90)}"`);
        if (!e.located) {
          lines.push('      (hint not in the analysed text: its line was cleaned away)');
          continue;
        }
        const at = locate(p.text, e.gold.hint)[0]!;
        const sentence = sentenceOf(s.file, at);
        if (sentence) lines.push(`      sentence: "${clip(p.text.slice(sentence.start, sentence.end), 400)}"`);
        if (!e.inSentence.length) lines.push('      predicted: no event in this sentence');
        for (const x of e.inSentence) {
          const v = x.event;
          lines.push(`      predicted: ${v.type} ${actorName(v.source, p.entities)} -> ${actorName(v.target, p.entities)}${v.negated ? ' NEGATED' : ''} trigger "${v.trigger.text}"${v.date ? ` @${v.date.value}` : ''}  wrong: ${x.faults.join(', ')}`);
        }
      } else if (e.dateRight === false) {
        const got = e.inSentence.filter((x) => !x.faults.length).map((x) => x.event.date ? `${x.event.date.value} ("${x.event.date.text}")` : 'none');
        lines.push(`  EVENT DATE WRONG  ${gold}  hint "${clip(e.gold.hint, 90)}"  predicted date: ${got.join(' ; ')}`);
      }
    }
    for (const t of s.times) {
      if (t.right) continue;
      const got = t.overlapping.map((x) => `"${x.text}" = ${x.value ?? 'null'}`).join(' ; ') || (t.located ? 'no time expression' : 'text not in the analysed text');
      lines.push(`  TIME WRONG        "${t.gold.text}" gold ${t.gold.value}  predicted: ${got}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The suite

const here = dirname(fileURLToPath(import.meta.url));

const suite: EvalSuite = {
  name: 'news-dev',
  data: 'news-dev',
  async run(dataDir: string): Promise<Measure[]> {
    // Loaded here, so that the scoring functions above can be imported (and tested) without the whole pipeline.
    const { toExtraction } = await import('../../src/cli/extract.js');
    const { toDocument } = await import('../../src/ingest/document.js');
    const { readSources } = await import('../../src/ingest/sources.js');
    const { defaultKnowledgeBase } = await import('../../src/kb/load.js');
    const kb = defaultKnowledgeBase();
    const gold = JSON.parse(readFileSync(join(dataDir, 'gold.json'), 'utf8')) as { docs: Record<string, GoldDoc> };
    const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as { documents: ManifestEntry[] };
    const scores: DocScore[] = [];
    const predictions = new Map<string, Prediction>();
    for (const entry of [...manifest.documents].sort((a, b) => a.file.localeCompare(b.file))) {
      const g = gold.docs[entry.file];
      if (!g) throw new Error(`news-dev: ${entry.file} has no gold`);
      const path = join(dataDir, 'articles', entry.file);
      let extraction: Extraction | null = null;
      for await (const ev of readSources([path])) {
        if ('failure' in ev) throw new Error(`news-dev: ${ev.failure.origin}: ${ev.failure.message}`);
        extraction = toExtraction(path, toDocument(ev.item, { date: entry.date }), kb);
      }
      if (!extraction) throw new Error(`news-dev: ${entry.file}: nothing read`);
      const p: Prediction = { text: extraction.document.text, entities: extraction.entities, quotes: extraction.quotes, events: extraction.events, times: extraction.times };
      predictions.set(entry.file, p);
      scores.push(scoreDoc(entry.file, entry.theatre, g, p));
    }
    const misses = process.env.NEWS_DEV_MISSES;
    if (misses) {
      const { Doc } = await import('../../src/nlp/doc.js');
      const docs = new Map<string, InstanceType<typeof Doc>>();
      const sentenceOf = (file: string, span: Span): Span | null => {
        let d = docs.get(file);
        if (!d) docs.set(file, (d = new Doc(predictions.get(file)!.text)));
        const s = d.sentences[d.sentenceIndexAt(span.start)];
        return s ? { start: s.start, end: Math.max(s.end, span.end) } : null;
      };
      const out = misses === '1' || misses === 'true' ? resolve(here, '../../.tmp/news-dev-misses.txt') : resolve(misses);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, missesReport(scores, predictions, sentenceOf));
      console.error(`eval: news-dev misses written to ${out}`);
    }
    return suiteMeasures(scores);
  },
};

export default suite;
