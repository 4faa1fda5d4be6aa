/**
 * PETRARCH2 unit-test records: a regression check of our event coding on stylised CAMEO-coded sentences, not a
 * quality figure (the records' own dictionaries say so). Actors come from the records' small actor dictionary,
 * used as a tiny knowledge base (each name found in the sentence is a mention of an entity whose id is its code).
 * Scored: whether one of our events has the expected CAMEO root code, the same through the PLOVER type (via
 * CAMEO2PLOVER-2021), and whether its source and target codes match. Expected codes outside CAMEO's 01-20 roots
 * (the file keeps some old WEIS codes) are not scored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, EntityType, EventRecord } from '../../src/model/types.js';
import { codeEvents } from '../../src/extract/events.js';
import { defaultLexicon } from '../../src/extract/event/lexicon.js';
import { MentionIndex } from '../../src/extract/event/mentions.js';
import { Doc } from '../../src/nlp/doc.js';
import { round, type EvalSuite } from '../suite.js';

interface Coding {
  source: string;
  target: string;
  code: string;
}

interface UnitRecord {
  id: string;
  text: string;
  codings: Coding[];
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

export function parseRecords(xml: string): UnitRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const out: UnitRecord[] = [];
  for (const m of body.matchAll(/<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    const id = /id="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(m[2]!)?.[1];
    if (!text) continue;
    const codings = [...m[2]!.matchAll(/<EventCoding\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"\s+eventcode="([^"]*)"/g)]
      .map((c) => ({ source: c[1]!, target: c[2]!, code: c[3]! }));
    out.push({ id, text: decode(text.replace(/\s+/g, ' ').trim()), codings });
  }
  return out;
}

interface DictActor {
  code: string;
  /** Lower-case words; the last may be a prefix unless the entry ended with "_". */
  words: string[];
  exact: boolean;
}

/** The actor dictionary: "NAME_WORDS [CODE]" lines, "+SYNONYM" lines under them. */
export function parseActors(text: string): DictActor[] {
  const out: DictActor[] = [];
  let pendingNames: string[] = [];
  let lastCode: string | null = null;
  const names = (raw: string) => raw.trim();
  for (const rawLine of text.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const line = rawLine.replace(/#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    const code = /\[([^\]]*)\]/.exec(line)?.[1]?.trim().split(/[\s/<>]/)[0] ?? null;
    const name = line.replace(/\[[^\]]*\]/, '').trim();
    if (name.startsWith('+')) {
      if (lastCode) out.push(actor(name.slice(1), lastCode));
      continue;
    }
    if (name) pendingNames = [names(name)];
    if (code && pendingNames.length) {
      lastCode = code;
      for (const n of pendingNames) out.push(actor(n, code));
      pendingNames = [];
    }
  }
  return out.filter((a) => a.words.length && a.code && !/^[-+]+$/.test(a.code));
}

function actor(name: string, code: string): DictActor {
  const exact = name.endsWith('_');
  return { code, words: name.replace(/_+$/, '').toLowerCase().split(/[_\s]+/).filter(Boolean), exact };
}

/** Entities for one sentence: each dictionary actor found there, with its code as the id. */
function dictionaryEntities(doc: Doc, actors: DictActor[]): Entity[] {
  const byCode = new Map<string, Entity>();
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    let best: { a: DictActor; last: number } | null = null;
    for (const a of actors) {
      if (i + a.words.length > toks.length) continue;
      let ok = true;
      for (let w = 0; w < a.words.length && ok; w++) {
        const t = toks[i + w]!.lower;
        const last = w === a.words.length - 1;
        ok = t === a.words[w] || (last && !a.exact && a.words[w]!.length >= 4 && t.startsWith(a.words[w]!));
      }
      if (ok && (!best || a.words.length > best.a.words.length)) best = { a, last: i + a.words.length - 1 };
    }
    if (!best) continue;
    const start = toks[i]!.start;
    const end = toks[best.last]!.end;
    let e = byCode.get(best.a.code);
    const type: EntityType = /^[A-Z]{3}$/.test(best.a.code) ? 'GPE' : 'ORG';
    if (!e) byCode.set(best.a.code, (e = { id: best.a.code, name: best.a.code, type, kbId: null, wikidata: null, aliases: [], mentions: [] }));
    e.mentions.push({ start, end, text: doc.text.slice(start, end) });
    i = best.last;
  }
  return [...byCode.values()];
}

/** CAMEO code → PLOVER type, from CAMEO2PLOVER-2021 (the most specific code listed, else its root). */
function ploverTable(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of table.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m && !map.has(m[1]!)) map.set(m[1]!, m[2]!);
  }
  return map;
}

function ploverOf(code: string, table: Map<string, string>): string | null {
  for (let n = code.length; n >= 2; n--) {
    const t = table.get(code.slice(0, n));
    if (t) return t;
  }
  return null;
}

const codeMatches = (ours: string | null, expected: string) => !!ours && expected.length >= 3 && expected.startsWith(ours.slice(0, 3));

const suite: EvalSuite = {
  name: 'petrarch2',
  data: 'petrarch2-unittest',
  async run(dataDir) {
    const records = parseRecords(readFileSync(join(dataDir, 'PETR.UnitTest.records.xml'), 'utf8'));
    const actors = parseActors(readFileSync(join(dataDir, 'PETR.Validate.actors.txt'), 'utf8'));
    const table = ploverTable(readFileSync(join(dataDir, '../plover-gsr/CAMEO2PLOVER-2021.txt'), 'utf8'));
    const lexicon = defaultLexicon();
    let scored = 0;
    let rootHit = 0;
    let ploverHit = 0;
    let dyadHit = 0;
    let silentExpected = 0;
    let silentOk = 0;
    for (const rec of records) {
      const doc = new Doc(rec.text);
      const entities = dictionaryEntities(doc, actors);
      const events: EventRecord[] = codeEvents(doc, new MentionIndex(doc, entities), [], [], lexicon);
      if (rec.codings.length === 0) {
        silentExpected++;
        if (events.length === 0) silentOk++;
        continue;
      }
      for (const c of rec.codings) {
        const root = c.code.slice(0, 2);
        if (!/^(0[1-9]|1\d|20)$/.test(root)) continue;
        scored++;
        const same = events.filter((e) => e.cameo === root);
        if (same.length) rootHit++;
        const plover = ploverOf(c.code, table);
        if (plover && events.some((e) => e.type === plover)) ploverHit++;
        if (same.some((e) => codeMatches(e.source, c.source) && codeMatches(e.target, c.target))) dyadHit++;
      }
    }
    return [
      { measure: 'records', value: records.length },
      { measure: 'expected codings scored (CAMEO roots 01-20)', value: scored },
      { measure: 'root code found', value: round(rootHit / Math.max(1, scored)), anchor: 'PETRARCH2 codes all (its own unit tests)' },
      { measure: 'PLOVER type found', value: round(ploverHit / Math.max(1, scored)) },
      { measure: 'root code with source and target codes', value: round(dyadHit / Math.max(1, scored)) },
      { measure: `no event where none expected (${silentExpected})`, value: round(silentOk / Math.max(1, silentExpected)) },
    ];
  },
};

export default suite;
