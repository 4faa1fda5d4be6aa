/**
 * Topic-first questions (issue 13): "every stance on NATO membership", "on Bosnia and Herzegovina's NATO
 * membership", "who said what about joining the EU". A topic as a user writes it is read into the stored topics it
 * covers and, for a membership, whose membership (`parseTopic`); the stances on it are listed by holder, each
 * holder's over time (`topicStances`); `listTopics` says which topics the store holds stances on. See docs/topics.md.
 */
import { MEMBERSHIP_TOPICS, type StanceTopic } from '../model/types.js';
import { normalizeName } from '../nlp/fold.js';
import type { Queryable } from '../store/db.js';
import { stanceLabel } from '../extract/stance.js';
import { findEntity } from './entities.js';
import { entityNames, loadOverrides } from './corrections.js';
import { stancePage, type StanceEntry } from './statements.js';
import { positionChanges } from '../resolve/stances.js';

export const STANCE_TOPICS: readonly StanceTopic[] = ['NATO membership', 'EU membership', 'NATO', 'Russia', 'EU'];

/** The ways people write each topic, normalised (folded, lower case, no "the"). */
const SPELLINGS: [StanceTopic[], string[]][] = [
  [['NATO membership'], ['nato membership', 'membership in nato', 'membership of nato', 'joining nato', 'join nato', 'nato accession',
    'accession to nato', 'nato path', 'nato bid', 'euro atlantic integration', 'nato integration']],
  [['EU membership'], ['eu membership', 'membership in eu', 'membership of eu', 'european union membership', 'joining eu', 'join eu',
    'joining european union', 'join european union', 'eu accession', 'accession to eu', 'eu path', 'eu integration', 'european integration', 'eu bid']],
  [['NATO membership', 'EU membership'], ['membership', 'accession', 'joining', 'integration']],
  [['NATO'], ['nato', 'north atlantic treaty organization', 'north atlantic treaty organisation', 'north atlantic alliance', 'alliance']],
  [['Russia'], ['russia', 'russian federation', 'kremlin', 'moscow']],
  [['EU'], ['eu', 'european union']],
];

/** A topic as asked: the stored topics it covers, and whose membership when it names one. */
export interface TopicQuery {
  /** What was asked, named in full ("Bosnia and Herzegovina's NATO membership"). */
  label: string;
  topics: StanceTopic[];
  object: { id: string; name: string } | null;
}

const plain = (s: string) => normalizeName(s).replace(/[-–]/g, ' ').replace(/\bthe\b/g, ' ').replace(/\s+/g, ' ').trim();

/** The topics a phrase names on its own ("NATO membership", "joining the EU"), or null. */
export function topicsNamed(phrase: string): StanceTopic[] | null {
  const p = plain(phrase);
  for (const [topics, spellings] of SPELLINGS) if (spellings.includes(p)) return topics;
  return null;
}

/**
 * Reads a topic as a user writes it: a topic alone, or whose ("Bosnia and Herzegovina's NATO membership", "NATO
 * membership of Bosnia", "Ukraine joining NATO"). The whose is found as any actor is (any spelling). Null when the
 * words name no topic; an error when they name one for an actor the store does not know.
 */
export async function parseTopic(db: Queryable, text: string): Promise<TopicQuery | null> {
  const raw = text.trim();
  const alone = topicsNamed(raw);
  if (alone) return { label: alone.length === 1 ? alone[0]! : 'membership', topics: alone, object: null };
  // "X's T", "T of X", "X joining T-org".
  const forms: [string, string][] = [];
  const poss = /^(.+?)['’]s?\s+(.+)$/.exec(raw);
  if (poss) forms.push([poss[1]!, poss[2]!]);
  const of = /^(.+?)\s+(?:of|for|by)\s+(.+)$/i.exec(raw);
  if (of) forms.push([of[2]!, of[1]!]);
  const joining = /^(.+?)\s+(joining|join|to join|in)\s+(.+)$/i.exec(raw);
  if (joining) forms.push([joining[1]!, `joining ${joining[3]!}`]);
  for (const [who, what] of forms) {
    const topics = topicsNamed(what)?.filter((t) => MEMBERSHIP_TOPICS.includes(t));
    if (!topics?.length) continue;
    const hit = await findEntity(db, who.trim());
    if (!hit) throw new TopicError(`${who.trim()}: no such actor in the store (see \`dossier entities\`)`);
    const label = topics.length === 1 ? stanceLabel(topics[0]!, hit.name) : `${stanceLabel('NATO membership', hit.name).replace(/ NATO membership$/, '')} membership`;
    return { label, topics, object: hit };
  }
  return null;
}

/** A topic that cannot be read: one line saying why (a 400 in the API, exit 2 in the CLI). */
export class TopicError extends Error {}

/** What `parseTopic` understands, for messages. */
export const TOPIC_HELP = `a topic (${STANCE_TOPICS.join(', ')}; "joining the EU" and the like), optionally whose ("Bosnia and Herzegovina's NATO membership")`;

/** One holder's stances on a topic, oldest first; `changedFrom` marks a change of position (not a contradiction). */
export interface TopicHolder {
  holderId: string;
  holderName: string;
  /** The latest stance's polarity. */
  latest: string;
  counts: { support: number; oppose: number; neutral: number };
  stances: (StanceEntry & { changedFrom?: { polarity: string; date: string } })[];
}

export interface TopicStances {
  topic: TopicQuery;
  /** Stances on the topic in all; `holders` lists at most `limit` of them (the latest). */
  total: number;
  holders: TopicHolder[];
}

/**
 * Every holder's stances on a topic, each holder's over time, holders with the most stances first. At most `limit`
 * stances (the latest) are read: a topic on a large store has thousands.
 */
export async function topicStances(db: Queryable, q: TopicQuery, f: { from?: string; to?: string; limit?: number } = {}): Promise<TopicStances> {
  const { total, items } = await stancePage(db, { topics: q.topics, object: q.object?.id, from: f.from, to: f.to, limit: f.limit ?? 500, counted: true });
  const byHolder = new Map<string, StanceEntry[]>();
  for (const s of items) byHolder.set(s.holderId, [...(byHolder.get(s.holderId) ?? []), s]);
  const holders = [...byHolder.values()].map((list): TopicHolder => {
    const stances = [...list].reverse();
    const changes = positionChanges(stances.map((s) => ({ ...s, topic: s.label ?? s.topic })));
    const counts = { support: 0, oppose: 0, neutral: 0 };
    for (const s of stances) if (s.polarity in counts) counts[s.polarity as keyof typeof counts]++;
    return {
      holderId: list[0]!.holderId, holderName: list[0]!.holderName, latest: list[0]!.polarity, counts,
      stances: stances.map((s, i) => (changes.has(i) ? { ...s, changedFrom: changes.get(i)! } : s)),
    };
  });
  holders.sort((a, b) => b.stances.length - a.stances.length || a.holderName.localeCompare(b.holderName));
  return { topic: q, total, holders };
}

/** A topic the store holds stances on: a stored topic and, for a membership, whose. */
export interface TopicSummary {
  topic: string;
  objectId: string | null;
  label: string;
  stances: number;
  holders: number;
  first: string | null;
  last: string | null;
}

/** The topics stances are held on, the most discussed first. One aggregate over the stances (an index-only count). */
export async function listTopics(db: Queryable): Promise<TopicSummary[]> {
  const ov = await loadOverrides(db);
  const rows = (await db.query<{ topic: string; object_id: string | null; n: number; holders: number; first: string | null; last: string | null }>(
    `SELECT topic, object_id, count(*)::int AS n, count(DISTINCT holder_id)::int AS holders, min(date) AS first, max(date) AS last
       FROM stances GROUP BY topic, object_id`)).rows;
  // Read through merges: two stored objects merged into one are one topic.
  const merged = new Map<string, TopicSummary>();
  for (const r of rows) {
    const objectId = r.object_id && MEMBERSHIP_TOPICS.includes(r.topic as StanceTopic) ? ov.canonical(r.object_id) : null;
    const key = `${r.topic}|${objectId ?? ''}`;
    const prev = merged.get(key);
    if (prev) {
      prev.stances += r.n;
      prev.holders += r.holders;
      if (r.first && (!prev.first || r.first < prev.first)) prev.first = r.first;
      if (r.last && (!prev.last || r.last > prev.last)) prev.last = r.last;
    } else merged.set(key, { topic: r.topic, objectId, label: r.topic, stances: r.n, holders: r.holders, first: r.first, last: r.last });
  }
  const list = [...merged.values()];
  const names = await entityNames(db, ov, list.map((t) => t.objectId).filter((x): x is string => !!x));
  for (const t of list) if (t.objectId) t.label = stanceLabel(t.topic, names.get(t.objectId)?.name ?? null);
  return list.sort((a, b) => b.stances - a.stances || a.label.localeCompare(b.label));
}

/** What `quotes --about X` is about: a topic when the words name one, else an actor (any spelling). */
export async function aboutOf(db: Queryable, text: string): Promise<{ label: string; about: { actor: string } | { topics: readonly string[]; object: string | null } }> {
  const topic = await parseTopic(db, text);
  if (topic) return { label: topic.label, about: { topics: topic.topics, object: topic.object?.id ?? null } };
  const actor = await findEntity(db, text);
  if (!actor) throw new TopicError(`${text}: neither ${TOPIC_HELP} nor an actor in the store (see \`dossier entities\`)`);
  return { label: actor.name, about: { actor: actor.id } };
}
