/**
 * The name tagger's training corpora, read into sentences of words with name spans over our four kinds
 * (PER, ORG, PLACE, MISC):
 * - UNER English EWT (dev and test: the train split is not in ../shared): IOB2 PER, ORG, LOC.
 * - wikigold: IOB1 PER, ORG, LOC, MISC.
 * - GUM's open genres (academic, bio, court, voyage): the entity layer's named mentions (those holding a proper
 *   noun), cut to GUM's minimal span (the name without its determiner or modifiers: what `gum-ner` scores),
 *   person → PER, organization → ORG, place → PLACE, other named kinds (event, object, abstract...) → MISC,
 *   times never. Nested names keep the outermost. GUM news and interviews are refused: they are the evaluation set.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NerType, WordSpan } from '../src/nlp/ner/decode.js';
import { entityBrackets, minspanOf } from '../eval/conllu.js';

export interface NerSentence {
  /** Where it comes from, for logs and held-out splits. */
  corpus: string;
  forms: string[];
  spans: WordSpan[];
}

const IOB_TYPE: Record<string, NerType> = { PER: 'PER', ORG: 'ORG', LOC: 'PLACE', MISC: 'MISC' };

/** Spans of IOB1 or IOB2 tags ("B-PER", "I-PER", "O"); an I after O or another type begins a span (IOB1). */
export function spansOfIob(tags: readonly string[]): WordSpan[] {
  const out: WordSpan[] = [];
  let open: WordSpan | null = null;
  tags.forEach((tag, i) => {
    const m = /^([BI])-(\w+)$/.exec(tag);
    const type = m ? IOB_TYPE[m[2]!] : undefined;
    if (!m || !type) {
      open = null;
      return;
    }
    if (m[1] === 'B' || !open || open.type !== type) {
      open = { start: i, end: i + 1, type };
      out.push(open);
    } else open.end = i + 1;
  });
  return out;
}

/** UNER's CoNLL-like files: id, token, IOB2 tag; `#` comments; a blank line between sentences. */
export function readUner(text: string, corpus: string): NerSentence[] {
  const out: NerSentence[] = [];
  let forms: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (forms.length) out.push({ corpus, forms, spans: spansOfIob(tags) });
    forms = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (!line.trim()) { flush(); continue; }
    const cols = line.split('\t');
    if (cols.length < 3 || !/^\d+$/.test(cols[0]!)) continue;
    forms.push(cols[1]!);
    tags.push(cols[2]!);
  }
  flush();
  return out;
}

/** wikigold: "TOKEN TAG" per line, a blank line between sentences, -DOCSTART- lines between documents. */
export function readWikigold(text: string): NerSentence[] {
  const out: NerSentence[] = [];
  let forms: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (forms.length) out.push({ corpus: 'wikigold', forms, spans: spansOfIob(tags) });
    forms = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) { flush(); continue; }
    const cut = t.lastIndexOf(' ');
    if (cut <= 0) continue;
    const form = t.slice(0, cut);
    if (form === '-DOCSTART-') { flush(); continue; }
    forms.push(form);
    tags.push(t.slice(cut + 1));
  }
  flush();
  return out;
}

const GUM_TYPE: Record<string, NerType | null> = { person: 'PER', organization: 'ORG', place: 'PLACE', time: null };

/** The named mentions of one GUM CoNLL-U document, sentence by sentence. */
export function readGumNames(conllu: string, corpus: string): NerSentence[] {
  const out: NerSentence[] = [];
  let forms: string[] = [];
  let upos: string[] = [];
  let mentions: { start: number; end: number; type: string; minspan: number[] }[] = [];
  // Mentions may run across sentence breaks in principle; ours are cut at the sentence end.
  let open: { id: string; type: string; start: number; minspan: number[] }[] = [];
  const flush = () => {
    if (forms.length) out.push({ corpus, forms, spans: namedSpans(upos, mentions) });
    forms = [];
    upos = [];
    mentions = [];
    open = [];
  };
  for (const line of conllu.split('\n')) {
    if (!line.trim()) { flush(); continue; }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    const at = forms.length;
    forms.push(cols[1]!);
    upos.push(cols[3]!);
    const ent = /(?:^|\|)Entity=([^|]*)/.exec(cols[9]!)?.[1];
    if (!ent) continue;
    for (const { id, fields, closes } of entityBrackets(ent)) {
      if (fields) open.push({ id, type: fields[1]!, start: at, minspan: minspanOf(fields) });
      if (closes) {
        for (let k = open.length - 1; k >= 0; k--) {
          if (open[k]!.id !== id) continue;
          const o = open.splice(k, 1)[0]!;
          mentions.push({ start: o.start, end: at + 1, type: o.type, minspan: o.minspan });
          break;
        }
      }
    }
  }
  flush();
  return out;
}

/** Named mentions (holding a PROPN) as spans: minimal span, trimmed to proper nouns at the edges, outermost kept. */
function namedSpans(upos: string[], mentions: { start: number; end: number; type: string; minspan: number[] }[]): WordSpan[] {
  const cands: WordSpan[] = [];
  for (const m of mentions) {
    const type = m.type in GUM_TYPE ? GUM_TYPE[m.type] : 'MISC';
    if (!type) continue;
    let s = m.start;
    let e = m.end;
    if (m.minspan.length) {
      const lo = m.start + Math.min(...m.minspan) - 1;
      const hi = m.start + Math.max(...m.minspan);
      if (lo >= m.start && hi <= m.end) { s = lo; e = hi; }
    }
    while (s < e && upos[s] !== 'PROPN') s++;
    while (e > s && upos[e - 1] !== 'PROPN') e--;
    if (e > s) cands.push({ start: s, end: e, type });
  }
  // Outermost first: longer spans win, then the earlier one.
  cands.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(upos.length);
  const out: WordSpan[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Every training sentence under `shared`, in a fixed order (corpus by corpus, files sorted). */
export function readNerCorpora(shared: string): NerSentence[] {
  const ner = join(shared, 'data/ner');
  const uner = join(ner, 'uner-ewt');
  const wiki = join(ner, 'wikigold/wikigold.conll.txt');
  const gum = join(shared, 'data/treebanks/gum/dep');
  for (const p of [uner, wiki]) if (!existsSync(p)) throw new Error(`${p} not found; training reads ../shared/data (set DOSSIER_SHARED to move it)`);
  const out: NerSentence[] = [];
  for (const f of ['en_ewt-ud-dev.iob2', 'en_ewt-ud-test.iob2']) out.push(...readUner(readFileSync(join(uner, f), 'utf8'), `uner/${f}`));
  out.push(...readWikigold(readFileSync(wiki, 'utf8')));
  const files = existsSync(gum) ? readdirSync(gum).filter((f) => f.endsWith('.conllu')).sort() : [];
  for (const f of files) {
    // GUM news and interviews are the evaluation set (gum-ner): refuse them even if someone copies them in.
    if (/^GUM_(news|interview)_/.test(f)) continue;
    out.push(...readGumNames(readFileSync(join(gum, f), 'utf8'), `gum/${f}`));
  }
  return out;
}
