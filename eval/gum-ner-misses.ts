/**
 * The gum-ner suite's misses, sorted by cause: `node --import tsx eval/gum-ner-misses.ts [--list CAUSE]`
 * (DOSSIER_SHARED as for `npm run eval`). Scores the full system (tagger + KB + cue rules) as the suite does (exact
 * minimal span, per type) and sorts each false negative and false positive by what went wrong, reading every GUM
 * mention (any entity type, with or without identity) to say what a false positive stands on. Prints counts per
 * cause and, with `--list CAUSE`, the cases of that cause with a little context.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Doc } from '../src/nlp/doc.js';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import { recognise } from '../src/extract/entities.js';
import { resolveCoreference } from '../src/extract/coref.js';
import type { Entity } from '../src/model/types.js';
import { readGum, namedMentions, goldTypeOf } from './suites/gum-ner.js';
import { entityBrackets, minspanOf } from './conllu.js';

interface AnyMention {
  start: number;
  end: number;
  minStart: number;
  minEnd: number;
  type: string;
  identity: string;
  named: boolean;
}

/** Every GUM mention of a file, rebuilt over the same text as readGum's. */
function allMentions(conllu: string): AnyMention[] {
  let text = '';
  let pendingSpace = false;
  let propn = 0;
  const tokens: { start: number; end: number }[] = [];
  const open: { id: string; type: string; identity: string; start: number; propn: number; first: number; minspan: number[] }[] = [];
  const out: AnyMention[] = [];
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# newpar') && !line.startsWith('# newpar_block') && text) {
      text += '\n\n';
      pendingSpace = false;
    }
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    if (pendingSpace) text += ' ';
    const start = text.length;
    text += cols[1]!;
    const end = text.length;
    tokens.push({ start, end });
    if (cols[3] === 'PROPN') propn++;
    pendingSpace = !/(^|\|)SpaceAfter=No(\||$)/.test(cols[9]!);
    const ent = /(?:^|\|)Entity=([^|]*)/.exec(cols[9]!)?.[1];
    if (!ent) continue;
    for (const { id, fields, closes } of entityBrackets(ent)) {
      if (fields) open.push({ id, type: fields[1]!, identity: fields.slice(7).join('-'), start, propn: propn - (cols[3] === 'PROPN' ? 1 : 0), first: tokens.length - 1, minspan: minspanOf(fields) });
      if (!closes) continue;
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k]!.id !== id) continue;
        const o = open.splice(k, 1)[0]!;
        const f = tokens[o.first + Math.min(...o.minspan) - 1];
        const l = tokens[o.first + Math.max(...o.minspan) - 1];
        const min = o.minspan.length && f && l && l.end <= end ? { minStart: f.start, minEnd: l.end } : { minStart: o.start, minEnd: end };
        out.push({ start: o.start, end, ...min, type: o.type, identity: o.identity, named: propn > o.propn });
        break;
      }
    }
  }
  return out;
}

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.DOSSIER_SHARED ?? join(here, '../../shared'));
const dir = join(shared, 'eval', 'gum-news', 'conllu');
const listCause = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : null;
const kb = defaultKnowledgeBase();
const goldType = goldTypeOf(kb);
const counts = new Map<string, number>();
const cases = new Map<string, string[]>();
const note = (cause: string, line: string) => {
  counts.set(cause, (counts.get(cause) ?? 0) + 1);
  const l = cases.get(cause) ?? [];
  l.push(line);
  cases.set(cause, l);
};

for (const file of readdirSync(dir).filter((f) => f.endsWith('.conllu')).sort()) {
  const src = readFileSync(join(dir, file), 'utf8');
  const g = readGum(src, file);
  const all = allMentions(src);
  const doc = new Doc(g.text);
  const entities: Entity[] = recognise(doc, kb, {});
  resolveCoreference(doc, { kb, date: g.date }, { entities });
  const pred = namedMentions(entities);
  // Every entity mention of ours, of any kind and type, to tell a type we do not score from a name we missed.
  const anyOurs = entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type, kind: m.kind ?? 'name' })));
  // Typed as the suite scores them (a KB-known state or city is a place).
  const gold = [...g.gold, ...g.unlinked].map((m) => ({ start: m.minStart, end: m.minEnd, type: goldType(m), full: m, linked: g.gold.includes(m) }));
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  pred.forEach((p, i) => {
    const k = gold.findIndex((x, j) => !usedG.has(j) && x.type === p.type && x.start === p.start && x.end === p.end);
    if (k >= 0) {
      usedG.add(k);
      usedP.add(i);
    }
  });
  const t = (s: number, e: number) => JSON.stringify(g.text.slice(s, e));
  const ctx = (s: number, e: number) => g.text.slice(Math.max(0, s - 40), s).replace(/\s+/g, ' ') + '[' + g.text.slice(s, e) + ']' + g.text.slice(e, e + 40).replace(/\s+/g, ' ');
  gold.forEach((x, j) => {
    if (usedG.has(j)) return;
    const over = pred.filter((p) => p.start < x.end && x.start < p.end);
    const sameType = over.filter((p) => p.type === x.type);
    let cause: string;
    if (sameType.length) {
      const p = sameType[0]!;
      cause = p.start <= x.start && p.end >= x.end ? 'FN boundary: ours longer' : p.start >= x.start && p.end <= x.end ? 'FN boundary: ours shorter' : 'FN boundary: crossing';
      cause += ` (${x.type})`;
      note(cause, `${file} gold ${x.type} ${t(x.start, x.end)} ours ${t(p.start, p.end)} | ${ctx(x.start, x.end)}`);
      return;
    }
    if (over.length) {
      const p = over[0]!;
      note(`FN type: gold ${x.type}, ours ${p.type}`, `${file} ${t(x.start, x.end)} ours ${t(p.start, p.end)} | ${ctx(x.start, x.end)}`);
      return;
    }
    const other = anyOurs.find((m) => m.start < x.end && x.start < m.end);
    if (other) {
      note(`FN unscored: ours ${other.type}/${other.kind} (${x.type})`, `${file} ${t(x.start, x.end)} ours ${t(other.start, other.end)} | ${ctx(x.start, x.end)}`);
      return;
    }
    note(`FN missed (${x.type})`, `${file} ${t(x.start, x.end)} | ${ctx(x.start, x.end)}`);
  });
  pred.forEach((p, i) => {
    if (usedP.has(i)) return;
    const overGold = gold.find((x) => x.start < p.end && p.start < x.end);
    if (overGold) {
      note(overGold.type === p.type ? 'FP boundary (pair of an FN boundary)' : 'FP type (pair of an FN type)', `${file} ${t(p.start, p.end)} | ${ctx(p.start, p.end)}`);
      return;
    }
    const nested = g.linkedNested.find((x) => x.minStart < p.end && p.start < x.minEnd);
    if (nested) {
      note('FP on a nested name (not scored)', `${file} ${p.type} ${t(p.start, p.end)} | ${ctx(p.start, p.end)}`);
      return;
    }
    const m = all.filter((a) => a.start < p.end && p.start < a.end).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    let cause: string;
    if (!m) cause = 'FP no GUM mention';
    else if (['person', 'organization', 'place'].includes(m.type)) cause = `FP on a ${m.identity && m.identity !== '_' ? 'linked' : 'unlinked'} mention not named by its head (${m.type})`;
    else cause = `FP on GUM type ${m.type}${m.identity && m.identity !== '_' ? ' (linked)' : ''}`;
    note(cause, `${file} ours ${p.type} ${t(p.start, p.end)} gum ${m ? `${m.type} ${t(m.minStart, m.minEnd)} full ${t(m.start, m.end)}` : '-'} | ${ctx(p.start, p.end)}`);
  });
}

for (const [c, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${c}`);
if (listCause) {
  for (const [c, l] of cases) if (c.startsWith(listCause)) {
    console.log(`\n## ${c}`);
    for (const x of l) console.log(x);
  }
}
