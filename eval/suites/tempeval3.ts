/**
 * TempEval-3 platinum (SemEval-2013 Task 1, Task A): time expressions in 20 news articles of March 2013, each
 * normalised against its document creation time (DCT). We run extractTimes on each TEXT with the DCT as the
 * report date and score, as the task did: extent P/R/F1 (strict = exact span, relaxed = any overlap) over every
 * TIMEX3 type, and value F1 (a relaxed match whose value is exactly the gold value, over all predictions and all
 * gold). Our extractor skips durations and sets and has no week or season values, so we also report DATE-only
 * recall and value accuracy on matched DATE timexes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTimes } from '../../src/extract/times.js';
import { emptyKnowledgeBase } from '../../src/kb/load.js';
import { Doc } from '../../src/nlp/doc.js';
import { type GoldTime, matchTimes, sameValue } from '../../src/extract/time/scoring.js';
import { type EvalSuite, type Measure, prf, round } from '../suite.js';

interface TmlDocument {
  name: string;
  text: string;
  dct: string | null;
  timexes: GoldTime[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(e: string): string {
  const m = /^&(?:#(\d+)|#x([0-9a-f]+)|(\w+));$/i.exec(e);
  if (!m) return e;
  if (m[1]) return String.fromCodePoint(Number(m[1]));
  if (m[2]) return String.fromCodePoint(parseInt(m[2], 16));
  return ENTITIES[m[3]!] ?? e;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1]! : null;
}

/** Reads one .tml file: the plain TEXT (tags removed, entities decoded) with the TIMEX3 spans in it, and the DCT. */
export function parseTml(name: string, xml: string): TmlDocument {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1];
  const dct = dctTag ? attribute(dctTag, 'value')?.slice(0, 10) ?? null : null;
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTime[] = [];
  let open: { start: number; value: string | null; type: string } | null = null;
  for (const piece of body.match(/<[^>]+>|&#?\w+;|[^<&]+|&/g) ?? []) {
    if (piece.startsWith('<TIMEX3')) open = { start: text.length, value: attribute(piece, 'value'), type: attribute(piece, 'type') ?? '' };
    else if (piece === '</TIMEX3>' && open) {
      timexes.push({ ...open, end: text.length });
      open = null;
    } else if (piece.startsWith('<')) continue;
    else text += piece.startsWith('&') ? decodeEntity(piece) : piece;
  }
  return { name, text, dct, timexes };
}

const suite: EvalSuite = {
  name: 'tempeval3',
  data: 'tempeval3-platinum',
  async run(dataDir: string): Promise<Measure[]> {
    const kb = emptyKnowledgeBase(); // time expressions do not read the knowledge base
    const dir = join(dataDir, 'tml');
    const files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
    let gold = 0, predicted = 0, strictTp = 0, relaxedTp = 0, valueTp = 0;
    let dateGold = 0, dateMatched = 0, dateValueRight = 0;
    for (const file of files) {
      const tml = parseTml(file, readFileSync(join(dir, file), 'utf8'));
      const times = extractTimes(new Doc(tml.text), { kb, date: tml.dct }, {});
      gold += tml.timexes.length;
      predicted += times.length;
      strictTp += matchTimes(tml.timexes, times, false).length;
      const relaxed = matchTimes(tml.timexes, times, true);
      relaxedTp += relaxed.length;
      valueTp += relaxed.filter((p) => sameValue(p.gold.value, p.predicted.value)).length;
      dateGold += tml.timexes.filter((t) => t.type === 'DATE').length;
      const dates = relaxed.filter((p) => p.gold.type === 'DATE');
      dateMatched += dates.length;
      dateValueRight += dates.filter((p) => sameValue(p.gold.value, p.predicted.value)).length;
    }
    const strict = prf(strictTp, predicted - strictTp, gold - strictTp);
    const relaxed = prf(relaxedTp, predicted - relaxedTp, gold - relaxedTp);
    const value = prf(valueTp, predicted - valueTp, gold - valueTp);
    return [
      { measure: `documents / gold TIMEX3 (all types) / predicted`, value: `${files.length} / ${gold} / ${predicted}` },
      { measure: 'extent strict P', value: round(strict.p) },
      { measure: 'extent strict R', value: round(strict.r) },
      { measure: 'extent strict F1', value: round(strict.f1) },
      { measure: 'extent relaxed P', value: round(relaxed.p) },
      { measure: 'extent relaxed R', value: round(relaxed.r) },
      { measure: 'extent relaxed F1', value: round(relaxed.f1) },
      { measure: 'value F1 (relaxed match + exact value, all types)', value: round(value.f1), anchor: 'HeidelTime value F1 0.776 (TE3 paper via SOURCE.md; not re-verified)' },
      { measure: 'DATE recall (relaxed)', value: round(dateGold ? dateMatched / dateGold : 0) },
      { measure: 'DATE value accuracy on matched', value: round(dateMatched ? dateValueRight / dateMatched : 0) },
      { measure: 'DATE value recall (right value / DATE gold)', value: round(dateGold ? dateValueRight / dateGold : 0) },
    ];
  },
};

export default suite;
