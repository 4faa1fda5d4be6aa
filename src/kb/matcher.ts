/**
 * The KB alias matcher: one token trie over every name, alias and demonym of the knowledge base, walked over a
 * Doc's folded lower-case tokens. Matching on tokens rather than characters gets possessives ("Vučić's" is
 * "Vučić" + "'s"), diacritics and Cyrillic (both folded by fold.ts) for free; the trie makes it one pass over the
 * text whatever the size of the KB. The trie is built once per KB object and cached.
 *
 * Case rule (news capitalises names, so requiring it costs little recall and saves a lot of precision):
 * - a word the KB writes with a capital must start with a capital in the text ("the Alliance" is NATO, "the
 *   alliance" is not; "Bar" the city, not "bar");
 * - an alias written wholly in lower case is read as if its first word were capitalised, so a KB author's
 *   "union" still needs "Union" in the text;
 * - an acronym of up to three letters ("US", "UN", "EU") must be upper case in the text, so "us" and "Un" never
 *   match; longer acronyms ("NATO") also match in title case ("Nato", a common house style);
 * - lower-case connector words inside a name ("of", "and", "the") match in any case.
 */
import type { Doc, Token } from '../nlp/doc.js';
import { foldText } from '../nlp/fold.js';
import type { KbEntry, KnowledgeBase } from '../model/types.js';

/** How a KB match names its entry. */
export type MatchKind = 'name' | 'alias' | 'demonym';

export interface KbMatch {
  /** Character span in the document text. */
  start: number;
  end: number;
  /** Token range `[tokenStart, tokenEnd)`. */
  tokenStart: number;
  tokenEnd: number;
  entry: KbEntry;
  kind: MatchKind;
}

/** What a token of an alias demands of the text's token. */
const enum CaseRule {
  Any = 0,
  Capital = 1,
  Upper = 2,
}

interface Target {
  entry: KbEntry;
  kind: MatchKind;
  rules: CaseRule[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entries whose alias ends here; several when two entries share an alias (the first listed wins). */
  targets: Target[];
}

export interface Matcher {
  root: TrieNode;
  /** Longest alias in tokens, to bound each walk. */
  maxTokens: number;
}

const cache = new WeakMap<KnowledgeBase, Matcher>();

/** The matcher for a KB, built on first use. */
export function kbMatcher(kb: KnowledgeBase): Matcher {
  let m = cache.get(kb);
  if (!m) {
    m = buildMatcher(kb.entries);
    cache.set(kb, m);
  }
  return m;
}

const KIND_RANK: Record<MatchKind, number> = { name: 0, alias: 1, demonym: 2 };

export function buildMatcher(entries: readonly KbEntry[]): Matcher {
  const root: TrieNode = { next: new Map(), targets: [] };
  let maxTokens = 1;
  const add = (surface: string, entry: KbEntry, kind: MatchKind): void => {
    const words = aliasWords(surface);
    if (!words.length) return;
    let node = root;
    for (const w of words) {
      let child = node.next.get(w.key);
      if (!child) {
        child = { next: new Map(), targets: [] };
        node.next.set(w.key, child);
      }
      node = child;
    }
    maxTokens = Math.max(maxTokens, words.length);
    const rules = words.map((w) => w.rule);
    // One target per entry at a node: keep the strictest-ranked kind (a name beats an alias of the same form).
    const same = node.targets.find((t) => t.entry === entry);
    if (same) {
      if (KIND_RANK[kind] < KIND_RANK[same.kind]) same.kind = kind;
      return;
    }
    node.targets.push({ entry, kind, rules });
  };
  const names = new Set(entries.map((e) => foldText(e.name).toLowerCase()));
  for (const entry of entries) {
    if (!isCoordinationOfOthers(entry, names)) add(entry.name, entry, 'name');
    for (const a of entry.aliases) if (!isDescriptive(a, entry)) add(a, entry, 'alias');
    for (const d of entry.demonyms ?? []) add(d, entry, 'demonym');
  }
  return { root, maxTokens };
}

/**
 * A former union named by its members ("Serbia and Montenegro"): in text the phrase nearly always names the two
 * states ("its borders with Serbia and Montenegro"), so the union is matched only by its other names ("State
 * Union of Serbia and Montenegro", "SCG").
 */
function isCoordinationOfOthers(entry: KbEntry, names: ReadonlySet<string>): boolean {
  if (entry.kind !== 'historical-state') return false;
  const parts = foldText(entry.name).toLowerCase().split(/\s+and\s+/);
  return parts.length === 2 && parts.every((p) => names.has(p));
}

/**
 * A descriptive alias ("war in Bosnia", "NATO summit in Bucharest", "annexation of Crimea", "Serbs in Bosnia") is a
 * phrase about an actor, not its name: the text names the places and actors inside it, and those are the mentions
 * a reader sees. Such aliases stay in the KB (date inference reads them) but the matcher leaves them out, so that
 * the longest match does not swallow the names within. A phrase is descriptive when it has a lower-case content
 * word, or when a group's alias places it "in" somewhere.
 */
export function isDescriptive(alias: string, entry: KbEntry): boolean {
  const words = foldText(alias).split(/[\s\-–]+/).filter(Boolean);
  if (words.length < 2) return false;
  if (words.some((w) => /^[a-z]{3,}$/.test(w) && !CONNECTORS.has(w))) return true;
  return entry.type === 'NORP' && words.includes('in');
}

interface AliasWord {
  key: string;
  rule: CaseRule;
}

// Words (an apostrophe between letters inside one: "d'Ivoire", "Qa'ida", "O'Reilly", as the Doc keeps them whole),
// numbers and dotted abbreviations ("U.S."), or single punctuation marks, like the Doc's tokenizer.
const ALIAS_TOKEN = /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*(?:\.[A-Za-z0-9]+)*\.?|[^\sA-Za-z0-9]/g;
const DROPPED_PUNCT = new Set([',', '.', '"', '(', ')']);

/** Splits an alias into the token keys a Doc would give it, with the case each token demands. */
export function aliasWords(surface: string): AliasWord[] {
  const folded = foldText(surface.normalize('NFC'));
  const raw = folded.match(ALIAS_TOKEN) ?? [];
  const words: AliasWord[] = [];
  for (let k = 0; k < raw.length; k++) {
    let tok = raw[k]!;
    if (DROPPED_PUNCT.has(tok)) continue;
    // A possessive is its own token in the text ("People|'s"): inside a name it is one of its words ("People's
    // Liberation Army"); at the end of an alias it is noise ("Kosovo's" names Kosovo).
    const possessive = /^(.+)'s$/i.exec(tok);
    if (possessive || (tok === "'" && raw[k + 1]?.toLowerCase() === 's')) {
      if (possessive) tok = possessive[1]!;
      else k++;
      if (possessive) words.push({ key: tokenKey(tok.toLowerCase()), rule: caseRule(tok) });
      if (raw.slice(k + 1).some((r) => !DROPPED_PUNCT.has(r))) words.push({ key: "'s", rule: CaseRule.Any });
      continue;
    }
    words.push({ key: tokenKey(tok.toLowerCase()), rule: caseRule(tok) });
  }
  if (words.length && words.every((w) => w.rule === CaseRule.Any)) {
    const first = words.find((w) => /^[a-z]/.test(w.key) && !CONNECTORS.has(w.key)) ?? words[0]!;
    first.rule = CaseRule.Capital;
  }
  return words;
}

const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'de', 'la', 'del', 'der', 'von', 'van', 'al', 'bin', 'upon', 'a', 'an', 'to', 'at']);

function caseRule(tok: string): CaseRule {
  const letters = tok.replace(/[^A-Za-z]/g, '');
  if (!letters) return CaseRule.Any;
  if (letters.length <= 3 && letters.length >= 2 && letters === letters.toUpperCase()) return CaseRule.Upper;
  if (/^[A-Z]/.test(letters)) return CaseRule.Capital;
  return CaseRule.Any;
}

/** The lookup key of a token: lower case, dots of abbreviations dropped ("u.s." → "us", "mr." → "mr"). */
export function tokenKey(lower: string): string {
  return lower.length > 1 && lower.includes('.') ? lower.replace(/\./g, '') : lower;
}

function satisfies(doc: Doc, token: Token, rule: CaseRule): boolean {
  if (rule === CaseRule.Any) return true;
  const first = doc.shadow.charCodeAt(token.start);
  if (rule === CaseRule.Capital) return (first >= 65 && first <= 90) || (first >= 48 && first <= 57);
  const letters = doc.shadow.slice(token.start, token.end).replace(/[^A-Za-z]/g, '');
  return letters === letters.toUpperCase();
}

/** Per-Doc token keys, computed once and shared by every walk. */
const keyCache = new WeakMap<Doc, string[]>();

export function tokenKeys(doc: Doc): string[] {
  let keys = keyCache.get(doc);
  if (!keys) {
    keys = doc.tokens.map((t) => tokenKey(t.lower));
    keyCache.set(doc, keys);
  }
  return keys;
}

/**
 * The longest KB match starting at token `i` (within `limit`), or null. Exposed so that callers can probe a
 * single position.
 */
export function longestMatchAt(doc: Doc, matcher: Matcher, i: number, limit = doc.tokens.length): KbMatch | null {
  const keys = tokenKeys(doc);
  let node: TrieNode | undefined = matcher.root;
  let best: KbMatch | null = null;
  const sentence = doc.tokens[i]!.sentence;
  for (let j = i; j < limit && j - i < matcher.maxTokens; j++) {
    const tok = doc.tokens[j]!;
    if (tok.sentence !== sentence) break;
    node = node.next.get(keys[j]!);
    if (!node) break;
    if (!node.targets.length) continue;
    for (const target of node.targets) {
      let ok = true;
      for (let r = 0; r < target.rules.length && ok; r++) ok = satisfies(doc, doc.tokens[i + r]!, target.rules[r]!);
      if (!ok) continue;
      best = {
        start: doc.tokens[i]!.start,
        end: tok.end,
        tokenStart: i,
        tokenEnd: j + 1,
        entry: target.entry,
        kind: target.kind,
      };
      break;
    }
  }
  return best;
}

/** Every KB match in the document, leftmost-longest, without overlaps. */
export function matchKb(doc: Doc, kb: KnowledgeBase): KbMatch[] {
  const matcher = kbMatcher(kb);
  const out: KbMatch[] = [];
  const n = doc.tokens.length;
  const keys = tokenKeys(doc);
  for (let i = 0; i < n; ) {
    const m = matcher.root.next.has(keys[i]!) ? longestMatchAt(doc, matcher, i) : null;
    if (m) {
      out.push(m);
      i = m.tokenEnd;
    } else i++;
  }
  return out;
}
