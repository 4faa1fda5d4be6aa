/**
 * Commands over statements across documents: `timeline`, `quotes`, `stance`, `disagreements`. Thin: they resolve
 * actor names (any spelling, via findEntity) and topics (src/service/topics.ts), call src/service, and print dates,
 * sources and the sentence that says it. An unknown actor or event type is one line on stderr and exit status 2.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { guarded, isoDate, positiveInt as count, UserError } from './args.js';
import { positionChanges } from '../resolve/stances.js';
import { PLOVER_TYPES, type DateBasis, type KnowledgeBase } from '../model/types.js';
import type { Store } from '../store/store.js';
import type { Queryable } from '../store/db.js';
import { findEntity } from '../service/entities.js';
import { listDisagreements, listQuotes, listStances, timeline, type Disagreement, type DisagreementSide, type QuoteEntry, type StanceEntry, type TimelineEntry } from '../service/statements.js';
import { aboutOf, parseTopic, topicStances, TopicError, TOPIC_HELP, type TopicStances } from '../service/topics.js';
import { shortId, truncate } from './output.js';

export interface CliDeps {
  withStore: <T>(fn: (store: Store) => Promise<T>) => Promise<T>;
  kbFromOptions: () => KnowledgeBase;
  print: (s: string) => void;
}

/** A PLOVER type in any case. */
export const ploverType = (v: string): string => {
  const t = v.trim().toUpperCase();
  if (!(PLOVER_TYPES as readonly string[]).includes(t)) throw new InvalidArgumentError(`not a PLOVER type; use one of ${PLOVER_TYPES.join(', ')}`);
  return t;
};

async function actorId(db: Queryable, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const hit = await findEntity(db, name);
  if (!hit) throw new UserError(`${name}: no such actor in the store (see \`dossier entities\`)`);
  return hit.id;
}

/** A topic read from the user's words; what cannot be read is a UserError (one line, exit 2). */
async function topicOrFail<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof TopicError) throw new UserError(err.message);
    throw err;
  }
}

/** Where a report is: its date, outlet and document. */
const where = (s: { source: string | null; documentDate?: string | null; date?: string | null; documentId: string }) =>
  `${s.documentDate ?? s.date ?? 'undated'} ${s.source ?? 'unknown source'} [${shortId(s.documentId)}]`;

/**
 * One timeline entry. A date no report states (`basis` "report": the report's own date, given to a past act the
 * text does not date) is printed "≤ date": it happened by then.
 */
export function formatTimelineEntry(e: TimelineEntry & { dateBasis?: DateBasis | null }): string {
  const actors = `${e.sourceName ?? '?'} → ${e.targetName ?? '?'}`;
  const flags = [e.negated ? 'denied' : '', e.modality !== 'asserted' ? e.modality : '', e.locationName ? `in ${e.locationName}` : '']
    .filter(Boolean).join(', ');
  const date = e.date ? (e.dateBasis === 'report' ? `≤ ${e.date}` : e.date) : 'undated';
  const reports = Math.max(e.mentionCount ?? 0, e.mentions.length);
  const head = `${date.padEnd(10)}  ${e.type.padEnd(9)}  ${actors}${flags ? `  (${flags})` : ''}  — ${reports} report${reports === 1 ? '' : 's'}` +
    (reports > e.mentions.length ? ` (the first ${e.mentions.length} shown)` : '');
  const lines = e.mentions.map((m) => `    ${where(m)}${m.negated ? ' (denies)' : ''}: ${truncate(m.sentence, 160)}`);
  return [head, ...lines].join('\n');
}

export function formatQuote(q: QuoteEntry): string {
  const head = `${(q.date ?? 'undated').padEnd(10)}  ${q.speakerName ?? q.sources.find((s) => s.speakerText)?.speakerText ?? '(unknown speaker)'}` +
    `${q.direct ? '' : ' (reported)'}: “${truncate(q.text, 200)}”`;
  return [head, ...q.sources.map((s) => `    ${where(s)}`)].join('\n');
}

/** Where a stance's evidence is: the document, and the sentence's character span in it (`[3f2a1b9c0d 120–245]`). */
const cited = (st: StanceEntry) => `${st.source ?? 'unknown source'} [${shortId(st.documentId)} ${st.evidenceStart}–${st.evidenceEnd}]`;

/**
 * Every holder's stances on a topic: a holder a block, its stances oldest first, each with its evidence sentence
 * and where that sentence is; a change of position over time is said as one.
 */
export function formatTopicStances(t: TopicStances): string {
  const shown = t.holders.reduce((n, h) => n + h.stances.length, 0);
  const head = `${t.topic.label}: ${t.total} stance${t.total === 1 ? '' : 's'} by ${t.holders.length} holder${t.holders.length === 1 ? '' : 's'}` +
    (shown < t.total ? ` (the latest ${shown} shown)` : '');
  const blocks = t.holders.map((h) => {
    const tally = (['support', 'oppose', 'neutral'] as const).filter((p) => h.counts[p]).map((p) => `${h.counts[p]} ${p}`).join(', ');
    const lines = h.stances.map((st) => `    ${(st.date ?? 'undated').padEnd(10)}  ${st.polarity.padEnd(7)}  ${st.label ?? st.topic}` +
      `${st.changedFrom ? ` (changed: ${st.changedFrom.polarity} in ${st.changedFrom.date})` : ''}  — ${cited(st)}: ${truncate(st.evidence, 140)}`);
    return [`  ${h.holderName} — now ${h.latest} (${tally})`, ...lines].join('\n');
  });
  return [head, ...blocks].join('\n\n');
}

const side = (label: string, s: DisagreementSide) => `    ${label} ${s.claim.padEnd(8)} ${where(s)}: ${truncate(s.text, 150)}`;

export function formatDisagreement(d: Disagreement): string {
  return [`${d.kind.padEnd(6)}  ${d.actorName} — ${d.topic}`, side('a', d.a), side('b', d.b)].join('\n');
}

/**
 * How each timeline entry's date is known: `stated` when a report of it gives the time in words, `report` when
 * every dated report took its own publication date (event dates of basis "report" are stored with no words).
 */
async function dateBases(db: Queryable, entries: string[]): Promise<Map<string, DateBasis>> {
  if (!entries.length) return new Map();
  const rows = (await db.query<{ entry_id: string; stated: boolean }>(
    `SELECT entry_id::text AS entry_id, bool_or(coalesce(date_text, '') <> '') AS stated FROM events
      WHERE entry_id = ANY($1::bigint[]) AND date_value IS NOT NULL GROUP BY entry_id`, [entries])).rows;
  return new Map(rows.map((r) => [r.entry_id, r.stated ? 'stated' : 'report']));
}

export function registerStatementCommands(program: Command, deps: CliDeps): void {
  const { withStore, print } = deps;

  program
    .command('timeline')
    .description('the merged timeline: one line per real-world event, with every report of it (undated events last)')
    .option('--actor <name>', 'only events with this actor as source or target (any spelling); a state includes what its agents did ("Serbian police")')
    .option('--no-agents', 'with --actor: leave out events the actor did only through its agents (police, army, embassy, government)')
    .option('--type <type>', `only this PLOVER type (${PLOVER_TYPES.join(', ')})`, ploverType)
    .option('--from <YYYY-MM-DD>', 'events on or after', isoDate)
    .option('--to <YYYY-MM-DD>', 'events on or before', isoDate)
    .option('--source <text>', 'only events reported by an outlet whose name or URL contains this')
    .option('--limit <n>', 'how many events', count, 50)
    .option('--json', 'print JSON')
    .action(guarded(async (o) => {
      const res = await withStore(async (s) => {
        const page = await timeline(s.db, {
          actor: await actorId(s.db, o.actor), agents: o.agents, type: o.type, from: o.from, to: o.to, source: o.source, limit: o.limit,
        });
        const bases = await dateBases(s.db, page.items.map((e) => e.id));
        return { ...page, items: page.items.map((e) => ({ ...e, dateBasis: e.date ? bases.get(e.id) ?? 'stated' : null })) };
      });
      if (o.json) return print(JSON.stringify(res, null, 2));
      if (!res.items.length) return print('no events');
      print(res.items.map(formatTimelineEntry).join('\n\n'));
      print(`\n${res.items.length} of ${res.total} events`);
      if (res.items.some((e) => e.dateBasis === 'report')) print('≤ date: no report states the date; it happened by that report\'s date');
    }));

  program
    .command('quotes')
    .description('quotes, newest first, each once with every outlet that carried it')
    .option('--speaker <name>', 'only quotes by this speaker (any spelling)')
    .option('--about <actor-or-topic>', 'only quotes about an actor (that the quote names) or a topic ("NATO membership", "Bosnia\'s NATO membership", Russia)')
    .option('--search <words>', 'only quotes containing these words')
    .option('--from <YYYY-MM-DD>', 'first published on or after', isoDate)
    .option('--to <YYYY-MM-DD>', 'first published on or before', isoDate)
    .option('--limit <n>', 'how many quotes', count, 50)
    .option('--json', 'print JSON')
    .action(guarded(async (o) => {
      const res = await withStore(async (s) => {
        const about = o.about ? await topicOrFail(() => aboutOf(s.db, o.about)) : null;
        const page = await listQuotes(s.db, {
          speaker: await actorId(s.db, o.speaker), about: about?.about, q: o.search, from: o.from, to: o.to, limit: o.limit,
        });
        return about ? { about: about.label, ...page } : page;
      });
      if (o.json) return print(JSON.stringify(res, null, 2));
      if (!res.items.length) return print(o.about ? `no quotes about ${(res as { about: string }).about}` : 'no quotes');
      if (o.about) print(`About ${(res as { about: string }).about}:\n`);
      print(res.items.map(formatQuote).join('\n\n'));
      print(`\n${res.items.length} of ${res.total} quotes`);
    }));

  program
    .command('stance')
    .description('stances (support, oppose, neutral) on NATO and EU membership (whose), NATO, Russia and the EU: an actor\'s, newest first, or with --topic alone every holder\'s, over time')
    .argument('[actor...]', 'a name in any spelling or script, or an entity id')
    .option('--topic <topic>', `${TOPIC_HELP}`)
    .option('--from <YYYY-MM-DD>', 'stances dated on or after', isoDate)
    .option('--to <YYYY-MM-DD>', 'stances dated on or before', isoDate)
    .option('--limit <n>', 'with --topic alone: how many stances (the latest)', count, 500)
    .option('--json', 'print JSON')
    .action(guarded(async (nameParts: string[], o) => {
      const name = nameParts.join(' ');
      if (!name && !o.topic) throw new UserError('name an actor, or give --topic (see `dossier stance --help`)');
      if (!name) {
        const res = await withStore(async (s) => {
          const topic = await topicOrFail(() => parseTopic(s.db, o.topic));
          if (!topic) throw new UserError(`${o.topic}: not a topic; give ${TOPIC_HELP}`);
          return topicStances(s.db, topic, { from: o.from, to: o.to, limit: o.limit });
        });
        if (o.json) return print(JSON.stringify(res, null, 2));
        if (!res.holders.length) return print(`no stances recorded on ${res.topic.label}`);
        return print(formatTopicStances(res));
      }
      const { id, stances } = await withStore(async (s) => {
        const holder = (await actorId(s.db, name))!;
        const topic = o.topic ? await topicOrFail(() => parseTopic(s.db, o.topic)) : null;
        if (o.topic && !topic) throw new UserError(`${o.topic}: not a topic; give ${TOPIC_HELP}`);
        return { id: holder, stances: await listStances(s.db, { holder, topics: topic?.topics, object: topic?.object?.id, from: o.from, to: o.to }) };
      });
      if (o.json) return print(JSON.stringify(stances, null, 2));
      if (!stances.length) return print(`no stances recorded for ${name} (${id})${o.topic ? ` on ${o.topic}` : ''}`);
      print(`${stances[0]!.holderName}`);
      // A change of position over the years is shown as one, not left to read as two sources contradicting.
      const changes = positionChanges(stances.map((st) => ({ ...st, topic: st.label ?? st.topic })));
      stances.forEach((st, i) => {
        const was = changes.get(i);
        print(`  ${(st.date ?? 'undated').padEnd(10)}  ${st.polarity.padEnd(7)}  ${st.label ?? st.topic}${was ? ` (changed: ${was.polarity} in ${was.date})` : ''}  — ${cited(st)}: ${truncate(st.evidence, 140)}`);
      });
    }));

  program
    .command('disagreements')
    .description('sources that contradict each other: opposite stances, or an event one asserts and another denies')
    .option('--actor <name>', 'only disagreements about this actor (any spelling)')
    .option('--limit <n>', 'how many', count, 50)
    .option('--json', 'print JSON')
    .action(guarded(async (o) => {
      const res = await withStore(async (s) => listDisagreements(s.db, { actor: await actorId(s.db, o.actor), limit: o.limit }));
      if (o.json) return print(JSON.stringify(res, null, 2));
      if (!res.items.length) return print('no disagreements');
      print(res.items.map(formatDisagreement).join('\n\n'));
      print(`\n${res.items.length} of ${res.total} disagreements`);
    }));
}
