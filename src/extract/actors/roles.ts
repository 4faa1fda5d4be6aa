/**
 * Role nominals: "the NATO secretary general", "Serbia's defence minister", "the Serbian president" name whoever
 * holds the office at the document's date, by the KB's dated roles, when the text fixes the office fully
 * (resolveRoleNominals). The office words come from `kb.offices`; the organisation or state is the KB mention (or
 * demonym) just before the office words, or "of X" just after.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Entity, KbEntry, KnowledgeBase, Mention } from '../../model/types.js';
import { aliasWords, tokenKeys } from '../../kb/matcher.js';
import { normalizeName } from '../../nlp/fold.js';
import type { EntityTable } from './table.js';

export interface OfficeNode {
  next: Map<string, OfficeNode>;
  office?: string;
}

const officeTries = new WeakMap<KnowledgeBase, OfficeNode>();

export function officeTrie(kb: KnowledgeBase): OfficeNode {
  let root = officeTries.get(kb);
  if (root) return root;
  root = { next: new Map() };
  for (const o of kb.offices) {
    for (const name of [o.id.replace(/-/g, ' '), ...o.names]) {
      let node = root;
      for (const w of aliasWords(name)) {
        let child = node.next.get(w.key);
        if (!child) node.next.set(w.key, (child = { next: new Map() }));
        node = child;
      }
      node.office ??= o.id;
    }
  }
  officeTries.set(kb, root);
  return root;
}

const demonymIndexes = new WeakMap<KnowledgeBase, Map<string, KbEntry>>();

/** KB entry by the folded text of one of its demonyms. */
export function demonymIndex(kb: KnowledgeBase): ReadonlyMap<string, KbEntry> {
  let idx = demonymIndexes.get(kb);
  if (!idx) {
    idx = new Map();
    for (const e of kb.entries) for (const d of e.demonyms ?? []) if (!idx.has(key(d))) idx.set(key(d), e);
    demonymIndexes.set(kb, idx);
  }
  return idx;
}

const key = (s: string): string => aliasWords(s).map((w) => w.key).join(' ');

/** Whether a role is held on a date (`YYYY-MM-DD`); partial dates compare as prefixes. */
export function holdsOn(from: string | undefined, to: string | undefined, date: string): boolean {
  if (from && date < from) return false;
  if (to && date.slice(0, to.length) > to) return false;
  if (to && to.length === 10 && date >= to) return false;
  return true;
}

const officeHolders = new WeakMap<KnowledgeBase, Map<string, KbEntry[]>>();

/** People who held an office (of an organisation, or of any) on a date. */
export function holders(kb: KnowledgeBase, office: string, of: string | null, date: string): KbEntry[] {
  let idx = officeHolders.get(kb);
  if (!idx) {
    idx = new Map();
    for (const e of kb.entries) {
      if (e.type !== 'PERSON') continue;
      for (const r of e.roles ?? []) {
        const list = idx.get(r.office) ?? [];
        if (!list.includes(e)) list.push(e);
        idx.set(r.office, list);
      }
    }
    officeHolders.set(kb, idx);
  }
  return (idx.get(office) ?? []).filter((e) =>
    e.roles!.some((r) => r.office === office && (of === null || r.of === of) && holdsOn(r.from, r.to, date)));
}

interface Located {
  m: Mention;
  e: Entity;
  tokenStart: number;
  tokenEnd: number;
}

/**
 * Offices a state or organisation has several holders of at once (ministers, envoys, ambassadors, spokespeople):
 * their words never fix one person, however many holders the KB happens to know. The rest have one holder at a
 * time for a given state or organisation (src/kb/kb.test.ts checks that the KB's tenures do not overlap), which is
 * also the default for an office a user's KB adds.
 */
export const SEVERAL_HOLDERS: ReadonlySet<string> = new Set([
  'minister', 'deputy-prime-minister', 'presidency-member', 'special-representative', 'ambassador', 'spokesperson',
  'head-of-office', 'head-of-mission', 'chief-negotiator', 'chief-prosecutor',
]);

/** Offices whose words, after a presidency ("the Kremlin leader", "the Kremlin chief"), name the head of state. */
const SEAT_HEADS = new Set(['party-leader', 'president', 'secretary-general']);

/** Words before an office that put its holder at another time than the document's: "a former prime minister". */
const NOT_NOW = new Set(['former', 'ex', 'then', 'late', 'onetime', 'one-time', 'erstwhile', 'previous', 'past', 'future',
  'incoming', 'next', 'would-be', 'first', 'last', 'interim', 'deputy', 'vice', 'acting']);

/** Determiners and possessive pronouns that end the walk back over an office's noun phrase. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'your', 'my', 'this', 'that', 'whose']);

/**
 * Role nominals to the people who hold the office (docs/names.md, "Role nominals"). A nominal is linked only when
 * the text fixes the office fully: the state or organisation is named in the phrase ("Serbia's defence minister",
 * "the Serbian president", "the president of Kosovo", "NATO chief"), the office has one holder at a time, the KB
 * knows exactly one holder on the document's date, and the role is that state's. A definite "the president" with
 * no owner refers back to the one holder of the office the document has named; an appositive ("Ana Horvat,
 * the president,") is the person it stands beside. Everything else ("a former British prime minister", "US
 * envoy", "its president", "the president" with no holder named) stays unlinked: no person is added that the text
 * does not name.
 */
export function resolveRoleNominals(doc: Doc, kb: KnowledgeBase, date: string | null, table: EntityTable): void {
  if (!date || !kb.offices.length) return;
  const root = officeTrie(kb);
  const keys = tokenKeys(doc);
  if (!keys.some((k) => root.next.has(k))) return;
  resolveTitledSurnames(doc, kb, date, table, root, keys);
  const located: Located[] = table.allMentions().map(({ m, e }) => ({
    m, e, tokenStart: doc.tokenIndexAt(m.start), tokenEnd: doc.tokenIndexAt(m.end - 1) + 1,
  }));
  const mentionAt = new Map<number, Located>();
  const covered = new Map<number, Located>();
  for (const l of located) {
    mentionAt.set(l.tokenStart, l);
    for (let k = l.tokenStart; k < l.tokenEnd; k++) covered.set(k, l);
  }
  const demonyms = demonymIndex(kb);
  const entryOf = (l: Located | undefined): KbEntry | null => {
    if (!l) return null;
    if (l.e.kbId && (l.e.type === 'ORG' || l.e.type === 'GPE')) return kb.byId.get(l.e.kbId) ?? null;
    if (l.e.type === 'NORP') return demonyms.get(key(l.m.text)) ?? null;
    return null;
  };
  const tokens = doc.tokens;

  for (let i = 0; i < tokens.length; i++) {
    const found = officeAt(root, keys, i);
    if (!found) continue;
    const { end, office } = found;
    // Office words inside a longer name ("Office of the High Representative") or a person's title before the
    // name ("Defence Minister Aleksandar Vulin", "Secretary General, Jens Stoltenberg") are not nominals.
    let start = i;
    const inside = covered.get(i);
    if (inside && inside.e.type !== 'ORG' && inside.e.type !== 'GPE' && inside.e.type !== 'NORP') {
      i = end - 1;
      continue;
    }
    let org: KbEntry | null = null;
    // Whether the phrase names the office's owner (known to the KB or not): then only that owner's holder fits.
    let owned = false;
    let front = start;
    if (inside) {
      // The office name itself includes the organisation ("NATO chief").
      org = entryOf(inside);
      owned = true;
      front = inside.tokenStart;
      start = inside.tokenEnd;
      if (start >= end) continue;
    }
    if ([...Array(end - start).keys()].some((k) => covered.has(start + k)) || namedAfter(doc, end, mentionAt)) {
      i = end - 1;
      continue;
    }
    if (!owned) {
      let b = start - 1;
      const possessive = /^['’]s$/.test(tokens[b]?.lower ?? '');
      if (possessive) b--;
      const l = covered.get(b);
      if (l && l.tokenEnd === b + 1 && l.e.type !== 'PERSON') {
        org = entryOf(l);
        owned = true;
        front = l.tokenStart;
      } else if (possessive) {
        // "the country's president", "Chad's president" (a state the KB lacks): owned, by no one we know.
        owned = true;
        front = b;
      }
    }
    if (!owned && tokens[end]?.lower === 'of') {
      const k = tokens[end + 1]?.lower === 'the' ? end + 2 : end + 1;
      const l = mentionAt.get(k);
      // "Chief of the NATO office": the organisation is a modifier of something else, not the office's owner.
      const modifier = l && tokens[l.tokenEnd]?.pos === 'NOUN';
      org = modifier ? null : entryOf(l);
      owned = true;
    }
    const np = phraseFront(doc, covered, front);
    const at = tokens[start]!.start;
    const span = (): [number, number] => [at, tokens[end - 1]!.end];
    i = end - 1;
    if (np.notNow || np.det === 'a' || np.det === 'an' || (np.det !== null && np.det !== 'the' && np.det !== ',')) continue;
    if (np.beside) {
      // "Ana Horvat, the president, called …": the person beside the office holds it.
      table.addMention(np.beside, ...span(), 'nominal');
      continue;
    }
    let person: KbEntry | null = null;
    if (owned) {
      // "The Kremlin leader", "the Élysée chief": a head named by a state's presidency is that state's president.
      const seat = org?.kind === 'presidency' && org.country && SEAT_HEADS.has(office);
      const all = seat ? holders(kb, 'president', org!.country!, date) : org && !SEVERAL_HOLDERS.has(office) ? holders(kb, office, org.id, date) : [];
      person = all.length === 1 ? all[0]! : null;
    } else if (np.det === 'the') {
      person = namedHolder(kb, office, date, table, at);
    }
    if (person) table.addMention(table.kbEntity(person), ...span(), 'nominal');
  }
}

/** The longest office name starting at token i: its end (exclusive) and office id. */
export function officeAt(root: OfficeNode, keys: string[], i: number): { end: number; office: string } | null {
  let node = root.next.get(keys[i]!);
  let best: { end: number; office: string } | null = null;
  for (let j = i; node; ) {
    if (node.office) best = { end: j + 1, office: node.office };
    j++;
    node = j < keys.length ? node.next.get(keys[j]!) : undefined;
  }
  return best;
}

interface PhraseFront {
  /** The determiner, possessive pronoun or comma that opens the phrase, or null. */
  det: string | null;
  /** A word that puts the holder at another time ("former", "then"). */
  notNow: boolean;
  /** A person named right before the phrase, with a comma between: the appositive's anchor. */
  beside: Entity | null;
}

/** Reads back from the first word of an office phrase over its modifiers, to what opens it. */
function phraseFront(doc: Doc, covered: Map<number, Located>, front: number): PhraseFront {
  const tokens = doc.tokens;
  const sentence = tokens[front]!.sentence;
  let notNow = false;
  let k = front - 1;
  for (let steps = 0; k >= 0 && steps < 6 && tokens[k]!.sentence === sentence; steps++) {
    const t = tokens[k]!;
    if (DETERMINERS.has(t.lower) || t.lower === ',') break;
    const l = covered.get(k);
    if (l) {
      if (l.e.type === 'PERSON') break;
      k = l.tokenStart - 1;
      continue;
    }
    if (NOT_NOW.has(t.lower) || (t.lower.startsWith('ex-') && t.lower.length > 3)) notNow = true;
    else if (!(t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM' || t.text === '-' || /^['’]s$/.test(t.lower))) break;
    k--;
  }
  const t = tokens[k];
  if (!t || t.sentence !== sentence || !(DETERMINERS.has(t.lower) || t.lower === ',')) return { det: null, notNow, beside: null };
  const comma = t.lower === ',' ? k : tokens[k - 1]?.lower === ',' && t.lower === 'the' ? k - 1 : -1;
  const l = comma > 0 ? covered.get(comma - 1) : undefined;
  const beside = l && l.tokenEnd === comma && l.e.type === 'PERSON' ? l.e : null;
  return { det: t.lower, notNow, beside };
}

/** The one holder of an office on the date whom the document has named by name before `at`, or null. */
function namedHolder(kb: KnowledgeBase, office: string, date: string, table: EntityTable, at: number): KbEntry | null {
  if (SEVERAL_HOLDERS.has(office)) return null;
  const named = holders(kb, office, null, date).filter((p) =>
    table.byKbId(p.id)?.mentions.some((m) => m.start < at && (m.kind === 'name' || m.kind === 'alias' || m.kind === 'surname')));
  return named.length === 1 ? named[0]! : null;
}

/**
 * "President Biden", "US President Biden", "Chancellor Merz": a surname the document gives only with an office
 * title names the one KB person of that surname who holds that office (of that state, when one is named) on the
 * document's date. The surname is the name the text says; the title picks the person.
 */
function resolveTitledSurnames(doc: Doc, kb: KnowledgeBase, date: string, table: EntityTable, root: OfficeNode, keys: string[]): void {
  const demonyms = demonymIndex(kb);
  for (const e of [...table.entities]) {
    if (e.kbId || e.type !== 'PERSON' || !e.mentions.length || e.name.includes(' ')) continue;
    const surname = normalizeName(e.name);
    let found: KbEntry | null = null;
    for (const m of e.mentions) {
      const first = doc.tokenIndexAt(m.start);
      for (let k = first - 1; k >= Math.max(0, first - 4) && !found; k--) {
        const o = officeAt(root, keys, k);
        if (!o || o.end !== first || SEVERAL_HOLDERS.has(o.office)) continue;
        // The owner right before the title, when there is one ("US President Biden").
        const before = k > 0 ? table.at(doc.tokens[k - 1]!.start) : undefined;
        const beforeEntry = before?.kbId ? kb.byId.get(before.kbId) : before?.type === 'NORP' ? demonyms.get(key(doc.tokens[k - 1]!.text)) : undefined;
        const of = beforeEntry && (beforeEntry.type === 'GPE' || beforeEntry.type === 'ORG') ? beforeEntry.id : null;
        const fits = holders(kb, o.office, of, date).filter((p) => lastWord(p.name) === surname);
        if (fits.length === 1) found = fits[0]!;
      }
      if (found) break;
    }
    if (found) table.merge(e, table.kbEntity(found), 'surname');
  }
}

const lastWord = (name: string): string => {
  const words = normalizeName(name).split(' ');
  return words[words.length - 1]!;
};

/** A person named right after the office words, through "of X" or a comma: the name is the mention. */
function namedAfter(doc: Doc, end: number, mentionAt: Map<number, Located>): boolean {
  for (let k = end; k < Math.min(doc.tokens.length, end + 8); ) {
    const l = mentionAt.get(k);
    if (l?.e.type === 'PERSON') return true;
    if (l) {
      k = l.tokenEnd;
      continue;
    }
    const w = doc.tokens[k]!.lower;
    if (w !== ',' && w !== 'of' && w !== 'the') return false;
    k++;
  }
  return false;
}
