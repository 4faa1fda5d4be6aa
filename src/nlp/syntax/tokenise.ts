/**
 * Maps the Doc's tokens (wink-nlp's, over the folded shadow) onto the words of UD English EWT, the tokenisation
 * the tagger and parser were trained on. Every word keeps exact [start, end) offsets into the Doc's text and the
 * index of the Doc token it lies in.
 *
 * What wink already does as EWT does: clitics split off ("do|n't", "ca|n't", "Russia|'s", "they|'re"), bare
 * possessive apostrophes ("teachers|’"), "$|5", "12|%", URLs and e-mail addresses whole, "U.S." whole.
 * What this module changes, each checked against EWT's own files (../shared/data/treebanks/en-ewt):
 * - contractions wink leaves whole: "I'm" → I|'m, "cannot" → can|not, "gonna" → gon|na, "wanna" → wan|na,
 *   "gotta" → got|ta, "outta" → out|ta, "gimme" → gim|me, "lemme" → lem|me; any word ending in a clitic;
 * - hyphens: EWT writes a hyphenated compound as three words ("well|-|known", "26|-|year|-|old",
 *   "Bush|-|Cheney"), ranges and scores too ("3|-|4"), but keeps a word whose first part is a prefix
 *   ("e-mail", "anti-war", "non-aligned", "re-elected": 45 of 46 "e-" and all "non-", "anti-", "pre-" in EWT are
 *   one word), phone numbers ("713-853-3989") and letter-number codes ("F-102");
 * - "5pm" → 5|pm (EWT: "at 5 pm" from "at 5pm");
 * - "Russia’s" given as Russia|’|s → Russia|’s, "1990’s" (wink: 1990|’|s) → one word; "www.example.com",
 *   "example.org", "report.pdf" (wink: www|.|example|.|com) → one word; "!!!", "?!", "[...]" → one word.
 * Where EWT and GUM (whose news is our evaluation) disagree, we follow GUM: an abbreviation that ends a sentence
 * keeps its period ("in the U.S." is one word; EWT writes "U.S" + "."), so a Doc token is never cut for it.
 * Words that a contraction split share a multiword token (as "don't" is "1-2 don't" in CoNLL-U); words split at
 * hyphens do not (EWT writes them as separate tokens with SpaceAfter=No).
 *
 * The `form` handed to the model normalises typography EWT hardly has (it is mostly ASCII): curly apostrophes and
 * quotes to ' and ", dashes between words to "--", "…" to "...". The `text` of a word stays the original.
 */
import type { Token } from '../doc.js';

export interface UdWord {
  /** Offsets into the Doc's text, end exclusive. */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  /** The form given to the model (typography normalised, see above). */
  form: string;
  /** Index of the Doc token (`doc.tokens`) the word lies in; for a word merged from several, the first. */
  token: number;
  /** Whether whitespace (or the end of the text) follows the word. */
  spaceAfter: boolean;
  /**
   * Index (in the same array) of the first word of the multiword token this word belongs to ("don't" = do + n't),
   * or -1 when the word is a token of its own.
   */
  multiword: number;
}

/** A piece of the text on its way to becoming a word. */
interface Piece {
  start: number;
  end: number;
  token: number;
  /** Joins the previous piece in one multiword token (a contraction split). */
  joinsPrevious: boolean;
  /** A hyphen split out of a word ("2020–21"): its form is "-", not a dash. */
  hyphen: boolean;
}

const APOS = "'’ʼ‘`´";
const APOS_CLASS = `['’ʼ‘\`´]`;
const HYPHENS = '-‐‑–';
const CLITIC = new RegExp(`^(?:n${APOS_CLASS}t|${APOS_CLASS}(?:s|m|re|ll|ve|d))$`, 'i');
const ENDS_IN_CLITIC = new RegExp(`^(.*?[\\p{L}\\p{N}])(n${APOS_CLASS}t|${APOS_CLASS}(?:s|m|re|ll|ve|d))$`, 'iu');

/** Contractions written without an apostrophe, as EWT splits them: the length of the first word. */
const FUSED: Record<string, number> = {
  cannot: 3, gonna: 3, wanna: 3, gotta: 3, outta: 3, gimme: 3, lemme: 3,
};

/**
 * Prefixes after which EWT keeps the hyphenated word whole. The first group is EWT's own record (train + dev:
 * every or nearly every occurrence joined); the second, rarer in EWT, behaves the same in English orthography.
 * Not "pan" and "quasi": GUM's news splits "pan-democracy" and "quasi-state".
 */
const PREFIXES = new Set([
  'e', 'non', 'pre', 'anti', 're', 'mid', 'post', 'over', 'co', 'pro', 'multi', 'sub', 'semi', 'ex', 'psycho', 'neo',
  'micro', 'cross', 'counter', 'un', 'socio', 'mis', 'intra',
  'inter', 'ultra', 'extra', 'bi', 'tri', 'hyper', 'super', 'trans', 'pseudo', 'mini', 'macro', 'de',
]);

const DECADE = new RegExp(`^\\d*0${APOS_CLASS}s$`);
const APOS_S = new RegExp(`^${APOS_CLASS}s$`);
const HYPHEN_RUNS = new RegExp(`[${HYPHENS}]+|[^${HYPHENS}]+`, 'g');
const TIME_WITH_UNIT = /^(\d{1,2}(?:[:.]\d{2})?)([ap]\.?m\.?)$/i;
const PHONE = /^\+?\d+(?:[-‐‑]\d+){2,}$|^\d{3}[-‐‑]\d{4}$/;
const CODE = /^\p{Lu}[\p{L}]*[-‐‑]\d+\p{L}{0,2}$/u;
/** A host or file name: dotted parts ending in a top-level domain or a document extension. */
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|eu|us|ru|rs|de|fr|ba|me|mk|al|hr|pdf|docx?|xlsx?|pptx?|html?|txt|jpe?g|png|gif|zip)$/i;
const URL = /^(?:(?:https?|ftp):\/\/|www\.)[\w-]+(?:\.[\w-]+)+(?:[/?#][^\s]*)?$/i;

/**
 * The UD words of one sentence, given the Doc's text and the sentence's tokens (in order).
 */
export function udWords(text: string, tokens: readonly Token[]): UdWord[] {
  return toWords(text, splitPieces(text, mergeTokens(text, tokens)));
}

/** A run of Doc tokens that form one word (a URL wink split, an apostrophe + "s"), else each token alone. */
function mergeTokens(text: string, all: readonly Token[]): Piece[] {
  const out: Piece[] = [];
  // The Doc can hold an empty token where wink's values and the text disagree ("missing..and"): not a word.
  const tokens = all.filter((t) => t.end > t.start);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // "!!", "?!", "...." and "=====" are one word in EWT; wink gives one token per mark.
    if (/^[!?.]+$|^([=*+_~#<>-])\1*$/.test(t.text)) {
      const marks = /^[!?.]+$/.test(t.text);
      const same = (x: string) => (marks ? /^[!?.]+$/.test(x) : x.length > 0 && [...x].every((c) => c === t.text[0]));
      let j = k;
      while (j + 1 < tokens.length && tokens[j + 1]!.start === tokens[j]!.end && same(tokens[j + 1]!.text)) j++;
      if (j > k) {
        out.push({ start: t.start, end: tokens[j]!.end, token: t.i, joinsPrevious: false, hyphen: false });
        k = j;
        continue;
      }
    }
    // "www . example . com", "example . org", "report . pdf": the longest run of touching tokens that reads as a
    // URL, a domain name or a file name.
    if (/^[\w-]+$/.test(t.text) && k + 2 < tokens.length && tokens[k + 1]!.start === t.end && tokens[k + 1]!.text === '.') {
      let best = k;
      for (let j = k + 1; j < tokens.length && tokens[j]!.start === tokens[j - 1]!.end; j++) {
        const run = text.slice(t.start, tokens[j]!.end);
        if ((URL.test(run) || DOMAIN.test(run)) && !/[.,;:!?)]$/.test(tokens[j]!.text)) best = j;
      }
      if (best > k) {
        out.push({ start: t.start, end: tokens[best]!.end, token: t.i, joinsPrevious: false, hyphen: false });
        k = best;
        continue;
      }
    }
    // "1990’s": wink gives 1990 | ’ | s; a decade is one word in GUM, and a clitic "’s" after anything else.
    const next = tokens[k + 1];
    const prev = tokens[k - 1];
    if (t.text.length === 1 && APOS.includes(t.text) && next && next.start === t.end && /^(?:s|d|m|ll|re|ve)$/i.test(next.text) &&
      prev && prev.end === t.start && /[\p{L}\p{N}]$/u.test(prev.text)) {
      if (/^\d*0$/.test(prev.text) && out.at(-1)?.end === prev.end) out.at(-1)!.end = next.end;
      else out.push({ start: t.start, end: next.end, token: t.i, joinsPrevious: true, hyphen: false });
      k++;
      continue;
    }
    // "U.S. officials": wink cuts the period off an initialism before a capital ("U.S" | "."); it is one word.
    if (/^(?:\p{L}\.)+\p{L}$/u.test(t.text) && next?.text === '.' && next.start === t.end) {
      out.push({ start: t.start, end: next.end, token: t.i, joinsPrevious: false, hyphen: false });
      k++;
      continue;
    }
    // A decade, "1990's", is one word (GUM); wink splits it as a possessive.
    if (prev && /^\d*0$/.test(prev.text) && prev.end === t.start && APOS_S.test(t.text) && out.at(-1)?.end === prev.end) {
      out.at(-1)!.end = t.end;
      continue;
    }
    out.push({ start: t.start, end: t.end, token: t.i, joinsPrevious: isClitic(text, t.start, t.end, prev), hyphen: false });
  }
  return out;
}

/** A clitic that wink split off and that touches the word before it: the two are one multiword token. */
function isClitic(text: string, start: number, end: number, prev: Token | undefined): boolean {
  if (!prev || prev.end !== start || !/[\p{L}\p{N}.]$/u.test(prev.text)) return false;
  return CLITIC.test(text.slice(start, end));
}

function splitPieces(text: string, pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) splitPiece(text, p, out);
  return out;
}

/** Characters [a, b) of piece p, as a piece of its own. A function of the module: tsx names each closure as it is made. */
const sub = (p: Piece, a: number, b: number, joinsPrevious: boolean, hyphen = false): Piece =>
  ({ start: p.start + a, end: p.start + b, token: p.token, joinsPrevious, hyphen });

/** Splits one piece into words, appending them to `out`. */
function splitPiece(text: string, p: Piece, out: Piece[]): void {
  const s = text.slice(p.start, p.end);
  if (s.length < 2 || URL.test(s) || DOMAIN.test(s) || s.includes('@')) {
    out.push(p);
    return;
  }
  if (DECADE.test(s)) {
    out.push(p);
    return;
  }
  const fused = FUSED[s.toLowerCase()];
  if (fused !== undefined) {
    out.push(sub(p, 0, fused, p.joinsPrevious), sub(p, fused, s.length, true));
    return;
  }
  const clitic = ENDS_IN_CLITIC.exec(s);
  if (clitic) {
    const cut = clitic[1]!.length;
    splitPiece(text, sub(p, 0, cut, p.joinsPrevious), out);
    out.push(sub(p, cut, s.length, true));
    return;
  }
  const time = TIME_WITH_UNIT.exec(s);
  if (time) {
    out.push(sub(p, 0, time[1]!.length, p.joinsPrevious), sub(p, time[1]!.length, s.length, false));
    return;
  }
  if (hasInnerHyphen(s) && !keepsHyphens(s)) {
    // Each run of hyphens is a word of its own; so is each part between them.
    let at = 0;
    let first = true;
    for (const m of s.matchAll(HYPHEN_RUNS)) {
      const isHyphen = HYPHENS.includes(m[0][0]!);
      out.push(sub(p, at, at + m[0].length, first && p.joinsPrevious, isHyphen));
      at += m[0].length;
      first = false;
    }
    return;
  }
  out.push(p);
}

function hasInnerHyphen(s: string): boolean {
  for (let i = 1; i < s.length - 1; i++) if (HYPHENS.includes(s[i]!)) return true;
  return false;
}

/** Whether EWT keeps a hyphenated word whole: a prefix ("anti-war"), a phone number, a code ("F-16"). */
function keepsHyphens(s: string): boolean {
  const first = /^[^-‐‑–]*/.exec(s)![0].toLowerCase();
  if (PREFIXES.has(first) && /^\p{L}+[-‐‑]\p{L}/u.test(s)) return true;
  return PHONE.test(s) || CODE.test(s);
}

function toWords(text: string, pieces: Piece[]): UdWord[] {
  const words: UdWord[] = [];
  let openSingle = false;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    const t = text.slice(p.start, p.end);
    const nextChar = text[p.end];
    let joins = p.joinsPrevious && k > 0 && pieces[k - 1]!.end === p.start;
    // A bare apostrophe after a plural ("teachers’ union") is a possessive: EWT makes it one token with its word.
    // An apostrophe that opened a quote earlier in the sentence closes it instead.
    if (t.length === 1 && APOS.includes(t)) {
      const prevText = k > 0 ? text.slice(pieces[k - 1]!.start, pieces[k - 1]!.end) : '';
      const touchesPrev = k > 0 && pieces[k - 1]!.end === p.start;
      if (touchesPrev && /[sS]$/.test(prevText) && !openSingle && (nextChar === undefined || !/[\p{L}\p{N}]/u.test(nextChar))) joins = true;
      else if (!touchesPrev) openSingle = true;
      else openSingle = false;
    }
    const prev = words[k - 1];
    words.push({
      start: p.start,
      end: p.end,
      text: t,
      form: modelForm(t, p.hyphen),
      token: p.token,
      spaceAfter: nextChar === undefined || /\s/.test(nextChar),
      multiword: joins && prev ? (prev.multiword >= 0 ? prev.multiword : k - 1) : -1,
    });
    if (joins && prev && prev.multiword < 0) prev.multiword = k - 1;
  }
  return words;
}

/** The form the model reads: EWT's mostly ASCII typography (see the module comment). */
export function modelForm(text: string, hyphen = false): string {
  if (/^[–—―‒]+$/.test(text)) return hyphen ? '-' : '--';
  if (/^[‐‑]+$/.test(text)) return '-';
  if (text === '…') return '...';
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.replace(/[’ʼ‘´]/g, "'").replace(/[“”„‟«»]/g, '"').replace(/…/g, '...').replace(/[‐‑]/g, '-');
}
