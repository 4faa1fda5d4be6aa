/**
 * Role nominals: "the NATO secretary general", "Serbia's defence minister", "the Serbian president" name whoever
 * held the office at the document's date, by the KB's dated roles. The office words come from `kb.offices`; the
 * organisation or state is the KB mention (or demonym) just before the office words, or "of X" just after; with
 * neither, a holder already named in the document, else an organisation named earlier that has a holder.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Entity, KbEntry, KnowledgeBase, Mention } from '../../model/types.js';
import { aliasWords, tokenKeys } from '../../kb/matcher.js';
import type { EntityTable } from './table.js';

interface OfficeNode {
  next: Map<string, OfficeNode>;
  office?: string;
}

const officeTries = new WeakMap<KnowledgeBase, OfficeNode>();

function officeTrie(kb: KnowledgeBase): OfficeNode {
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

export function resolveRoleNominals(doc: Doc, kb: KnowledgeBase, date: string | null, table: EntityTable): void {
  if (!date || !kb.offices.length) return;
  const root = officeTrie(kb);
  const keys = tokenKeys(doc);
  if (!keys.some((k) => root.next.has(k))) return;
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

  for (let i = 0; i < doc.tokens.length; i++) {
    let node = root.next.get(keys[i]!);
    if (!node) continue;
    let end = -1;
    let office = '';
    for (let j = i; node; ) {
      if (node.office) {
        end = j + 1;
        office = node.office;
      }
      j++;
      node = j < doc.tokens.length ? node.next.get(keys[j]!) : undefined;
    }
    if (end < 0) continue;
    // Office words inside a longer name ("Office of the High Representative") or a person's title before the
    // name ("Defence Minister Aleksandar Vulin", "Secretary General, Jens Stoltenberg") are not nominals.
    let start = i;
    const inside = covered.get(i);
    if (inside && inside.e.type !== 'ORG' && inside.e.type !== 'GPE' && inside.e.type !== 'NORP') {
      i = end - 1;
      continue;
    }
    let org: KbEntry | null = null;
    if (inside) {
      // The office name itself includes the organisation ("NATO chief").
      org = entryOf(inside);
      start = inside.tokenEnd;
      if (start >= end) continue;
    }
    if ([...Array(end - start).keys()].some((k) => covered.has(start + k))) {
      i = end - 1;
      continue;
    }
    if (namedAfter(doc, end, mentionAt)) {
      i = end - 1;
      continue;
    }
    let explicit = false;
    if (!org) {
      let b = start - 1;
      if (doc.tokens[b]?.lower === "'s") b--;
      org = entryOf(covered.get(b));
      explicit = covered.has(b);
    }
    if (!org && doc.tokens[end]?.lower === 'of') {
      const k = doc.tokens[end + 1]?.lower === 'the' ? end + 2 : end + 1;
      const l = mentionAt.get(k);
      // "Chief of the NATO office": the organisation is a modifier of something else, not the office's owner.
      const modifier = l && doc.tokens[l.tokenEnd]?.pos === 'NOUN';
      org = modifier ? null : entryOf(l);
      explicit = true;
    }
    // Without a named organisation, only a definite "the secretary general" refers back to a known holder.
    const definite = doc.tokens[start - 1]?.lower === 'the';
    if (!org && (explicit || !definite)) {
      i = end - 1;
      continue;
    }
    const person = pickHolder(kb, office, org, date, table, doc.tokens[start]!.start);
    if (person) table.addMention(table.kbEntity(person), doc.tokens[start]!.start, doc.tokens[end - 1]!.end, 'nominal');
    i = end - 1;
  }
}

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

function pickHolder(kb: KnowledgeBase, office: string, org: KbEntry | null, date: string, table: EntityTable, at: number): KbEntry | null {
  if (org) return holders(kb, office, org.id, date)[0] ?? null;
  const all = holders(kb, office, null, date);
  if (!all.length) return null;
  // A holder the document has already named.
  const named = all.filter((p) => table.byKbId(p.id)?.mentions.some((m) => m.start < at));
  if (named.length === 1) return named[0]!;
  // Else the holder for the organisation or state most recently named before.
  let best: { p: KbEntry; pos: number } | null = null;
  for (const p of all) {
    for (const r of p.roles ?? []) {
      if (r.office !== office || !holdsOn(r.from, r.to, date)) continue;
      const orgEntity = table.byKbId(r.of);
      const pos = Math.max(-1, ...(orgEntity?.mentions.filter((m) => m.start < at).map((m) => m.start) ?? []));
      if (pos >= 0 && (!best || pos > best.pos)) best = { p, pos };
    }
  }
  return best?.p ?? null;
}
