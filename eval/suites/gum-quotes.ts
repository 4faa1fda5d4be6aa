/**
 * Quotes against GUM (Wikinews news and interviews, 43 documents, all splits: we do not train on GUM).
 * (a) The xml `<quote>` spans against our marked direct quotes (Q/A turns left out: GUM marks them as speaker
 *     turns, not quotes). Exact match after trimming marks and punctuation at both ends; overlap match one-to-one.
 *     GUM marks short terms in quotes too, which we skip on purpose as scare quotes, so recall has a ceiling.
 * (b) Interview turns: the `<sp who>` speaker of every sentence that lies inside one of our Q/A quotes, against our
 *     speaker (its entity's name, else its speakerText). Name accuracy is strict; role accuracy asks only whether we
 *     gave the sentence to the interviewer or the interviewee (GUM's interviewer is the speaker whose sentences are
 *     most often questions). Coverage is the share of turn sentences inside our Q/A quotes.
 * The text is rebuilt from the token-per-line xml with ordinary English spacing; all offsets are into it.
 * `GUM_QUOTES_MISSES=1 npm run eval -- gum-quotes` also writes `.tmp/gum-quotes-misses.txt`: per document, the gold
 * spans we did not match exactly and ours that no gold span matches (in context, the compared span in brackets),
 * and the interview sentences whose speaker we named wrong. `GUM_QUOTES_MISSES=path` writes it there instead.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quote, Span } from '../../src/model/types.js';
import { prf, round, type EvalSuite, type Measure } from '../suite.js';

export interface GumSentence extends Span {
  who: string | null;
  question: boolean;
}

export interface GumDocument {
  name: string;
  text: string;
  date: string | null;
  quotes: Span[];
  sentences: GumSentence[];
}

const BLOCKS = new Set(['p', 'head', 'sp', 'item', 'caption', 'figure', 'list', 'l', 'lg', 'quote-block']);
const NO_SPACE_BEFORE = /^([,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|’s|’re|’ve|’ll|’d|’m|n’t)$/i;
const NO_SPACE_AFTER = /^[(\[{$]$/;

/** Rebuilds one GUM xml document: paragraphs on lines, tokens spaced as in print, `<quote>` and sentence spans. */
export function readGumXml(name: string, xml: string): GumDocument {
  let text = '';
  const quotes: Span[] = [];
  const sentences: GumSentence[] = [];
  const openQuotes: number[] = [];
  let who: string | null = null;
  let sentence: GumSentence | null = null;
  let lineHasText = false;
  let spaceNext = false;
  let straightOpen = false;
  const date = /dateCreated="(\d{4}-\d{2}-\d{2})"/.exec(xml)?.[1] ?? null;
  for (const line of xml.split('\n')) {
    if (line.startsWith('<')) {
      const tag = /^<(\/?)([\w-]+)/.exec(line);
      if (!tag) continue;
      const [, closing, el] = tag;
      if (BLOCKS.has(el!) && lineHasText) {
        text += '\n';
        lineHasText = false;
        spaceNext = false;
        straightOpen = false;
      }
      if (el === 'sp') who = closing ? null : speakerId(name, /who="([^"]*)"/.exec(line)?.[1] ?? null);
      if (el === 'quote') {
        if (!closing) openQuotes.push(-1);
        else {
          const start = openQuotes.pop();
          if (start !== undefined && start >= 0) quotes.push({ start, end: text.length });
        }
      }
      if (el === 's') {
        if (!closing) sentence = { start: -1, end: -1, who, question: /type="(wh|q)"/.test(line) };
        else if (sentence && sentence.start >= 0) sentences.push(sentence), (sentence = null);
      }
      continue;
    }
    if (!line.trim()) continue;
    const [form, tag] = line.split('\t');
    let word = form!;
    if (word === '``') word = '“';
    if (word === "''") word = '”';
    let space = spaceNext && lineHasText && !NO_SPACE_BEFORE.test(word) && word !== '-';
    if (word === '"') {
      // The tag says whether a straight mark opens (``) or closes (''), so a quote nested in the same marks
      // ("… called "research", would it?") is spaced as printed; untagged, opening and closing alternate.
      const closes: boolean = tag === "''" ? true : tag === '``' ? false : straightOpen;
      if (closes) space = false;
      straightOpen = !closes;
    }
    if (text.endsWith('-') && /\w-$/.test(text)) space = false;
    if (space) text += ' ';
    const start = text.length;
    text += word;
    lineHasText = true;
    spaceNext = !NO_SPACE_AFTER.test(word) && !(word === '"' && straightOpen) && word !== '“';
    for (let k = 0; k < openQuotes.length; k++) if (openQuotes[k]! < 0) openQuotes[k] = start;
    if (sentence) {
      if (sentence.start < 0) sentence.start = start;
      sentence.end = text.length;
    }
  }
  return { name, text, date, quotes: joinContinued(text, quotes), sentences };
}

/**
 * Speaker ids GUM misspells, by document. In `GUM_interview_herrick` the interviewee is Jack Herrick, whom the text
 * names throughout; the speakerList and all his turns but one say `#JackHarris`, the one other `#JackHerrick`.
 */
const SPEAKER_ID_FIXES: Record<string, Record<string, string>> = {
  GUM_interview_herrick: { '#JackHarris': '#JackHerrick' },
};

function speakerId(document: string, who: string | null): string | null {
  return (who && SPEAKER_ID_FIXES[document]?.[who]) ?? who;
}

const OPENING_MARKS = '"“„«‹‘\'';

/**
 * GUM's xml nests `<quote>` inside sentences, so a quote that runs over several sentences is several spans, each
 * after the first opening with no mark. Read as printed, those are one quote: a span that follows the previous one
 * across nothing but spaces, and does not open with a mark, continues it. A line break ends it: the next block (a
 * caption repeating the words as a pull quote) is a quote of its own.
 */
export function joinContinued(text: string, quotes: Span[]): Span[] {
  const out: Span[] = [];
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    const prev = out[out.length - 1];
    const opens = OPENING_MARKS.includes(text[q.start] ?? '');
    if (prev && !opens && q.start >= prev.end && /^[ \t]*$/.test(text.slice(prev.end, q.start))) prev.end = Math.max(prev.end, q.end);
    else out.push({ ...q });
  }
  return out;
}

const MARKS = '"“”„‘’«»‹›\'';

/** An editor's note after a closing mark ("…" ((it)) for a translation, "…" [sic]): not the quoted words. */
const TRAILING_NOTE = /(["”’»])\s*(?:\(\([^()]*\)\)|\([^()]*\)|\[[^\]]*\])$/;

/**
 * A span with quote marks, spaces and punctuation trimmed from both ends, for exact comparison. GUM's spans of
 * translated quotes take in the note after the closing mark ("…" ((it))), which is cut off first.
 */
export function normalizeSpan(text: string, span: Span): Span {
  const note = TRAILING_NOTE.exec(text.slice(span.start, span.end).replace(/[\s.,;:]+$/, ''));
  if (note) span = { start: span.start, end: span.start + note.index + 1 };
  const slice = text.slice(span.start, span.end);
  const lead = /^[\s"“”„‘’«»‹›',.;:—–-]*/.exec(slice)![0].length;
  const trail = /[\s"“”„‘’«»‹›',.;:—–-]*$/.exec(slice.slice(lead))![0].length;
  return { start: span.start + lead, end: span.end - trail };
}

/**
 * Whether a quote is delimited by marks (not a Q/A turn): a quote mark stands right before it, or a mark and a
 * space. A mark at the end of the line before (the previous paragraph's closing mark) does not make a turn marked.
 */
export function isMarked(text: string, q: Quote): boolean {
  return q.direct && MARKS.includes(text[q.start - 1] ?? '') || (q.direct && /["“„«‹‘][ \t]$/.test(text.slice(q.start - 2, q.start)));
}

interface Counts { tp: number; fp: number; fn: number }

/** Exact and one-to-one overlap matches between gold and predicted spans. */
export function matchSpans(text: string, gold: Span[], predicted: Span[]): { exact: Counts; overlap: Counts } {
  const g = gold.map((s) => normalizeSpan(text, s));
  const p = predicted.map((s) => normalizeSpan(text, s));
  const key = (s: Span) => `${s.start}:${s.end}`;
  const goldKeys = new Set(g.map(key));
  const exactTp = p.filter((s) => goldKeys.has(key(s))).length;
  const used = new Set<number>();
  let overlapTp = 0;
  for (const s of p) {
    const k = g.findIndex((t, n) => !used.has(n) && t.start < s.end && s.start < t.end);
    if (k >= 0) used.add(k), overlapTp++;
  }
  return {
    exact: { tp: exactTp, fp: p.length - exactTp, fn: g.length - exactTp },
    overlap: { tp: overlapTp, fp: p.length - overlapTp, fn: g.length - overlapTp },
  };
}

const squash = (s: string): string => s.normalize('NFD').replace(/[^\p{L}]/gu, '').toLowerCase();

/** Our speaker name against GUM's `#FirstLast` id: the whole name, or one of its words (a surname, "Wikinews"). */
export function sameSpeaker(ours: string, gold: string): boolean {
  const g = squash(gold);
  if (!g) return false;
  if (squash(ours) === g) return true;
  return ours.split(/\s+/).some((w) => squash(w).length > 2 && (squash(w) === g || g.endsWith(squash(w))));
}

function gumInterviewer(sentences: GumSentence[]): string | null {
  const share = new Map<string, [number, number]>();
  for (const s of sentences) {
    if (!s.who) continue;
    const v = share.get(s.who) ?? [0, 0];
    v[0] += s.question ? 1 : 0;
    v[1]++;
    share.set(s.who, v);
  }
  let best: string | null = null;
  let bestShare = -1;
  for (const [who, [q, n]] of share) if (q / n > bestShare) (best = who), (bestShare = q / n);
  return best;
}

/** Running totals over documents. */
export interface GumTally {
  exact: Counts;
  overlap: Counts;
  /** Exact counts over documents whose annotators marked at least one quote (many left quotes unmarked). */
  annotated: Counts;
  turnSentences: number;
  covered: number;
  nameRight: number;
  roleRight: number;
  /** Covered turn sentences whose gold speaker the text names (GUM's `who` is often a reporter the text never names). */
  namedInText: number;
  namedInTextRight: number;
}

export const emptyTally = (): GumTally => ({
  exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 }, annotated: { tp: 0, fp: 0, fn: 0 },
  turnSentences: 0, covered: 0, nameRight: 0, roleRight: 0, namedInText: 0, namedInTextRight: 0,
});

/** Whether the text names GUM's speaker id ("#JackHerrick"): its last capitalised part, as a word. */
export function namedIn(text: string, who: string): boolean {
  const parts = who.replace(/^#/, '').match(/[A-Z][a-z]+/g);
  const last = parts?.[parts.length - 1];
  return !!last && new RegExp(`\\b${last}\\b`).test(text);
}

/** Adds one document's quotes (and the entities their speakers point to) to the tally; lines for the misses report. */
export function scoreDocument(gum: GumDocument, quotes: Quote[], entities: { id: string; name: string }[], tally: GumTally, misses: string[] = []): void {
  const marked = quotes.filter((q) => isMarked(gum.text, q));
  const m = matchSpans(gum.text, gum.quotes, marked);
  misses.push(...spanMisses(gum.text, gum.quotes, marked));
  for (const k of ['tp', 'fp', 'fn'] as const) {
    tally.exact[k] += m.exact[k];
    tally.overlap[k] += m.overlap[k];
    if (gum.quotes.length) tally.annotated[k] += m.exact[k];
  }
  if (!gum.name.startsWith('GUM_interview')) return;
  const turns = quotes.filter((q) => q.direct && !isMarked(gum.text, q));
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const interviewer = gumInterviewer(gum.sentences);
  const ourInterviewer = interviewerOf(turns);
  for (const s of gum.sentences) {
    if (!s.who) continue;
    tally.turnSentences++;
    const q = turns.find((t) => t.start <= s.start + 2 && s.end - 2 <= t.end);
    if (!q) continue;
    tally.covered++;
    const name = (q.speaker ? names.get(q.speaker) : null) ?? q.speakerText ?? '';
    const right = sameSpeaker(name, s.who.replace(/^#/, ''));
    if (right) tally.nameRight++;
    else misses.push(`  SPEAKER ${s.who} given to ${name || '(none)'}: ${JSON.stringify(clip(gum.text.slice(s.start, s.end), 90))}`);
    if (namedIn(gum.text, s.who)) {
      tally.namedInText++;
      if (right) tally.namedInTextRight++;
    }
    // Turns we could not name fall back to their shape: a question is the interviewer's.
    const ourRole = q.speakerText ? q.speakerText === ourInterviewer : /\?\W*$/.test(q.text);
    if (ourRole === (s.who === interviewer)) tally.roleRight++;
  }
}

const clip = (text: string, n: number): string => (text.length > n ? text.slice(0, n) + '…' : text);

/** The gold spans no prediction matches exactly and the predictions no gold span matches, each in context. */
function spanMisses(text: string, gold: Span[], predicted: Span[]): string[] {
  const key = (s: Span) => `${s.start}:${s.end}`;
  const g = gold.map((s) => normalizeSpan(text, s));
  const p = predicted.map((s) => normalizeSpan(text, s));
  const goldKeys = new Set(g.map(key));
  const ourKeys = new Set(p.map(key));
  const shown = (s: Span) => JSON.stringify(`${text.slice(Math.max(0, s.start - 30), s.start)}[${clip(text.slice(s.start, s.end), 120)}]${text.slice(s.end, s.end + 20)}`);
  return [
    ...g.filter((s) => !ourKeys.has(key(s))).map((s) => `  GOLD ONLY ${shown(s)}`),
    ...p.filter((s) => !goldKeys.has(key(s))).map((s) => `  OURS ONLY ${shown(s)}`),
  ];
}

export function measures(t: GumTally, documents: number, msPer700Words: number): Measure[] {
  const exact = prf(t.exact.tp, t.exact.fp, t.exact.fn);
  const loose = prf(t.overlap.tp, t.overlap.fp, t.overlap.fn);
  const annotated = prf(t.annotated.tp, t.annotated.fp, t.annotated.fn);
  return [
    { measure: 'documents (all splits)', value: documents },
    { measure: 'gold <quote> spans', value: t.exact.tp + t.exact.fn },
    { measure: 'direct quote P (exact)', value: round(exact.p) },
    { measure: 'direct quote R (exact)', value: round(exact.r) },
    { measure: 'direct quote F1 (exact)', value: round(exact.f1), anchor: 'best published news quote tracker: quote F1 0.837' },
    { measure: 'direct quote P (overlap)', value: round(loose.p) },
    { measure: 'direct quote R (overlap)', value: round(loose.r) },
    { measure: 'direct quote F1 (overlap)', value: round(loose.f1) },
    { measure: 'direct quote F1 (exact, docs with gold quotes)', value: round(annotated.f1) },
    { measure: 'interview turn sentences', value: t.turnSentences },
    { measure: 'interview coverage', value: round(t.turnSentences ? t.covered / t.turnSentences : 0) },
    { measure: 'interview speaker name accuracy', value: round(t.covered ? t.nameRight / t.covered : 0), anchor: 'speaker accuracy 0.860 (news quotes)' },
    { measure: 'interview speaker name accuracy, speakers the text names', value: round(t.namedInText ? t.namedInTextRight / t.namedInText : 0) },
    { measure: 'interview speaker role accuracy', value: round(t.covered ? t.roleRight / t.covered : 0) },
    { measure: 'pipeline ms per 700 words', value: round(msPer700Words, 2) },
  ];
}

export function readGumDocuments(dataDir: string): GumDocument[] {
  return readdirSync(join(dataDir, 'xml')).filter((f) => f.endsWith('.xml')).sort()
    .map((f) => readGumXml(f.replace(/\.xml$/, ''), readFileSync(join(dataDir, 'xml', f), 'utf8')));
}

const suite: EvalSuite = {
  name: 'gum-quotes',
  data: 'gum-news',
  async run(dataDir: string): Promise<Measure[]> {
    // Loaded here, so that the span helpers above can be imported without the whole pipeline.
    const { analyze } = await import('../../src/extract/pipeline.js');
    const { defaultKnowledgeBase } = await import('../../src/kb/load.js');
    const kb = defaultKnowledgeBase();
    const documents = readGumDocuments(dataDir);
    const tally = emptyTally();
    const report: string[] = [];
    let words = 0;
    let ms = 0;
    for (const gum of documents) {
      const t0 = performance.now();
      const { layers } = analyze({ text: gum.text, date: gum.date, language: 'en' }, kb);
      ms += performance.now() - t0;
      words += gum.text.split(/\s+/).length;
      const misses: string[] = [];
      scoreDocument(gum, layers.quotes, layers.entities, tally, misses);
      if (misses.length) report.push(`== ${gum.name} (${gum.quotes.length ? `${gum.quotes.length} gold quotes` : 'no quotes annotated'})`, ...misses);
    }
    const missesTo = process.env.GUM_QUOTES_MISSES;
    if (missesTo) {
      const here = dirname(fileURLToPath(import.meta.url));
      const out = missesTo === '1' || missesTo === 'true' ? resolve(here, '../../.tmp/gum-quotes-misses.txt') : resolve(missesTo);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report.join('\n') + '\n');
      console.error(`eval: gum-quotes misses written to ${out}`);
    }
    return measures(tally, documents.length, (ms / Math.max(1, words)) * 700);
  },
};

/** The speakerText our turns give to questions most often. */
function interviewerOf(turns: Quote[]): string | null {
  const share = new Map<string, [number, number]>();
  for (const t of turns) {
    if (!t.speakerText) continue;
    const key = t.speakerText;
    const v = share.get(key) ?? [0, 0];
    v[0] += /\?\W*$/.test(t.text) ? 1 : 0;
    v[1]++;
    share.set(key, v);
  }
  let best: string | null = null;
  let bestShare = -1;
  for (const [k, [q, n]] of share) if (q / n > bestShare) (best = k), (bestShare = q / n);
  // Only a speaker who mostly asks is the interviewer; otherwise we named just the interviewee.
  return bestShare > 0.5 ? best : null;
}

export default suite;
