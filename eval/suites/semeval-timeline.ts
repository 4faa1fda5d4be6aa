/**
 * SemEval-2015 Task 4 (TimeLine: cross-document event ordering), Track B documents, scored with the proxy that the
 * data's SOURCE.md describes (the task's own scorer was not copied): per target entity, precision and recall of
 *   - event mentions on the entity's timeline (entity, docid-sentence-token),
 *   - mentions anchored to the right date (entity, mention, date; "XXXX" parts mean coarser or undated),
 *   - cross-document merge pairs (two mentions from different documents on one timeline line / one of our entries).
 * Our side: the whole pipeline over the 90 texts, stored through writeDocument so that the write-time resolution
 * (src/resolve) builds the timeline entries; an entity's timeline is every event whose source or target is the
 * target entity (same normalised name or alias). Our events are PLOVER-coded political events and these are
 * business news (orders, deliveries, job cuts), so recall is expected to be low.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/extract/pipeline.js';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { normalizeName } from '../../src/nlp/fold.js';
import { openStore } from '../../src/store/store.js';
import { writeDocument } from '../../src/store/store.js';
import { prf, round, type EvalSuite, type Measure } from '../suite.js';

export interface TmlToken {
  sentence: number;
  text: string;
  start: number;
  end: number;
}

export interface TmlDocument {
  id: string;
  /** The creation date (DCT), `YYYY-MM-DD`. */
  date: string | null;
  text: string;
  tokens: TmlToken[];
}

const ENTITY_REFS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => ENTITY_REFS[n]!);
/** Tokens written without a space before them, and after which none comes: enough detokenising for our extractors. */
const NO_SPACE_BEFORE = new Set([',', '.', ':', ';', '!', '?', "'s", "n't", "'", ')', '%', "'re", "'ve", "'ll", "'d", "'m"]);
const NO_SPACE_AFTER = new Set(['(', '$']);

/** A Track B TimeML file as plain text, each token keeping its sentence id and offsets. */
export function parseTml(xml: string): TmlDocument {
  const id = /<DOCID>([^<]+)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? '';
  const date = /<DCT>[\s\S]*?value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ?? null;
  const tokens: TmlToken[] = [];
  let text = '';
  for (const m of xml.matchAll(/<s id="(\d+)">([\s\S]*?)<\/s>/g)) {
    const sentence = Number(m[1]);
    const words = decode(m[2]!.replace(/<[^>]+>/g, '')).split(/\s+/).filter(Boolean);
    if (text) text += '\n';
    let glue = true;
    for (const w of words) {
      if (!glue && !NO_SPACE_BEFORE.has(w)) text += ' ';
      tokens.push({ sentence, text: w, start: text.length, end: text.length + w.length });
      text += w;
      glue = NO_SPACE_AFTER.has(w);
    }
  }
  return { id, date, text, tokens };
}

export interface GoldLine {
  ordinal: number;
  /** Normalised: `2003`, `2008-03`, `2008-03-05`, or null when undated. */
  date: string | null;
  /** `docid-sentence-token`. */
  mentions: string[];
}

/** `2003-XX-XX` → `2003`, `XXXX-XX-XX` → null. */
export function normaliseGoldDate(d: string): string | null {
  const kept = d.split('-').filter((p) => !/X/.test(p));
  return kept.length ? kept.join('-') : null;
}

export function parseGoldTimeline(text: string): { entity: string; lines: GoldLine[] } {
  const [entity = '', ...rest] = text.split(/\r?\n/);
  const lines = rest.filter((l) => l.trim()).map((l) => {
    const [ordinal, date, ...mentions] = l.split('\t').map((x) => x.trim());
    return { ordinal: Number(ordinal), date: normaliseGoldDate(date ?? 'XXXX'), mentions: mentions.filter(Boolean) };
  });
  return { entity: entity.trim(), lines };
}

export interface SystemEvent {
  /** Mention keys the trigger covers (one per token); the first is used unless another is in the gold. */
  keys: string[];
  date: string | null;
  entry: string;
  document: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const docOf = (mention: string) => mention.split('-')[0]!;

function setCounts(gold: Set<string>, system: Set<string>): Counts {
  let tp = 0;
  for (const s of system) if (gold.has(s)) tp++;
  return { tp, fp: system.size - tp, fn: gold.size - tp };
}

function crossDocPairs(groups: string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const g of groups) {
    const ms = [...new Set(g)].sort();
    for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) if (docOf(ms[i]!) !== docOf(ms[j]!)) pairs.add(`${ms[i]}|${ms[j]}`);
  }
  return pairs;
}

/** The three proxy scores for one entity's timeline. */
export function scoreTimeline(gold: GoldLine[], system: SystemEvent[]): { mentions: Counts; anchored: Counts; merges: Counts } {
  const goldMentions = new Set(gold.flatMap((l) => l.mentions));
  const pick = (e: SystemEvent) => e.keys.find((k) => goldMentions.has(k)) ?? e.keys[0]!;
  const goldAnchored = new Set(gold.flatMap((l) => l.mentions.map((m) => `${m}@${l.date ?? '-'}`)));
  const sysAnchored = new Set(system.map((e) => `${pick(e)}@${e.date ?? '-'}`));
  const byEntry = new Map<string, string[]>();
  for (const e of system) byEntry.set(e.entry, [...(byEntry.get(e.entry) ?? []), pick(e)]);
  return {
    mentions: setCounts(goldMentions, new Set(system.map(pick))),
    anchored: setCounts(goldAnchored, sysAnchored),
    merges: setCounts(crossDocPairs(gold.map((l) => l.mentions)), crossDocPairs([...byEntry.values()])),
  };
}

const suite: EvalSuite = {
  name: 'semeval-timeline',
  data: 'semeval2015-timeline',
  async run(dataDir: string): Promise<Measure[]> {
    const kb = defaultKnowledgeBase();
    const corpora = readdirSync(dataDir).filter((d) => d.startsWith('corpus_')).sort();
    const store = await openStore({ dataDir: 'memory://' });
    let mentions: Counts = { tp: 0, fp: 0, fn: 0 };
    let anchored = mentions;
    let merges = mentions;
    let docs = 0;
    let events = 0;
    let goldRows = 0;
    let entities = 0;
    try {
      // Each topic corpus is its own timeline task: resolved in a store of its own.
      for (const corpus of corpora) {
        await store.db.exec('DELETE FROM documents');
        const tmlDir = join(dataDir, corpus, 'corpus_trackB_TimeML');
        const tokensByDoc = new Map<string, { tml: TmlDocument; storedId: string }>();
        for (const file of readdirSync(tmlDir).filter((f) => f.endsWith('.tml')).sort()) {
          const tml = parseTml(readFileSync(join(tmlDir, file), 'utf8'));
          const id = createHash('sha256').update(tml.text).digest('hex');
          const a = analyze({ text: tml.text, date: tml.date, language: 'en', dateSource: tml.date ? 'given' : undefined }, kb);
          await writeDocument(store.db, {
            document: { id, text: tml.text, title: null, date: tml.date, dateSource: tml.date ? 'given' : null, source: `semeval:${tml.id}`, url: null, language: 'en' },
            doc: a.doc, layers: a.layers, wordCount: tml.tokens.length, signature: [], bands: [], nearDuplicate: null,
          });
          tokensByDoc.set(id, { tml, storedId: id });
          docs++;
          events += a.layers.events.length;
        }
        const stored = (await store.db.query<any>(
          `SELECT v.document_id, v.trigger_start, v.trigger_end, v.entry_id::text AS entry, t.date_value,
                  s.norm_name AS s_norm, s.aliases AS s_aliases, g.norm_name AS t_norm, g.aliases AS t_aliases
             FROM events v JOIN timeline_entries t ON t.id = v.entry_id
             LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities g ON g.id = v.target_id`)).rows;
        const goldDir = join(dataDir, corpus, 'TimeLines_Gold_Standard');
        for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.txt')).sort()) {
          const gold = parseGoldTimeline(readFileSync(join(goldDir, file), 'utf8'));
          const target = normalizeName(gold.entity);
          const names = (norm: string | null, aliases: string[] | null) => [norm ?? '', ...(aliases ?? []).map(normalizeName)];
          const isTarget = (norm: string | null, aliases: string[] | null) =>
            names(norm, aliases).some((n) => n === target || (n.length > target.length && ` ${n} `.includes(` ${target} `)));
          const system: SystemEvent[] = stored.filter((r) => isTarget(r.s_norm, r.s_aliases) || isTarget(r.t_norm, r.t_aliases)).map((r) => {
            const { tml } = tokensByDoc.get(r.document_id)!;
            const keys = tml.tokens.filter((k) => k.start < r.trigger_end && r.trigger_start < k.end).map((k) => `${tml.id}-${k.sentence}-${k.text}`);
            return { keys: keys.length ? keys : [`${tml.id}-?-?`], date: r.date_value, entry: r.entry, document: tml.id };
          });
          const s = scoreTimeline(gold.lines, system);
          mentions = add(mentions, s.mentions);
          anchored = add(anchored, s.anchored);
          merges = add(merges, s.merges);
          goldRows += gold.lines.length;
          entities++;
        }
      }
    } finally {
      await store.close();
    }
    const row = (label: string, c: Counts, anchor?: string): Measure[] => {
      const { p, r, f1 } = prf(c.tp, c.fp, c.fn);
      return [
        { measure: `${label} P`, value: round(p) }, { measure: `${label} R`, value: round(r) },
        { measure: `${label} F1`, value: round(f1), ...(anchor ? { anchor } : {}) },
      ];
    };
    return [
      { measure: 'documents / target entities / gold timeline rows', value: `${docs} / ${entities} / ${goldRows}` },
      { measure: 'events extracted (all types)', value: events },
      ...row('timeline mentions', mentions),
      ...row('mention+date', anchored, 'official temporal-awareness F1, best Track A run: 0.0785 (Minard et al. 2015; different metric)'),
      ...row('cross-doc merge pairs', merges),
      { measure: 'counts tp/fp/fn mentions | dated | merges', value: `${mentions.tp}/${mentions.fp}/${mentions.fn} | ${anchored.tp}/${anchored.fp}/${anchored.fn} | ${merges.tp}/${merges.fp}/${merges.fn}` },
    ];
  },
};

export default suite;
