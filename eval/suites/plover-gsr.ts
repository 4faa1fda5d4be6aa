/**
 * PLOVER gold-standard records (322 sentences from the CAMEO manual, coded in PLOVER v0.5b1). For each sentence:
 * the type of our most confident event against the gold type (accuracy, P/R/F1 per type and micro), and whether
 * the source and target actors match the gold actor text. Run twice: through the whole pipeline (our own entities),
 * and with the gold actor strings given as the entity mentions, which isolates the event coder from entity
 * recognition. Old category names (DEMAND, FIGHT, DISAPPROVE, INVESTIGATE) are mapped to the current ones with
 * the records' own CAMEO2PLOVER-2021 table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, EntityType, EventRecord, PloverType } from '../../src/model/types.js';
import { PLOVER_TYPES } from '../../src/model/types.js';
import { analyze } from '../../src/extract/pipeline.js';
import { codeEvents } from '../../src/extract/events.js';
import { defaultLexicon } from '../../src/extract/event/lexicon.js';
import { MentionIndex } from '../../src/extract/event/mentions.js';
import { Doc } from '../../src/nlp/doc.js';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { prf, round, type EvalSuite, type Measure } from '../suite.js';

interface GoldActor {
  actorText: string;
  code?: string;
}

interface GoldRecord {
  id: string;
  event: string;
  text: string;
  source?: GoldActor[] | '';
  target?: GoldActor[] | '';
}

/**
 * Old category name → current PLOVER type, read from the table: a name that is a table mode ("disapprove",
 * "investigate") or the first word of a table comment ("Demand …", "Fight with …") takes the type its rows map to.
 */
export function oldNameMap(table: string): Map<string, PloverType> {
  const rows: { type: string; mode: string; firstWord: string }[] = [];
  for (const line of table.split('\n')) {
    const m = /^\d{2,4}:\s*([A-Z]+)\s*,\s*([^,]*),[^#]*#\s*(\S+)/.exec(line);
    if (m) rows.push({ type: m[1]!, mode: m[2]!.trim().toLowerCase(), firstWord: m[3]!.toLowerCase() });
  }
  const map = new Map<string, PloverType>();
  for (const name of ['DEMAND', 'FIGHT', 'DISAPPROVE', 'INVESTIGATE']) {
    const votes = new Map<string, number>();
    for (const r of rows) {
      if (r.mode === name.toLowerCase() || r.firstWord === name.toLowerCase()) votes.set(r.type, (votes.get(r.type) ?? 0) + 1);
    }
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && (PLOVER_TYPES as readonly string[]).includes(best[0])) map.set(name, best[0] as PloverType);
  }
  return map;
}

function goldType(event: string, map: Map<string, PloverType>): PloverType | null {
  if ((PLOVER_TYPES as readonly string[]).includes(event)) return event as PloverType;
  return map.get(event) ?? null;
}

function actorsOf(a: GoldActor[] | '' | undefined): string[] {
  return Array.isArray(a) ? a.map((x) => x.actorText).filter(Boolean) : [];
}

/** Entities built from the gold actor strings: every occurrence of each string is a mention. */
function goldEntities(rec: GoldRecord): Entity[] {
  const entities: Entity[] = [];
  const seen = new Set<string>();
  for (const a of [...(Array.isArray(rec.source) ? rec.source : []), ...(Array.isArray(rec.target) ? rec.target : [])]) {
    if (!a.actorText || seen.has(a.actorText)) continue;
    seen.add(a.actorText);
    const type: EntityType = /^[A-Z]{3}$/.test(a.code ?? '') ? 'GPE' : 'ORG';
    const mentions = [];
    const needle = a.actorText.toLowerCase();
    const hay = rec.text.toLowerCase();
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const before = at === 0 ? ' ' : hay[at - 1]!;
      const after = hay[at + needle.length] ?? ' ';
      if (/\w/.test(before) || /[a-z0-9]/.test(after)) continue;
      mentions.push({ start: at, end: at + needle.length, text: rec.text.slice(at, at + needle.length) });
    }
    if (mentions.length) {
      entities.push({ id: `g${entities.length + 1}`, name: a.actorText, type, kbId: null, wikidata: null, aliases: [], mentions });
    }
  }
  return entities;
}

/** The event a single-label evaluation compares: the most confident, the first among equals. */
function topEvent(events: EventRecord[]): EventRecord | null {
  let best: EventRecord | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  return best;
}

/** Whether the entity's surface forms in this sentence overlap any gold actor string. */
function actorMatches(entityId: string | null, entities: Entity[], gold: string[]): boolean {
  if (!entityId) return false;
  const e = entities.find((x) => x.id === entityId);
  if (!e) return false;
  const forms = [e.name, ...e.mentions.map((m) => m.text)].map((s) => s.toLowerCase());
  return gold.some((g) => forms.some((f) => f.includes(g.toLowerCase()) || g.toLowerCase().includes(f)));
}

interface Tally {
  correct: number;
  predicted: number;
  anyCorrect: number;
  perType: Map<string, { tp: number; fp: number; fn: number }>;
  source: { hit: number; total: number };
  target: { hit: number; total: number };
}

function newTally(): Tally {
  return { correct: 0, predicted: 0, anyCorrect: 0, perType: new Map(), source: { hit: 0, total: 0 }, target: { hit: 0, total: 0 } };
}

function count(t: Tally, gold: PloverType, events: EventRecord[], entities: Entity[], rec: GoldRecord): void {
  const top = topEvent(events);
  const cell = (k: string) => {
    let c = t.perType.get(k);
    if (!c) t.perType.set(k, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  if (top) t.predicted++;
  if (top?.type === gold) {
    t.correct++;
    cell(gold).tp++;
  } else {
    cell(gold).fn++;
    if (top) cell(top.type).fp++;
  }
  if (events.some((e) => e.type === gold)) t.anyCorrect++;
  const src = actorsOf(rec.source);
  const tgt = actorsOf(rec.target);
  if (src.length) {
    t.source.total++;
    if (top && actorMatches(top.source, entities, src)) t.source.hit++;
  }
  if (tgt.length) {
    t.target.total++;
    if (top && actorMatches(top.target, entities, tgt)) t.target.hit++;
  }
}

function measures(label: string, t: Tally, n: number, perType: boolean): Measure[] {
  const out: Measure[] = [];
  const micro = prf(t.correct, t.predicted - t.correct, n - t.correct);
  out.push({ measure: `${label}: type accuracy (top event)`, value: round(t.correct / n), anchor: 'none published' });
  out.push({ measure: `${label}: micro P`, value: round(micro.p) });
  out.push({ measure: `${label}: micro R`, value: round(micro.r) });
  out.push({ measure: `${label}: micro F1`, value: round(micro.f1) });
  out.push({ measure: `${label}: gold type among any event`, value: round(t.anyCorrect / n) });
  out.push({ measure: `${label}: source match (${t.source.total} with gold source)`, value: round(t.source.hit / Math.max(1, t.source.total)) });
  out.push({ measure: `${label}: target match (${t.target.total} with gold target)`, value: round(t.target.hit / Math.max(1, t.target.total)) });
  if (perType) {
    for (const type of PLOVER_TYPES) {
      const c = t.perType.get(type);
      if (!c || c.tp + c.fn === 0) continue;
      const s = prf(c.tp, c.fp, c.fn);
      out.push({ measure: `${label}: ${type} P/R/F1 (n=${c.tp + c.fn})`, value: `${s.p.toFixed(2)}/${s.r.toFixed(2)}/${s.f1.toFixed(2)}` });
    }
  }
  return out;
}

/**
 * One line per scored sentence, for reading the pipeline's choices and diffing two runs
 * (`PLOVER_GSR_TRACE=path npm run eval -- plover-gsr`): gold type and actors, the top event, the sentence, and
 * every event with its confidence.
 */
function traceLine(n: number, rec: GoldRecord, gold: PloverType, events: EventRecord[], entities: Entity[]): string {
  const name = (id: string | null) => (id ? entities.find((e) => e.id === id)?.name ?? id : '-');
  const top = topEvent(events);
  const got = top ? `${top.type} ${name(top.source)} -> ${name(top.target)} "${top.trigger.text}"` : 'none';
  const all = events.map((e) => `${e.type}:${e.trigger.text}:${e.confidence}`).join(' ; ');
  return `${n}\t${gold} ${actorsOf(rec.source).join('|') || '-'} -> ${actorsOf(rec.target).join('|') || '-'}\t${got}\t${rec.text}\t${all}`;
}

const suite: EvalSuite = {
  name: 'plover-gsr',
  data: 'plover-gsr',
  async run(dataDir) {
    const records = (JSON.parse(readFileSync(join(dataDir, 'PLOVER_GSR_CAMEO.json'), 'utf8')) as GoldRecord[])
      .filter((r) => r.event !== 'DOCUMENT' && r.text);
    const map = oldNameMap(readFileSync(join(dataDir, 'CAMEO2PLOVER-2021.txt'), 'utf8'));
    const kb = defaultKnowledgeBase();
    const lexicon = defaultLexicon();
    const pipeline = newTally();
    const oracle = newTally();
    let n = 0;
    const trace = process.env.PLOVER_GSR_TRACE ? [] as string[] : null;
    for (const rec of records) {
      const gold = goldType(rec.event, map);
      if (!gold) continue;
      n++;
      const { layers } = analyze({ text: rec.text, date: '2000-01-01', language: 'en' }, kb);
      count(pipeline, gold, layers.events, layers.entities, rec);
      if (trace) trace.push(traceLine(n, rec, gold, layers.events, layers.entities));
      const doc = new Doc(rec.text);
      const entities = goldEntities(rec);
      const events = codeEvents(doc, new MentionIndex(doc, entities), layers.times, layers.quotes, lexicon);
      count(oracle, gold, events, entities, rec);
    }
    if (trace) writeFileSync(process.env.PLOVER_GSR_TRACE!, trace.join('\n') + '\n');
    return [
      { measure: 'sentences scored', value: n },
      { measure: 'old names mapped', value: [...map].map(([k, v]) => `${k}→${v}`).join(' ') },
      ...measures('pipeline', pipeline, n, false),
      ...measures('gold actors', oracle, n, true),
    ];
  },
};

export default suite;
