/**
 * GUM (Wikinews news and interviews): the `<date>` spans of the token-per-line XML, with `dateCreated` as the
 * report date. We rebuild running text from the tokens (no space before punctuation, none inside `<w>`), keep the
 * character offsets of every `<date>`, run extractTimes, and score recognition (P/R/F1, overlap) and value
 * accuracy on matched spans whose gold is a single `when` value. All 43 documents are used (we do not train on GUM).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTimes } from '../../src/extract/times.js';
import { emptyKnowledgeBase } from '../../src/kb/load.js';
import { Doc } from '../../src/nlp/doc.js';
import { type GoldTime, matchTimes, sameValue } from '../../src/extract/time/scoring.js';
import { type EvalSuite, type Measure, prf, round } from '../suite.js';

interface GumDocument {
  name: string;
  text: string;
  dateCreated: string | null;
  dates: GoldTime[];
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m|’s|’|…)$/i;
const NO_SPACE_AFTER = /^[(\[{$“‘]$/;
const BLOCK_END = /^<\/(?:p|head|item|caption|sp|list|figure|table|row)>/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

const attribute = (tag: string, name: string): string | null => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** Rebuilds one GUM document's text and the offsets of its `<date>` spans. */
export function parseGum(name: string, xml: string): GumDocument {
  let text = '';
  let dateCreated: string | null = null;
  const dates: GoldTime[] = [];
  const open: { start: number; value: string | null; type: string }[] = [];
  let waiting: typeof open = []; // opened, but their first token has not come yet
  let inWord = false; // inside <w>: the tokens of one written word, glued after the first
  let wordStarted = false;
  let quoteOpen = false;
  let glueNext = false;
  for (const line of xml.split('\n')) {
    if (line.startsWith('<')) {
      if (line.startsWith('<text ')) dateCreated = attribute(line, 'dateCreated');
      else if (line.startsWith('<date')) {
        const when = attribute(line, 'when');
        const entry = { start: -1, value: when, type: when ? 'when' : 'range' };
        open.push(entry);
        waiting.push(entry);
      } else if (line.startsWith('</date>')) {
        const entry = open.pop();
        if (entry && entry.start >= 0) dates.push({ start: entry.start, end: text.length, value: entry.value, type: entry.type });
      } else if (line.startsWith('<w>')) {
        inWord = true;
        wordStarted = false;
      }
      else if (line.startsWith('</w>')) inWord = false;
      else if (BLOCK_END.test(line)) {
        text = text.trimEnd() + '\n\n';
        glueNext = true;
      }
      continue;
    }
    const token = line.split('\t')[0]!.replace(/&\w+;/g, (e) => ENTITIES[e] ?? e);
    if (!token) continue;
    let space = text.length > 0 && !glueNext && !NO_SPACE_BEFORE.test(token);
    if (token === '"') {
      // A straight quote opens (space before) or closes (none) by turns.
      space = text.length > 0 && !glueNext && !quoteOpen;
      quoteOpen = !quoteOpen;
    }
    if (inWord && wordStarted) space = false;
    if (inWord) wordStarted = true;
    if (space) text += ' ';
    for (const w of waiting) w.start = text.length;
    waiting = [];
    text += token;
    glueNext = NO_SPACE_AFTER.test(token) || (token === '"' && quoteOpen);
  }
  return { name, text, dateCreated, dates };
}

const suite: EvalSuite = {
  name: 'gum-dates',
  data: 'gum-news',
  async run(dataDir: string): Promise<Measure[]> {
    const kb = emptyKnowledgeBase(); // time expressions do not read the knowledge base
    const dir = join(dataDir, 'xml');
    const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
    let gold = 0, predicted = 0, matched = 0, valued = 0, valueRight = 0;
    for (const file of files) {
      const doc = parseGum(file, readFileSync(join(dir, file), 'utf8'));
      const times = extractTimes(new Doc(doc.text), { kb, date: doc.dateCreated }, {});
      const pairs = matchTimes(doc.dates, times, true);
      gold += doc.dates.length;
      predicted += times.length;
      matched += pairs.length;
      // Only `when` values in our formats can be compared ("--10", a month without its year, cannot).
      const comparable = pairs.filter((p) => p.gold.value && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(p.gold.value));
      valued += comparable.length;
      valueRight += comparable.filter((p) => sameValue(p.gold.value, p.predicted.value)).length;
    }
    const rec = prf(matched, predicted - matched, gold - matched);
    return [
      { measure: 'documents / gold <date> / predicted', value: `${files.length} / ${gold} / ${predicted}` },
      { measure: 'recognition P (overlap)', value: round(rec.p) },
      { measure: 'recognition R (overlap)', value: round(rec.r) },
      { measure: 'recognition F1 (overlap)', value: round(rec.f1) },
      { measure: 'matched spans with a comparable gold value', value: valued },
      { measure: 'value accuracy on those', value: round(valued ? valueRight / valued : 0) },
    ];
  },
};

export default suite;
