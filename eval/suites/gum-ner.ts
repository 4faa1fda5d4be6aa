/**
 * Named-entity recognition and linking against GUM's Wikinews news and interview documents (all 43, train, dev
 * and test alike: we do not train on GUM). Gold: mentions whose entity carries a Wikipedia identity, of types
 * person, organization and place. The text is rebuilt from the tokens (single spaces, none where SpaceAfter=No).
 * Scores our named mentions (not pronouns or nominals) per type, exact and overlapping, and the linking accuracy
 * where the KB knows the gold entity (its Wikipedia title against the KB entry's name and aliases). Scored the
 * same way: the cue rules without the name tagger ("cues"), the tagger's own spans ("tagger"), and the pure
 * KB-lookup baseline (matcher only, no discovery). Also the time entities + coreference
 * add per 700 words, next to the Doc's own time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Doc, wordCount } from '../../src/nlp/doc.js';
import { normalizeName } from '../../src/nlp/fold.js';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { recognise } from '../../src/extract/entities.js';
import { docNames } from '../../src/nlp/ner/doc-names.js';
import { resolveCoreference } from '../../src/extract/coref.js';
import type { Entity, EntityType, KnowledgeBase } from '../../src/model/types.js';
import { prf, round, type EvalSuite, type Measure } from '../suite.js';
import { entityBrackets, minspanOf } from '../conllu.js';

type GoldType = 'person' | 'organization' | 'place';
const TYPES: GoldType[] = ['person', 'organization', 'place'];

export interface GoldMention {
  start: number;
  end: number;
  type: GoldType;
  identity: string;
  /** The mention's minimal span (GUM's `minspan`: the name without determiners, titles and modifiers). */
  minStart: number;
  minEnd: number;
}

export interface GumDoc {
  id: string;
  text: string;
  date: string | null;
  gold: GoldMention[];
  /**
   * Named person, organisation and place mentions GUM gives no Wikipedia identity ("Danny Newman"): real names,
   * so a prediction on one is not counted as a false positive in the "unlinked ignored" figures.
   */
  unlinked: { start: number; end: number }[];
}

/** Reads one conllu file into text and gold named mentions. */
export function readGum(conllu: string, id: string): GumDoc {
  let text = '';
  let date: string | null = null;
  const gold: GoldMention[] = [];
  const unlinked: { start: number; end: number }[] = [];
  const open: { id: string; type: string; identity: string; start: number; propn: number; firstToken: number; minspan: number[] }[] = [];
  const tokens: { start: number; end: number }[] = [];
  // Proper-noun tokens so far: a mention is named when it contains one (pronouns and nominals of a linked
  // entity carry its identity too).
  let propn = 0;
  let pendingSpace = false;
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# meta::dateCreated')) date = line.split('=')[1]!.trim().slice(0, 10);
    if (line.startsWith('# newpar') && !line.startsWith('# newpar_block') && text) {
      text += '\n\n';
      pendingSpace = false;
    }
    if (!line || line.startsWith('#')) {
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    if (pendingSpace) text += ' ';
    const start = text.length;
    text += cols[1]!;
    const end = text.length;
    tokens.push({ start, end });
    const misc = cols[9]!;
    if (cols[3] === 'PROPN') propn++;
    pendingSpace = !/(^|\|)SpaceAfter=No(\||$)/.test(misc);
    const ent = /(?:^|\|)Entity=([^|]*)/.exec(misc)?.[1];
    if (!ent) continue;
    for (const { id: eid, fields, closes } of entityBrackets(ent)) {
      if (fields) {
        const identity = fields.slice(7).join('-');
        open.push({ id: eid, type: fields[1]!, identity, start, propn: propn - (cols[3] === 'PROPN' ? 1 : 0), firstToken: tokens.length - 1, minspan: minspanOf(fields) });
      }
      if (closes) {
        for (let k = open.length - 1; k >= 0; k--) {
          if (open[k]!.id !== eid) continue;
          const o = open.splice(k, 1)[0]!;
          if (o.identity && o.identity !== '_' && propn > o.propn && (TYPES as string[]).includes(o.type)) {
            const first = tokens[o.firstToken + Math.min(...o.minspan) - 1];
            const last = tokens[o.firstToken + Math.max(...o.minspan) - 1];
            const min = o.minspan.length && first && last && last.end <= end ? { minStart: first.start, minEnd: last.end } : { minStart: o.start, minEnd: end };
            gold.push({ start: o.start, end, type: o.type as GoldType, identity: o.identity.replace(/_/g, ' '), ...min });
          } else if (propn > o.propn && (TYPES as string[]).includes(o.type)) unlinked.push({ start: o.start, end });
          break;
        }
      }
    }
  }
  return { id, text, date, gold, unlinked };
}

export function ourType(t: EntityType): GoldType | null {
  if (t === 'PERSON') return 'person';
  if (t === 'ORG') return 'organization';
  if (t === 'GPE' || t === 'LOC' || t === 'FAC') return 'place';
  return null;
}

interface Predicted {
  start: number;
  end: number;
  type: GoldType;
  kbId: string | null;
}

export function namedMentions(entities: Entity[]): Predicted[] {
  const out: Predicted[] = [];
  for (const e of entities) {
    const type = ourType(e.type);
    if (!type) continue;
    for (const m of e.mentions) {
      if (m.kind === 'pronoun' || m.kind === 'nominal' || m.kind === 'label') continue;
      out.push({ start: m.start, end: m.end, type, kbId: e.kbId });
    }
  }
  return out;
}

const TAGGER_TYPE: Record<string, GoldType> = { PER: 'person', ORG: 'organization', PLACE: 'place' };

/** The name tagger's own spans (MISC left out), as predictions with no KB link. */
function taggedMentions(doc: Doc): Predicted[] {
  return docNames(doc).filter((n) => TAGGER_TYPE[n.type]).map((n) => ({ start: n.start, end: n.end, type: TAGGER_TYPE[n.type]!, kbId: null }));
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/**
 * Greedy one-to-one matching within a type, exact or overlapping. A prediction that matches nothing but overlaps
 * one of the `ignore` spans (names the gold leaves unlinked) is left out of the false positives.
 */
export function score(
  gold: { start: number; end: number; type: string }[],
  pred: { start: number; end: number; type: string }[],
  overlap: boolean,
  ignore: { start: number; end: number }[] = [],
): Counts {
  const used = new Set<number>();
  let tp = 0;
  let ignored = 0;
  for (const p of pred) {
    const k = gold.findIndex((g, i) => !used.has(i) && g.type === p.type &&
      (overlap ? g.start < p.end && p.start < g.end : g.start === p.start && g.end === p.end));
    if (k >= 0) {
      used.add(k);
      tp++;
    } else if (ignore.some((u) => u.start < p.end && p.start < u.end)) ignored++;
  }
  return { tp, fp: pred.length - tp - ignored, fn: gold.length - tp };
}

/** The KB entry a Wikipedia title names, by name or alias. */
function kbIndex(kb: KnowledgeBase): Map<string, string> {
  const idx = new Map<string, string>();
  for (const e of kb.entries) for (const n of [e.name, ...e.aliases]) if (!idx.has(normalizeName(n))) idx.set(normalizeName(n), e.id);
  return idx;
}

export function loadGum(dataDir: string): GumDoc[] {
  const dir = join(dataDir, 'conllu');
  return readdirSync(dir).filter((f) => f.endsWith('.conllu')).sort()
    .map((f) => readGum(readFileSync(join(dir, f), 'utf8'), f.replace(/\.conllu$/, '')));
}

const suite: EvalSuite = {
  name: 'gum-ner',
  data: 'gum-news',
  async run(dataDir: string): Promise<Measure[]> {
    const kb = defaultKnowledgeBase();
    const docs = loadGum(dataDir);
    const index = kbIndex(kb);
    // full: tagger + KB + cue rules (what the pipeline runs); cues: the KB and the cue rules without the tagger;
    // tagger: the name tagger's own spans and kinds, no KB; baseline: KB lookup alone.
    const systems = { full: { discover: true }, cues: { tagger: false }, tagger: null, baseline: { discover: false } } as const;
    const measures: Measure[] = [];
    let docMs = 0;
    let entMs = 0;
    let words = 0;
    for (const [label, opts] of Object.entries(systems)) {
      // Three ways to match: the gold's minimal span (the name itself: GUM's minspan), the gold's full noun phrase
      // (with determiners, titles and modifiers, as GUM marks mentions), and any overlap.
      const MODES = ['exact', 'exact full NP', 'overlap'] as const;
      const counts = new Map(MODES.map((m) => [m, new Map<GoldType, Counts>(TYPES.map((t) => [t, zero()]))]));
      // The same, with predictions on names GUM leaves unlinked not counted as false positives.
      const lenient = new Map(MODES.map((m) => [m, zero()]));
      let linkable = 0;
      let linked = 0;
      for (const d of docs) {
        const t0 = performance.now();
        const doc = new Doc(d.text);
        const t1 = performance.now();
        const entities = opts ? recognise(doc, kb, opts) : [];
        if (label === 'full') {
          resolveCoreference(doc, { kb, date: d.date }, { entities });
          entMs += performance.now() - t1;
          docMs += t1 - t0;
          words += wordCount(doc);
        }
        const pred = opts ? namedMentions(entities) : taggedMentions(doc);
        for (const t of TYPES) {
          const g = d.gold.filter((m) => m.type === t);
          const p = pred.filter((m) => m.type === t);
          const minimal = g.map((m) => ({ start: m.minStart, end: m.minEnd, type: m.type }));
          for (const mode of MODES) {
            const c = score(mode === 'exact' ? minimal : g, p, mode === 'overlap');
            const a = counts.get(mode)!.get(t)!;
            a.tp += c.tp;
            a.fp += c.fp;
            a.fn += c.fn;
            const l = score(mode === 'exact' ? minimal : g, p, mode === 'overlap', d.unlinked);
            const b = lenient.get(mode)!;
            b.tp += l.tp;
            b.fp += l.fp;
            b.fn += l.fn;
          }
        }
        for (const g of d.gold) {
          const kbId = index.get(normalizeName(g.identity));
          if (!kbId) continue;
          linkable++;
          const p = pred.find((m) => m.start < g.end && g.start < m.end);
          if (p?.kbId === kbId) linked++;
        }
      }
      for (const mode of MODES) {
        const all = zero();
        for (const t of TYPES) {
          const c = counts.get(mode)!.get(t)!;
          const r = prf(c.tp, c.fp, c.fn);
          measures.push({ measure: `${label} ${t} P/R/F1 ${mode}`, value: `${round(r.p)}/${round(r.r)}/${round(r.f1)}` });
          for (const k of ['tp', 'fp', 'fn'] as const) all[k] += c[k];
        }
        measures.push({ measure: `${label} all F1 ${mode}`, value: round(prf(all.tp, all.fp, all.fn).f1) });
        const l = lenient.get(mode)!;
        const lr = prf(l.tp, l.fp, l.fn);
        measures.push({ measure: `${label} all P/R/F1 ${mode}, unlinked names ignored`, value: `${round(lr.p)}/${round(lr.r)}/${round(lr.f1)}` });
      }
      if (opts) measures.push({ measure: `${label} linking accuracy (KB-known gold, n=${linkable})`, value: linkable ? round(linked / linkable) : null });
    }
    const per700 = (ms: number) => (words ? round((ms / words) * 700, 2) : null);
    measures.push({ measure: 'Doc ms per 700 words', value: per700(docMs) });
    measures.push({ measure: 'entities+coref ms per 700 words', value: per700(entMs) });
    measures.push({ measure: 'documents / gold named mentions', value: `${docs.length}/${docs.reduce((n, d) => n + d.gold.length, 0)}` });
    return measures;
  },
};

export default suite;
