/**
 * Word atoms: the hashed values of a word form that the tagger, the parser and the labeller build features from.
 * Forms are normalised first so that the typography of an outlet (curly quotes, non-breaking hyphens) does not
 * make a word unknown to a model trained on EWT's plain ASCII marks.
 */
import { hashString } from './hash.js';

/** Maps typographic marks onto the ASCII ones EWT uses. Length may change; features only read the result. */
export function normaliseForm(form: string): string {
  // Every mark replaced is outside ASCII: a plain ASCII word (most words) is returned as it is.
  if (isAscii(form)) return form;
  return form
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/\u2026/g, '...');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A word's shape with runs collapsed: "NATO" → "X", "Vučić" → "Xx", "2020-21" → "d-d", "U.S." → "X.X.". */
export function shapeOf(form: string): string {
  if (isAscii(form)) return asciiShape(form);
  let out = '';
  let last = '';
  for (const ch of form) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

/** shapeOf for ASCII, where \p{Lu} is A-Z, \p{Ll} a-z and \p{N} 0-9: the same string, without a regex per character. */
function asciiShape(form: string): string {
  let out = '';
  let last = -1;
  for (let i = 0; i < form.length; i++) {
    const ch = form.charCodeAt(i);
    const c = ch >= 65 && ch <= 90 ? 88 : ch >= 97 && ch <= 122 ? 120 : ch >= 48 && ch <= 57 ? 100 : ch;
    if (c !== last) {
      out += String.fromCharCode(c);
      if (out.length === 6) return out;
    }
    last = c;
  }
  return out;
}

/** Per-word atoms of one sentence, computed once and shared by all feature templates. */
export interface SentenceAtoms {
  n: number;
  /** Lower-cased normalised form. */
  lower: Uint32Array;
  /** The normalised form as written (case kept: "US" and "us", "May" and "may" differ). */
  form: Uint32Array;
  /** Suffixes of length 1–4 and prefixes of length 1–3 of the lower form. */
  suf1: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  pre1: Uint32Array;
  pre3: Uint32Array;
  shape: Uint32Array;
  /** Bit flags: 1 capitalised, 2 all capitals, 4 has a digit, 8 has a hyphen, 16 first word of the sentence. */
  flags: Uint8Array;
  /** The sentence's casing: 0 mostly lower case, 1 ordinary, 2 title case, 3 capitals (headlines, web text). */
  casing: number;
  /** For a hyphenated word, the hash of its last part ("well-known" → "known"); else the word's own. */
  lastPart: Uint32Array;
  /** How many commas, semicolons and colons come before each word: a clause boundary between two words. */
  punctBefore: Uint16Array;
  /** The normalised lower forms themselves (the lemmatiser and the lexicon read them). */
  lowerText: string[];
  /** The normalised forms, case kept: everything a word's own atoms are computed from. */
  formText: string[];
}

/** The atoms of one word form, wherever it stands (the first-word flag and the casing belong to the sentence). */
export interface WordAtoms {
  text: string;
  low: string;
  lower: number;
  form: number;
  suf1: number;
  suf2: number;
  suf3: number;
  suf4: number;
  pre1: number;
  pre3: number;
  shape: number;
  /** Flags 1, 2, 4 and 8 of SentenceAtoms.flags. */
  flags: number;
  lastPart: number;
  hasLetter: boolean;
  /** A comma, semicolon or colon. */
  clausePunct: boolean;
}

export function wordAtoms(raw: string): WordAtoms {
  const form = normaliseForm(raw);
  const low = form.toLowerCase();
  const lower = hashString(low);
  let flags = 0;
  let hasLetter: boolean;
  if (isAscii(form)) {
    // \p{Lu}, \p{N} and \p{L} on ASCII, by character code; toUpperCase changes only a-z.
    let upper = 0, lowerCase = 0, digit = false;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lowerCase++;
      else if (c >= 48 && c <= 57) digit = true;
    }
    const c0 = form.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90) flags |= 1;
    if (form.length > 1 && lowerCase === 0 && upper > 0) flags |= 2;
    if (digit) flags |= 4;
    hasLetter = upper + lowerCase > 0;
  } else {
    if (/^\p{Lu}/u.test(form)) flags |= 1;
    if (form.length > 1 && form === form.toUpperCase() && /\p{Lu}/u.test(form)) flags |= 2;
    if (/\p{N}/u.test(form)) flags |= 4;
    hasLetter = /\p{L}/u.test(form);
  }
  if (form.length > 1 && form.includes('-')) flags |= 8;
  const dash = low.lastIndexOf('-');
  return {
    text: form, low, lower, form: hashString(form),
    suf1: hashString(low.slice(-1)), suf2: hashString(low.slice(-2)), suf3: hashString(low.slice(-3)), suf4: hashString(low.slice(-4)),
    pre1: hashString(low.slice(0, 1)), pre3: hashString(low.slice(0, 3)), shape: hashString(shapeOf(form)), flags,
    lastPart: dash > 0 && dash < low.length - 1 ? hashString(low.slice(dash + 1)) : lower,
    hasLetter, clausePunct: low === ',' || low === ';' || low === ':',
  };
}

/**
 * A bounded memo of wordAtoms keyed by the form alone, so what it returns never depends on what it held before:
 * when full it is emptied and starts again.
 */
export class WordAtomCache {
  private readonly map = new Map<string, WordAtoms>();
  constructor(private readonly limit = 20_000) {}

  get(raw: string): WordAtoms {
    let w = this.map.get(raw);
    if (w === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      w = wordAtoms(raw);
      this.map.set(raw, w);
    }
    return w;
  }
}

export function sentenceAtoms(forms: readonly string[], cache?: WordAtomCache): SentenceAtoms {
  const n = forms.length;
  // All the arrays are views on one buffer: a typed array of its own costs an allocation outside the JS heap.
  const buf = new ArrayBuffer(40 * n + ((2 * (n + 1) + 3) & ~3) + n);
  let at = 0;
  const u32 = () => { const v = new Uint32Array(buf, at, n); at += 4 * n; return v; };
  const a: SentenceAtoms = {
    n,
    lower: u32(), form: u32(), suf1: u32(), suf2: u32(), suf3: u32(), suf4: u32(), pre1: u32(), pre3: u32(), shape: u32(),
    lastPart: u32(), punctBefore: new Uint16Array(buf, at, n + 1), flags: new Uint8Array(buf, at + ((2 * (n + 1) + 3) & ~3), n),
    casing: 1, lowerText: new Array(n), formText: new Array(n),
  };
  let letters = 0, capitalised = 0, allCaps = 0;
  for (let i = 0; i < n; i++) {
    const w = cache ? cache.get(forms[i]!) : wordAtoms(forms[i]!);
    a.formText[i] = w.text;
    a.lowerText[i] = w.low;
    a.lower[i] = w.lower;
    a.form[i] = w.form;
    a.suf1[i] = w.suf1;
    a.suf2[i] = w.suf2;
    a.suf3[i] = w.suf3;
    a.suf4[i] = w.suf4;
    a.pre1[i] = w.pre1;
    a.pre3[i] = w.pre3;
    a.shape[i] = w.shape;
    const f = i === 0 ? w.flags | 16 : w.flags;
    a.flags[i] = f;
    a.lastPart[i] = w.lastPart;
    if (w.hasLetter) {
      letters++;
      if (f & 1) capitalised++;
      if (f & 2) allCaps++;
    }
    a.punctBefore[i + 1] = a.punctBefore[i]! + (w.clausePunct ? 1 : 0);
  }
  if (letters >= 3) {
    if (allCaps / letters > 0.6) a.casing = 3;
    else if (capitalised / letters > 0.6) a.casing = 2;
    else if (capitalised / letters < 0.05) a.casing = 0;
  }
  return a;
}

// What a feature reads at a position that is empty (-1) or the root (index n): fixed sentinels, so the parser and
// the labeller hash them alike. Plain functions rather than closures: they run a hundred times per word parsed.
const NONE_W = 0x6e6f6e65;
const ROOT_W = 0x726f6f74;
const NONE_T = 0xfff0;
const ROOT_T = 0xfff1;

/** The word atom at position k of a sentence of n words (the root at n). */
export function wAt(a: SentenceAtoms, n: number, k: number): number {
  return k < 0 ? NONE_W : k === n ? ROOT_W : a.lower[k]!;
}

/** The tag at position k of a sentence of n words (the root at n). */
export function tAt(tags: ArrayLike<number>, n: number, k: number): number {
  return k < 0 ? NONE_T : k === n ? ROOT_T : tags[k]!;
}
