/**
 * The `Doc`: one analysed view of a document's cleaned text that every extractor reads. It owns the text; tokens
 * and sentences are character ranges into it. Built on wink-nlp, which is fast and keeps exact offsets, over a
 * same-length ASCII shadow of the text (see fold.ts).
 *
 * Syntax (UPOS, XPOS, lemma, head, relation) is lazy: `doc.syntax(i)` tokenises sentence i as UD English does
 * (syntax/tokenise.ts), runs the trained model over its words and keeps the result on this Doc. The model is the
 * shipped one unless the constructor is given another; it is loaded on the first parse, so a Doc never parsed
 * costs nothing. Nothing is cached outside the Doc: an analysis stays a pure function of the document.
 */
import type { Span } from '../model/types.js';
import { foldText } from './fold.js';
import type { SentenceSyntax, SyntaxModel, SyntaxWord } from './syntax/types.js';
import { udWords, type UdWord } from './syntax/tokenise.js';
import { DEFAULT_MODEL_PATH, loadSyntaxModel } from './syntax/model.js';
import { readText, type Wink } from './wink.js';

/** Universal POS tags as wink-nlp emits them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN'
  | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token {
  /** Index in `doc.tokens`. */
  i: number;
  start: number;
  end: number;
  /** The original text of the token. */
  text: string;
  /** Folded and lower-cased: the form to compare against lexicons. */
  lower: string;
  pos: Pos;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence extends Span {
  /** Index of the sentence's first token and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

export class Doc {
  readonly text: string;
  /** Same-length ASCII shadow of `text`. */
  readonly shadow: string;
  readonly tokens: Token[];
  readonly sentences: Sentence[];

  /** The model `syntax()` parses with: given, or the shipped one on first use. */
  private syntaxModel: SyntaxModel | undefined;
  /** Parsed sentences, by sentence index. */
  private readonly parsed: (SentenceSyntax | undefined)[] = [];
  /** Each sentence's UD words, kept: the name tagger and the parser both read them. */
  private readonly words: (readonly UdWord[] | undefined)[] = [];
  /** The spans of proper names the tagger must read as names (`useNames`): disjoint, in text order. */
  private names: Span[] = [];
  /**
   * When set, a moment (performance.now()) after which parsing a sentence throws DeadlineExceeded: the analysis
   * budget (extract/budget.ts). The parse is most of an analysis's cost, so this is where running over is noticed.
   */
  deadline: number | null = null;

  constructor(text: string, syntaxModel?: SyntaxModel) {
    this.text = text;
    this.shadow = foldText(text);
    this.tokens = [];
    this.sentences = [];
    this.syntaxModel = syntaxModel;
    // wink's vocabulary is reset after the document (wink.ts), so what was read before cannot change its tokens.
    readText((nlp) => {
      for (const block of splitBlocks(this.shadow)) this.analyseBlock(nlp, block);
    });
  }

  private analyseBlock(nlp: Wink, block: Span): void {
    const its = nlp.its;
    const wdoc = nlp.readDoc(this.shadow.slice(block.start, block.end));
    const values = wdoc.tokens().out(its.value) as string[];
    const tags = wdoc.tokens().out(its.pos) as Pos[];
    const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
    // Token offsets inside the block, by walking values and the whitespace before each.
    const starts: number[] = new Array(values.length);
    let at = 0;
    for (let k = 0; k < values.length; k++) {
      at += spaces[k]!.length;
      starts[k] = at;
      at += values[k]!.length;
    }
    joinSplitNumbers(values, tags, spaces, starts);
    wdoc.sentences().each((s: any) => {
      const [first, last] = s.out(its.span) as [number, number];
      const tokenStart = this.tokens.length;
      for (let k = first; k <= last; k++) {
        if (tags[k] === 'SPACE') continue;
        const start = block.start + starts[k]!;
        const end = start + values[k]!.length;
        // wink splits a possessive "'s" only off a word it does not know, and learns the words it reads (for the
        // length of one document: wink.ts): once "Ukraine's" ended a sentence, a later one stayed whole. Splitting
        // the possessive here cuts every "Ukraine's" of the text the same way, wherever it stands.
        const cut = POSSESSIVE.test(values[k]!) ? end - 2 : end;
        this.tokens.push({
          i: this.tokens.length,
          start,
          end: cut,
          text: this.text.slice(start, cut),
          lower: values[k]!.slice(0, cut - start).toLowerCase(),
          pos: tags[k]!,
          sentence: this.sentences.length,
        });
        if (cut < end) {
          this.tokens.push({
            i: this.tokens.length, start: cut, end, text: this.text.slice(cut, end), lower: values[k]!.slice(-2).toLowerCase(),
            pos: 'PART', sentence: this.sentences.length,
          });
        }
      }
      if (this.tokens.length === tokenStart) return;
      this.closeSentence(tokenStart);
    });
  }

  /**
   * Records the tokens from `tokenStart` on as one sentence, or as several when wink gave more than
   * MAX_SENTENCE_TOKENS: a run that long is a table, a list or text without full stops, and extractors scan a
   * sentence's tokens once per trigger, quote or time in it, so an unbounded sentence makes them quadratic in the
   * document's length. A piece ends after the last punctuation in the second half of its window when there is one.
   */
  private closeSentence(tokenStart: number): void {
    const end = this.tokens.length;
    for (let from = tokenStart; from < end;) {
      const to = end - from > MAX_SENTENCE_TOKENS ? sentenceCut(this.tokens, from) : end;
      const index = this.sentences.length;
      for (let k = from; k < to; k++) this.tokens[k]!.sentence = index;
      this.sentences.push({ start: this.tokens[from]!.start, end: this.tokens[to - 1]!.end, tokenStart: from, tokenEnd: to });
      from = to;
    }
  }

  /** The index of the sentence containing `offset` (or the nearest one before it). */
  sentenceIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The index of the first token that ends after `offset`. */
  tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Tokens that lie inside a span. */
  tokensIn(span: Span): Token[] {
    const out: Token[] = [];
    for (let k = this.tokenIndexAt(span.start); k < this.tokens.length && this.tokens[k]!.start < span.end; k++) {
      out.push(this.tokens[k]!);
    }
    return out;
  }

  sentenceTokens(index: number): Token[] {
    const s = this.sentences[index]!;
    return this.tokens.slice(s.tokenStart, s.tokenEnd);
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /**
   * Sentence `index` split as UD splits words (syntax/tokenise.ts), before any tagging: what the parser and the
   * name tagger read. Split on first request and kept; callers must not change it.
   */
  udWords(index: number): readonly UdWord[] {
    const hit = this.words[index];
    if (hit) return hit;
    const s = this.sentences[index];
    if (!s) throw new RangeError(`udWords: no sentence ${index} (the document has ${this.sentences.length})`);
    return (this.words[index] = udWords(this.text, this.tokens.slice(s.tokenStart, s.tokenEnd)));
  }

  /**
   * The syntactic words of sentence `index`, tagged and parsed: UD words (a token such as "don't" holds two),
   * each with exact offsets, its Doc token, and its head as an index into the same `words` (-1 for the root).
   * Parsed on first request and kept on this Doc.
   */
  syntax(index: number): SentenceSyntax {
    const hit = this.parsed[index];
    if (hit) return hit;
    this.checkDeadline();
    const s = this.sentences[index];
    if (!s) throw new RangeError(`syntax: no sentence ${index} (the document has ${this.sentences.length})`);
    const words = this.udWords(index);
    const out: SentenceSyntax = { sentence: index, words: [] };
    if (words.length) {
      const names = this.names.length ? words.map((w) => this.isNameWord(w.start, w.end, w.text)) : undefined;
      const a = this.model().analyse(words.map((w) => w.form), names);
      const n = words.length;
      if (a.upos.length !== n || a.head.length !== n || a.rel.length !== n || a.xpos.length !== n || a.lemma.length !== n || a.feats.length !== n) {
        throw new Error(`syntax: the model returned an analysis of the wrong length for sentence ${index} (${n} words)`);
      }
      for (let i = 0; i < n; i++) {
        const w = words[i]!;
        const h = a.head[i]!;
        if (!Number.isInteger(h) || h < 0 || h > n || h === i + 1) throw new Error(`syntax: the model gave word ${i + 1} of sentence ${index} the head ${h}`);
        out.words.push({
          i, start: w.start, end: w.end, text: w.text,
          upos: a.upos[i]!, xpos: a.xpos[i]!, lemma: a.lemma[i]!, feats: a.feats[i]!,
          head: h - 1, rel: a.rel[i]!, token: w.token,
        });
      }
    }
    this.parsed[index] = out;
    return out;
  }

  /** Throws DeadlineExceeded when the deadline has passed. */
  checkDeadline(): void {
    if (this.deadline !== null && performance.now() > this.deadline) throw new DeadlineExceeded('the analysis deadline has passed');
  }

  /**
   * Tells the parser where the names are: the entity step's name mentions. A capitalised word inside one is
   * tagged as a name can be (PROPN, NOUN, ADJ, NUM), so "Beijing" opening a sentence is not read as a gerund nor
   * "Nineteen Russian drones" lose their subject. Sentences parsed before are parsed again, so the parse never
   * depends on what asked for it first.
   */
  useNames(spans: readonly Span[]): void {
    const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: Span[] = [];
    for (const s of sorted) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ start: s.start, end: s.end });
    }
    this.names = merged;
    this.parsed.length = 0;
  }

  /** Whether word [start, end) lies inside a name and is capitalised: the words `useNames` binds. */
  private isNameWord(start: number, end: number, text: string): boolean {
    if (!CAPITALISED.test(text)) return false;
    const names = this.names;
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const n = names[lo];
    return n !== undefined && n.start <= start && end <= n.end;
  }

  /** The syntactic words (of the parsed sentences) that overlap a span, in text order. Parses as needed. */
  syntaxWordsIn(span: Span): SyntaxWord[] {
    const out: SyntaxWord[] = [];
    if (!this.sentences.length || span.end <= span.start) return out;
    for (let k = this.sentenceIndexAt(span.start); k < this.sentences.length && this.sentences[k]!.start < span.end; k++) {
      if (this.sentences[k]!.end <= span.start) continue;
      for (const w of this.syntax(k).words) if (w.end > span.start && w.start < span.end) out.push(w);
    }
    return out;
  }

  /** The syntactic word(s) a Doc token holds: one, or several for "don't" (do + n't), "Russia's", "2020-21". */
  syntaxWordsOfToken(token: number | Token): SyntaxWord[] {
    const t = typeof token === 'number' ? this.tokens[token] : token;
    return t ? this.syntaxWordsIn(t) : [];
  }

  /**
   * The head word of a span: the word in it whose head lies outside it, the one nearest the root when several do
   * ("the minister of defence" → "minister"). Null when no word overlaps the span.
   */
  syntaxHead(span: Span): SyntaxWord | null {
    const words = this.syntaxWordsIn(span);
    if (!words.length) return null;
    const sentence = this.syntax(this.sentenceIndexAt(words[0]!.start)).words;
    const inside = new Set(words.filter((w) => sentence[w.i] === w).map((w) => w.i));
    let best: SyntaxWord | null = null;
    let bestDepth = Infinity;
    for (const w of words) {
      if (!inside.has(w.i) || (w.head >= 0 && inside.has(w.head))) continue;
      let depth = 0;
      for (let h = w.head; h >= 0 && depth <= sentence.length; h = sentence[h]!.head) depth++;
      if (depth < bestDepth) {
        best = w;
        bestDepth = depth;
      }
    }
    return best ?? words[0]!;
  }

  private model(): SyntaxModel {
    if (!this.syntaxModel) {
      try {
        this.syntaxModel = loadSyntaxModel();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new Error(`the syntax model is not there (${DEFAULT_MODEL_PATH}); \`npm run train\` builds it from ../shared/data`);
        }
        throw err;
      }
    }
    return this.syntaxModel;
  }
}

/** What `syntax()` throws once the Doc's deadline has passed. */
export class DeadlineExceeded extends Error {}

/** The longest sentence the Doc keeps; wink's longer ones are cut (see closeSentence). */
export const MAX_SENTENCE_TOKENS = 200;

/** Where a piece of an over-long sentence starting at token `from` ends: one past its last token. */
function sentenceCut(tokens: readonly Token[], from: number): number {
  const limit = from + MAX_SENTENCE_TOKENS;
  for (let k = limit - 1; k >= from + MAX_SENTENCE_TOKENS / 2; k--) {
    if (tokens[k]!.pos === 'PUNCT' && tokens[k + 1]!.start > tokens[k]!.end) return k + 1;
  }
  // No punctuation: cut between two tokens with space between them (never inside "Russia's" or "U.S.-led").
  for (let k = limit; k > from + 1; k--) if (tokens[k]!.start > tokens[k - 1]!.end) return k;
  return limit;
}

/**
 * wink cuts a clock time or decimal written against its unit after the first decimal digit: "11.30pm" comes out
 * as "11.3" + "0pm", "2.75bn" as "2.7" + "5bn". Such a pair (a number ending in a digit, then with no space a token
 * starting with one) is cut again where the digits end: "11.30" + "pm". The boundary moves and the token count
 * stays, so wink's sentence spans (token indices) still hold.
 */
function joinSplitNumbers(values: string[], tags: Pos[], spaces: string[], starts: number[]): void {
  for (let k = 0; k + 1 < values.length; k++) {
    const a = values[k]!;
    const b = values[k + 1]!;
    if (spaces[k + 1] !== '' || !/^\d+[.,:]\d+$/.test(a) || !/^\d+[A-Za-z]+$/.test(b)) continue;
    const digits = b.match(/^\d+/)![0].length;
    values[k] = a + b.slice(0, digits);
    values[k + 1] = b.slice(digits);
    starts[k + 1] = starts[k]! + values[k]!.length;
    tags[k] = 'NUM';
    tags[k + 1] = 'NOUN';
  }
}

/** A word that starts with a capital letter. */
const CAPITALISED = /^\p{Lu}/u;

/** A word with a possessive "'s" still attached (the shadow is ASCII-folded, so ’ reads as '). */
const POSSESSIVE = /^[A-Za-z0-9][A-Za-z0-9.\-]*'s$/i;

const TERMINAL = /[.!?:;"'”’»)\]…]\s*$/;
const CONTINUES = /[,\-–—(]\s*$/;

/**
 * Splits the text into blocks that no sentence crosses. A single newline ends a sentence when the line before it
 * ends a sentence or is a heading-like line (no final punctuation, next line starts a new sentence); a line
 * broken mid-sentence (hard-wrapped text: it ends with a comma, or the next line starts in lower case) joins.
 */
export function splitBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let blockStart = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      if (blockStart >= 0) blocks.push(trimSpan(text, blockStart, lineStart));
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = lineStart;
      const next = nextLine(text, lineEnd);
      const joins = next !== null && next.trim() !== '' && !TERMINAL.test(line) &&
        (CONTINUES.test(line) || /^\s*[a-z]/.test(next));
      if (!joins) {
        blocks.push(trimSpan(text, blockStart, lineEnd));
        blockStart = -1;
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (blockStart >= 0) blocks.push(trimSpan(text, blockStart, text.length));
  return blocks.filter((b) => b.end > b.start);
}

function nextLine(text: string, lineEnd: number): string | null {
  if (lineEnd >= text.length) return null;
  const end = text.indexOf('\n', lineEnd + 1);
  return text.slice(lineEnd + 1, end < 0 ? text.length : end);
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Counts word tokens, for throughput figures. */
export function wordCount(doc: Doc): number {
  let n = 0;
  for (const t of doc.tokens) if (t.pos !== 'PUNCT') n++;
  return n;
}
