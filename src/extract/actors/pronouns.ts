/**
 * Speaker pronouns: "he said", "she added", "He believes" name the nearest compatible person before them, and so
 * do the possessives of events ("during his meeting with X"). Only "he" and "she" as subjects (followed by a verb)
 * and "his"/"her" before their noun; "it" and "they" are actors/anaphora.ts's, "we" is left alone. The candidate is the first person named (the likely subject) in the nearest sentence that
 * names one, outside quotation marks; gender comes from the KB, else from titles or earlier pronouns.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Entity, KnowledgeBase, Mention } from '../../model/types.js';
import { FEMALE_TITLES, MALE_TITLES } from './lexicon.js';
import type { EntityTable } from './table.js';
import { sentenceTree, type SyntaxTree } from '../../nlp/syntax/tree.js';

type Gender = 'male' | 'female';

const LOOKBACK_SENTENCES = 5;

/** `inQuote`: whether an offset is inside a marked quote (a name there is never taken for a speaker). */
export function resolveSpeakerPronouns(doc: Doc, kb: KnowledgeBase, table: EntityTable, inQuote: (offset: number) => boolean): void {
  const gender = new Map<Entity, Gender>();
  for (const e of table.entities) {
    if (e.type !== 'PERSON') continue;
    const g = e.kbId ? kb.byId.get(e.kbId)?.gender : titleGender(doc, e.mentions);
    if (g) gender.set(e, g);
  }
  const people = table.allMentions().filter(({ e, m }) => e.type === 'PERSON' && m.kind !== 'pronoun' && !inQuote(m.start));
  if (!people.length) return;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    const possessive = (t.lower === 'his' || t.lower === 'her') && isPossessive(doc, i);
    if (t.lower !== 'he' && t.lower !== 'she' && !possessive) continue;
    if ((!possessive && !isSubjectOfVerb(doc, i)) || inQuote(t.start)) continue;
    const want: Gender = t.lower === 'he' || t.lower === 'his' ? 'male' : 'female';
    const target = nearestPerson(doc, people, i, (e) => (gender.get(e) ?? want) === want);
    if (!target) continue;
    // The candidate list holds names only, so adding a pronoun leaves it valid.
    if (table.addMention(target, t.start, t.end, 'pronoun') && !gender.has(target)) gender.set(target, want);
  }
}

/** "his meeting", "her recent visit": a possessive determiner before its noun (not "her" as an object). */
function isPossessive(doc: Doc, i: number): boolean {
  const next = doc.tokens[i + 1];
  if (!next || next.sentence !== doc.tokens[i]!.sentence) return false;
  if (doc.tokens[i]!.lower === 'his') return next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'NUM' || next.pos === 'PROPN';
  return next.pos === 'NOUN' || (next.pos === 'ADJ' && doc.tokens[i + 2]?.pos === 'NOUN');
}

function isSubjectOfVerb(doc: Doc, i: number): boolean {
  for (let k = i + 1; k < Math.min(doc.tokens.length, i + 4); k++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== doc.tokens[i]!.sentence) return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (t.pos !== 'ADV' && t.pos !== 'PART') return false;
  }
  return false;
}

function nearestPerson(
  doc: Doc, people: { m: Mention; e: Entity }[], i: number, ok: (e: Entity) => boolean,
): Entity | null {
  const at = doc.tokens[i]!;
  const s = at.sentence;
  // The same sentence before the pronoun: the nearest person who is a subject ("Podzic said he ...", "X will seek
  // Y's backing after protests demanding that he step down": X), else the nearest person.
  const before: { m: Mention; e: Entity }[] = [];
  for (let k = people.length - 1; k >= 0; k--) {
    const { m, e } = people[k]!;
    if (m.start >= at.start) continue;
    if (doc.tokens[doc.tokenIndexAt(m.start)]!.sentence !== s) break;
    if (ok(e)) before.push(people[k]!);
  }
  if (before.length) {
    const tree = before.length > 1 ? sentenceTree(doc, s) : null;
    const subject = tree ? before.find(({ m }) => isSubjectWord(tree, doc, m)) : undefined;
    return (subject ?? before[0]!).e;
  }
  // Earlier sentences: the first person each names, nearest sentence first.
  for (let back = 1; back <= LOOKBACK_SENTENCES && s - back >= 0; back++) {
    const sent = doc.sentences[s - back]!;
    const inSent = people.filter(({ m }) => m.start >= sent.start && m.start < sent.end);
    const hit = inSent.find(({ e }) => ok(e));
    if (hit) return hit.e;
  }
  return null;
}

/** Whether a mention heads a clause's subject in the tree (the mention's head word is nsubj or nsubj:pass). */
function isSubjectWord(tree: SyntaxTree, doc: Doc, m: Mention): boolean {
  const words = tree.wordsOfTokens(doc.tokenIndexAt(m.start), doc.tokenIndexAt(m.end - 1));
  const inside = new Set(words);
  const head = words.find((w) => !inside.has(tree.word(w).head));
  if (head === undefined) return false;
  const rel = tree.word(head).rel;
  return rel === 'nsubj' || rel === 'nsubj:pass';
}

function titleGender(doc: Doc, mentions: Mention[]): Gender | undefined {
  for (const m of mentions) {
    const k = doc.tokenIndexAt(m.start) - 1;
    const before = k >= 0 ? doc.tokens[k]!.lower.replace(/\./g, '') : '';
    if (MALE_TITLES.has(before)) return 'male';
    if (FEMALE_TITLES.has(before)) return 'female';
  }
  return undefined;
}
