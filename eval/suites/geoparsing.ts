/**
 * Toponym recognition (geotagging) on GeoVirus (229 Wikinews paragraphs on outbreaks) and GeoWebNews (200 news
 * excerpts), Gritta et al. Span P/R/F1, exact and overlapping, of our place mentions against the gold toponyms,
 * for the full recogniser and the pure KB-lookup baseline.
 * - GeoVirus gold is literal locations, so ours are GPE/LOC/FAC mentions.
 * - GeoWebNews labels toponyms by use; we count every toponym type (literal, metonymic, modifiers, embedded,
 *   demonyms, homonyms) except Non_Toponym, Language and the two *_Expression types, which mark the wider phrase
 *   around a toponym rather than the toponym. Since demonyms count there, ours include NORP mentions too, and since
 *   metonymic toponyms count, so do our organisations named by a place's name (a team's mention of kind `metonym`:
 *   "Valmora beat Tarsk 2-1", actors/teams.ts).
 * Metonymic capitals ("Moscow said") are still toponyms to this gold, so coreference is not run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../../src/nlp/doc.js';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { recognise } from '../../src/extract/entities.js';
import type { EntityType, KnowledgeBase } from '../../src/model/types.js';
import { prf, round, type EvalSuite, type Measure } from '../suite.js';

interface Span {
  start: number;
  end: number;
}

interface GeoDoc {
  text: string;
  gold: Span[];
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const field = (xml: string, tag: string): string | null => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? unescape(m[1]!) : null;
};

export function readGeoVirus(xml: string): GeoDoc[] {
  return [...xml.matchAll(/<article>([\s\S]*?)<\/article>/g)].map(([, a]) => ({
    text: field(a!, 'text') ?? '',
    gold: [...a!.matchAll(/<location>([\s\S]*?)<\/location>/g)].map(([, l]) =>
      align(field(a!, 'text') ?? '', field(l!, 'name') ?? '', Number(field(l!, 'start')), Number(field(l!, 'end')))),
  }));
}

/** GeoVirus offsets are often one character off; the stored name, looked for nearby, fixes the span. */
function align(text: string, name: string, start: number, end: number): Span {
  for (const d of [0, -1, 1, -2, 2, -3, 3]) {
    if (text.slice(start + d, end + d) === name) return { start: start + d, end: end + d };
  }
  return { start, end };
}

const NOT_TOPONYMS = new Set(['Non_Toponym', 'Language', 'Literal_Expression', 'Non_Lit_Expression']);

export function readGeoWebNews(xml: string): GeoDoc[] {
  return [...xml.matchAll(/<article[^>]*>([\s\S]*?)<\/article>/g)].map(([, a]) => ({
    text: field(a!, 'text') ?? '',
    gold: [...a!.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)]
      .filter(([, t]) => !NOT_TOPONYMS.has(field(t!, 'type') ?? ''))
      .map(([, t]) => ({ start: Number(field(t!, 'start')), end: Number(field(t!, 'end')) })),
  }));
}

function placeMentions(text: string, kb: KnowledgeBase, discover: boolean, types: Set<EntityType>, metonyms: boolean): Span[] {
  const out: Span[] = [];
  for (const e of recognise(new Doc(text), kb, { discover })) {
    const all = types.has(e.type);
    for (const m of e.mentions) if (all || (metonyms && m.kind === 'metonym')) out.push({ start: m.start, end: m.end });
  }
  return out;
}

function scoreSet(docs: GeoDoc[], kb: KnowledgeBase, discover: boolean, types: Set<EntityType>, metonyms: boolean) {
  const exact = { tp: 0, fp: 0, fn: 0 };
  const over = { tp: 0, fp: 0, fn: 0 };
  for (const d of docs) {
    const pred = placeMentions(d.text, kb, discover, types, metonyms);
    for (const [acc, overlap] of [[exact, false], [over, true]] as const) {
      const used = new Set<number>();
      let tp = 0;
      for (const p of pred) {
        const k = d.gold.findIndex((g, i) => !used.has(i) &&
          (overlap ? g.start < p.end && p.start < g.end : g.start === p.start && g.end === p.end));
        if (k >= 0) {
          used.add(k);
          tp++;
        }
      }
      acc.tp += tp;
      acc.fp += pred.length - tp;
      acc.fn += d.gold.length - tp;
    }
  }
  return { exact: prf(exact.tp, exact.fp, exact.fn), overlap: prf(over.tp, over.fp, over.fn) };
}

const fmt = (s: { p: number; r: number; f1: number }) => `${round(s.p)}/${round(s.r)}/${round(s.f1)}`;

const suite: EvalSuite = {
  name: 'geoparsing',
  data: 'geoparsing',
  async run(dataDir: string): Promise<Measure[]> {
    const kb = defaultKnowledgeBase();
    const sets: [string, GeoDoc[], Set<EntityType>][] = [
      ['GeoVirus', readGeoVirus(readFileSync(join(dataDir, 'GeoVirus.xml'), 'utf8')), new Set(['GPE', 'LOC', 'FAC'])],
      ['GeoWebNews', readGeoWebNews(readFileSync(join(dataDir, 'GeoWebNews.xml'), 'utf8')), new Set(['GPE', 'LOC', 'FAC', 'NORP'])],
    ];
    const measures: Measure[] = [];
    for (const [name, docs, types] of sets) {
      // Gold spans that do not start and end on word boundaries even after alignment: a check on the reading.
      let misaligned = 0;
      for (const d of docs) {
        for (const g of d.gold) if (/\w/.test(d.text[g.start - 1] ?? '') || /\w/.test(d.text[g.end] ?? '')) misaligned++;
      }
      for (const [label, discover] of [['full', true], ['baseline', false]] as const) {
        const s = scoreSet(docs, kb, discover, types, name === 'GeoWebNews');
        measures.push({ measure: `${name} ${label} P/R/F1 exact`, value: fmt(s.exact) });
        measures.push({ measure: `${name} ${label} P/R/F1 overlap`, value: fmt(s.overlap) });
      }
      measures.push({
        measure: `${name} documents / gold toponyms (misaligned)`,
        value: `${docs.length}/${docs.reduce((n, d) => n + d.gold.length, 0)} (${misaligned})`,
      });
    }
    return measures;
  },
};

export default suite;
