/**
 * Word atoms: the hashed values of a word form that the tagger, the parser and the labeller build features from.
 * Forms are normalised first so that the typography of an outlet (curly quotes, non-breaking hyphens) does not
 * make a word unknown to a model trained on EWT's plain ASCII marks.
 */
import { hashString } from './hash.js';

/** Maps typographic marks onto the ASCII ones EWT uses. Length may change; features only read the result. */
export function normaliseForm(form: string): string {
  return form
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/\u2026/g, '...');
}

/** A word's shape with runs collapsed: "NATO" → "X", "Vučić" → "Xx", "2020-21" → "d-d", "U.S." → "X.X.". */
export function shapeOf(form: string): string {
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
}

export function sentenceAtoms(forms: readonly string[]): SentenceAtoms {
  const n = forms.length;
  const a: SentenceAtoms = {
    n,
    lower: new Uint32Array(n), form: new Uint32Array(n), suf1: new Uint32Array(n), suf2: new Uint32Array(n), suf3: new Uint32Array(n),
    suf4: new Uint32Array(n), pre1: new Uint32Array(n), pre3: new Uint32Array(n), shape: new Uint32Array(n),
    flags: new Uint8Array(n), casing: 1, lastPart: new Uint32Array(n), punctBefore: new Uint16Array(n + 1), lowerText: new Array(n),
  };
  let letters = 0, capitalised = 0, allCaps = 0;
  for (let i = 0; i < n; i++) {
    const form = normaliseForm(forms[i]!);
    const low = form.toLowerCase();
    a.lowerText[i] = low;
    a.lower[i] = hashString(low);
    a.form[i] = hashString(form);
    a.suf1[i] = hashString(low.slice(-1));
    a.suf2[i] = hashString(low.slice(-2));
    a.suf3[i] = hashString(low.slice(-3));
    a.suf4[i] = hashString(low.slice(-4));
    a.pre1[i] = hashString(low.slice(0, 1));
    a.pre3[i] = hashString(low.slice(0, 3));
    a.shape[i] = hashString(shapeOf(form));
    let f = 0;
    if (/^\p{Lu}/u.test(form)) f |= 1;
    if (form.length > 1 && form === form.toUpperCase() && /\p{Lu}/u.test(form)) f |= 2;
    if (/\p{N}/u.test(form)) f |= 4;
    if (form.length > 1 && form.includes('-')) f |= 8;
    if (i === 0) f |= 16;
    a.flags[i] = f;
    const dash = low.lastIndexOf('-');
    a.lastPart[i] = dash > 0 && dash < low.length - 1 ? hashString(low.slice(dash + 1)) : a.lower[i]!;
    if (/\p{L}/u.test(form)) {
      letters++;
      if (f & 1) capitalised++;
      if (f & 2) allCaps++;
    }
    a.punctBefore[i + 1] = a.punctBefore[i]! + (low === ',' || low === ';' || low === ':' ? 1 : 0);
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
