/**
 * Named-entity recognition and linking against GUM's Wikinews news and interview documents (all 43, train, dev
 * and test alike: we do not train on GUM). Gold: the named mentions of GUM's person, organization and place
 * entities, each cut to its name as a name tagger marks names (readGum, nameSpanOf in ../conllu.ts), outermost only;
 * those with a Wikipedia identity and those without alike, since both are names. The text is rebuilt from the tokens
 * (single spaces, none where SpaceAfter=No). Scores our named mentions (not pronouns or nominals) per type, exact
 * and overlapping, and the linking accuracy where the KB knows the gold entity (its Wikipedia title against the KB
 * entry's name and aliases). Scored the same way: the cue rules without the name tagger ("cues"), the tagger's own
 * spans ("tagger"), and the pure KB-lookup baseline (matcher only, no discovery). Also the time entities + coreference
 * add per 700 words, next to the Doc's own time.
 *
 * Until 2026-12-01 the gold was GUM's minimal span from its first to its last word, of linked mentions only, nested
 * ones too; that scorer is kept as the "scored as before" figures. It did not measure names: the minimal span keeps
 * titles ("Professor Chomsky") and a person's "of" phrase ("X of the Tarsk Front"); every real name GUM leaves unlinked
 * was a false positive; a name nested in another ("Helsinki" in "University of Helsinki") was a miss for any flat
 * tagger. `node --import tsx eval/gum-ner-misses.ts` sorts the misses by cause (docs/names.md has the breakdown). */
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
import { entityBrackets, minspanOf, nameSpanOf, type TreeWord } from '../conllu.js';

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
  /** Named mentions with a Wikipedia identity, outermost only; `minStart`/`minEnd` is the name (nameSpanOf). */
  gold: GoldMention[];
  /** Named mentions GUM gives no Wikipedia identity ("Nick Bos"): real names, scored with the linked ones. */
  unlinked: GoldMention[];
  /** Linked names nested in another name ("Helsinki" in "University of Helsinki"): not scored. */
  linkedNested: GoldMention[];
  /** Person mentions named by a plural proper noun ("Muslims"): NORP in our schema, not scored. */
  groups: number;
  /**
   * The gold as this suite read it before 2026-12-01, for the legacy figure: linked mentions holding a proper noun
   * (nested ones too), from the first to the last word of GUM's minimal span (`fullStart`/`fullEnd`: the whole
   * mention, which its overlap and linking figures read).
   */
  legacy: { start: number; end: number; fullStart: number; fullEnd: number; type: GoldType; identity: string }[];
}

/**
 * Reads one conllu file into text and gold named mentions. A mention is named when GUM's tree names it (a proper
 * noun heads it, or stands `flat` under its title noun), and its name is read from the tree (`nameSpanOf` in
 * ../conllu.ts says how and why: GUM's minimal span keeps titles and "of" phrases that no name tagger marks). Names
 * nested in another named person, organisation or place are left out (a flat tagger marks "University of Helsinki",
 * not "Helsinki" inside it); names GUM gives no Wikipedia identity are names all the same ("Nick Bos") and are
 * scored, in `unlinked`, beside the linked ones in `gold`.
 */
export function readGum(conllu: string, id: string): GumDoc {
  let text = '';
  let date: string | null = null;
  const named: (GoldMention & { linked: boolean })[] = [];
  const legacy: GumDoc['legacy'] = [];
  const open: { id: string; type: string; identity: string; start: number; propn: number; firstToken: number; minspan: number[] }[] = [];
  const tokens: { start: number; end: number; sentence: number; index: number }[] = [];
  const sentences: TreeWord[][] = [];
  let words: TreeWord[] = [];
  // Mentions closed in the current sentence, read once its tree is complete.
  let closed: { o: (typeof open)[number]; lastToken: number }[] = [];
  // Proper-noun tokens so far: the old reading of "named" (a mention holding one), kept for the legacy figure.
  let propn = 0;
  let groups = 0;
  let pendingSpace = false;
  const endSentence = () => {
    if (!words.length) return;
    sentences.push(words);
    for (const { o, lastToken } of closed) {
      const first = tokens[o.firstToken]!;
      const last = tokens[lastToken]!;
      const identity = o.identity && o.identity !== '_' ? o.identity.replace(/_/g, ' ') : '';
      if (identity && o.propn) {
        const a = tokens[o.firstToken + Math.min(...o.minspan) - 1];
        const b = tokens[o.firstToken + Math.max(...o.minspan) - 1];
        const ok = o.minspan.length && a && b && b.end <= last.end;
        legacy.push({ start: ok ? a.start : first.start, end: ok ? b.end : last.end, fullStart: first.start, fullEnd: last.end, type: o.type as GoldType, identity });
      }
      if (first.sentence !== last.sentence) continue;
      const span = nameSpanOf(words, first.index, last.index + 1, o.type);
      if (!span) continue;
      // People named as a group by a plural proper noun ("Muslims", "Senate Democrats") are what our schema (as
      // OntoNotes) calls NORP, a type this suite does not score: left out, as our NORP mentions are.
      if (o.type === 'person' && words.slice(span[0], span[1]).some((w) => w.xpos === 'NNPS')) {
        groups++;
        continue;
      }
      const s = tokens[o.firstToken - first.index + span[0]]!;
      const e = tokens[o.firstToken - first.index + span[1] - 1]!;
      named.push({ start: first.start, end: last.end, type: o.type as GoldType, identity, minStart: s.start, minEnd: e.end, linked: !!identity });
    }
    words = [];
    closed = [];
  };
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# meta::dateCreated')) date = line.split('=')[1]!.trim().slice(0, 10);
    if (line.startsWith('# newpar') && !line.startsWith('# newpar_block') && text) {
      text += '\n\n';
      pendingSpace = false;
    }
    if (!line.trim()) endSentence();
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    if (pendingSpace) text += ' ';
    const start = text.length;
    text += cols[1]!;
    const end = text.length;
    tokens.push({ start, end, sentence: sentences.length, index: words.length });
    const misc = cols[9]!;
    if (cols[3] === 'PROPN') propn++;
    pendingSpace = !/(^|\|)SpaceAfter=No(\||$)/.test(misc);
    words.push({ form: cols[1]!, upos: cols[3]!, xpos: cols[4]!, head: Number(cols[6]) - 1, rel: cols[7]!, glued: !pendingSpace });
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
          if ((TYPES as string[]).includes(o.type)) closed.push({ o: { ...o, propn: propn > o.propn ? 1 : 0 }, lastToken: tokens.length - 1 });
          break;
        }
      }
    }
  }
  endSentence();
  // Outermost names only: one nested in another name's span is part of that name for a flat tagger. Two mentions
  // with the same name (a mention inside another whose name is the same words) are one name, linked if either is.
  const same = (a: GoldMention, b: GoldMention) => a.minStart === b.minStart && a.minEnd === b.minEnd;
  const unique = named.filter((m, i) => !named.some((n, k) => same(n, m) && (n.linked && !m.linked || (n.linked === m.linked && k < i))));
  const outer = unique.filter((m) => !unique.some((n) => n !== m && n.minStart <= m.minStart && n.minEnd >= m.minEnd && (n.minEnd - n.minStart) > (m.minEnd - m.minStart)));
  const strip = ({ linked: _, ...m }: GoldMention & { linked: boolean }): GoldMention => m;
  return {
    id, text, date,
    gold: outer.filter((m) => m.linked).map(strip),
    unlinked: outer.filter((m) => !m.linked).map(strip),
    linkedNested: unique.filter((m) => m.linked && !outer.includes(m)).map(strip),
    groups,
    legacy,
  };
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

/**
 * The type a gold name is scored as: a state or a city (a gold identity the KB knows as a GPE) is a GPE in our schema
 * (as in OntoNotes), whether GUM reads it as a place or, where it acts ("Valmora stated"), as an organization.
 */
export function goldTypeOf(kb: KnowledgeBase): (m: { type: GoldType; identity: string }) => GoldType {
  const index = kbIndex(kb);
  const types = new Map(kb.entries.map((e) => [e.id, e.type]));
  return (m) => {
    const id = m.identity ? index.get(normalizeName(m.identity)) : undefined;
    return id && types.get(id) === 'GPE' ? 'place' : m.type;
  };
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
    const goldType = goldTypeOf(kb);
    // full: tagger + KB + cue rules (what the pipeline runs); cues: the KB and the cue rules without the tagger;
    // tagger: the name tagger's own spans and kinds, no KB; baseline: KB lookup alone.
    const systems = { full: { discover: true }, cues: { tagger: false }, tagger: null, baseline: { discover: false } } as const;
    const measures: Measure[] = [];
    let docMs = 0;
    let entMs = 0;
    let words = 0;
    for (const [label, opts] of Object.entries(systems)) {
      const MODES = ['exact', 'overlap'] as const;
      const counts = new Map(MODES.map((m) => [m, new Map<GoldType, Counts>(TYPES.map((t) => [t, zero()]))]));
      // Linked names only, predictions on unlinked ones not counted as false positives.
      const linkedOnly = zero();
      // The scorer before 2026-12-01 (legacy gold: minspan range, linked names only, nested ones too).
      const legacy = new Map(MODES.map((m) => [m, zero()]));
      let linkable = 0;
      let linked = 0;
      let legacyLinkable = 0;
      let legacyLinked = 0;
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
        // A state or a city is scored as a place (goldTypeOf).
        const names = (ms: GoldMention[]) => ms.map((m) => ({ start: m.minStart, end: m.minEnd, type: goldType(m) }));
        const add = (a: Counts, c: Counts) => {
          a.tp += c.tp;
          a.fp += c.fp;
          a.fn += c.fn;
        };
        for (const t of TYPES) {
          const p = pred.filter((m) => m.type === t);
          const g = names([...d.gold, ...d.unlinked]).filter((m) => m.type === t);
          for (const mode of MODES) add(counts.get(mode)!.get(t)!, score(g, p, mode === 'overlap'));
          add(linkedOnly, score(names(d.gold).filter((m) => m.type === t), p, false, d.unlinked.map((m) => ({ start: m.minStart, end: m.minEnd }))));
          const old = d.legacy.filter((m) => m.type === t);
          for (const mode of MODES) add(legacy.get(mode)!, score(mode === 'exact' ? old : old.map((m) => ({ start: m.fullStart, end: m.fullEnd, type: m.type })), p, mode === 'overlap'));
        }
        const linksOf = (gold: { start: number; end: number; identity: string }[], span: (g: (typeof gold)[number]) => [number, number]) => {
          let n = 0;
          let ok = 0;
          for (const g of gold) {
            const kbId = index.get(normalizeName(g.identity));
            if (!kbId) continue;
            n++;
            const [s, e] = span(g);
            const p = pred.find((m) => m.start < e && s < m.end);
            if (p?.kbId === kbId) ok++;
          }
          return [n, ok] as const;
        };
        const [n1, ok1] = linksOf(d.gold, (g) => [(g as GoldMention).minStart, (g as GoldMention).minEnd]);
        linkable += n1;
        linked += ok1;
        const [n2, ok2] = linksOf(d.legacy, (g) => [(g as GumDoc['legacy'][number]).fullStart, (g as GumDoc['legacy'][number]).fullEnd]);
        legacyLinkable += n2;
        legacyLinked += ok2;
      }
      for (const mode of MODES) {
        const all = zero();
        for (const t of TYPES) {
          const c = counts.get(mode)!.get(t)!;
          const r = prf(c.tp, c.fp, c.fn);
          measures.push({ measure: `${label} ${t} P/R/F1 ${mode}`, value: `${round(r.p)}/${round(r.r)}/${round(r.f1)}` });
          for (const k of ['tp', 'fp', 'fn'] as const) all[k] += c[k];
        }
        const r = prf(all.tp, all.fp, all.fn);
        measures.push({ measure: `${label} all P/R/F1 ${mode}`, value: `${round(r.p)}/${round(r.r)}/${round(r.f1)}` });
        measures.push({ measure: `${label} all F1 ${mode}`, value: round(r.f1) });
      }
      const lo = prf(linkedOnly.tp, linkedOnly.fp, linkedOnly.fn);
      measures.push({ measure: `${label} all P/R/F1 exact, linked names only (unlinked ones ignored)`, value: `${round(lo.p)}/${round(lo.r)}/${round(lo.f1)}` });
      for (const mode of MODES) {
        const l = legacy.get(mode)!;
        measures.push({ measure: `${label} all F1 ${mode}, scored as before 2026-12-01`, value: round(prf(l.tp, l.fp, l.fn).f1) });
      }
      if (opts) {
        measures.push({ measure: `${label} linking accuracy (KB-known gold, n=${linkable})`, value: linkable ? round(linked / linkable) : null });
        measures.push({ measure: `${label} linking accuracy, scored as before 2026-12-01 (n=${legacyLinkable})`, value: legacyLinkable ? round(legacyLinked / legacyLinkable) : null });
      }
    }
    const per700 = (ms: number) => (words ? round((ms / words) * 700, 2) : null);
    measures.push({ measure: 'Doc ms per 700 words', value: per700(docMs) });
    measures.push({ measure: 'entities+coref ms per 700 words', value: per700(entMs) });
    measures.push({ measure: 'documents / gold names: linked + unlinked (not scored: nested linked, groups)', value: `${docs.length} / ${docs.reduce((n, d) => n + d.gold.length, 0)} + ${docs.reduce((n, d) => n + d.unlinked.length, 0)} (${docs.reduce((n, d) => n + d.linkedNested.length, 0)}, ${docs.reduce((n, d) => n + d.groups, 0)})` });
    return measures;
  },
};

export default suite;
