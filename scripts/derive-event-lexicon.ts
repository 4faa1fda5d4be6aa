/**
 * Derives data/cameo-lexicon.json, the event trigger lexicon that Dossier reads from the coding dictionaries, from
 *   - ../shared/data/event-dictionaries/petrarch2/CAMEO.2.0.txt (PETRARCH2 verb dictionary, MIT, © Open Event Data)
 *   - ../shared/eval/plover-gsr/CAMEO2PLOVER-2021.txt (the CAMEO → PLOVER table of the PLOVER project)
 * Run with `npm run derive:lexicon`. The output is deterministic (sorted, no dates): run it twice, get the same file.
 *
 * What is read of the verb dictionary (its format: PETRARCH2 docs/source/dictionaries.rst, TABARI manual ch. 5):
 *   - synonym sets: `&NAME` then `+WORD_WORD` lines; a phrase or a label ending in `_` takes no generated plural.
 *   - verb blocks: `--- NAME [CODE] ---`, then verb lines `VERB {IRREGULAR FORMS} [CODE]` (a `+` verb is a
 *     multi-word verb, `+SHUT_DOWN`), then patterns `- <before> * <after> [CODE]`; a block's patterns hold for each of
 *     its verbs. `*` is the verb; `{A B}` a phrase (consecutive words, the last its head); `(PREP …)` a prepositional
 *     phrase; `&SET` a synonym set; `+` the target, `$` the source, `^` a skipped phrase, `%` a compound actor. A code
 *     `[A:B]` codes A for source→target; `[:B]` codes B with the roles turned round (the subject undergoes it);
 *     `[---]` is the null code: the pattern is no event and blocks the verb's own code.
 *   - The TRANSFORMATIONS section (rules over reported events) is not read.
 * CAMEO codes map to PLOVER types by the longest code prefix in CAMEO2PLOVER-2021, with our conventions on top
 * (CONVENTIONS below; each says why).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------------------------
// Types of the derived lexicon (read by src/extract/event/cameo.ts)

/**
 * A noun slot: alternatives, each a phrase of lower-case words separated by spaces whose last word is the head
 * ("humanitarian aid"), or a synonym set by name ("&WEAPON", listed under `synsets`).
 */
export type NounSlot = string[];

export interface PrepSlot {
  prep: string;
  /** The nominal the preposition governs, when the pattern names it; empty when any will do. */
  noun: NounSlot;
  /** The pattern marks this phrase's nominal as the target (`(TO +)`, or a bare `(AGAINST)`). */
  target: boolean;
}

export interface CameoPattern {
  /** Particle right after the verb ("shut down", "set up"). */
  particle?: string;
  /** Object nominal (or complement verb) the pattern names. */
  object?: NounSlot;
  /** The object is the target (`- * +`). */
  objectIsTarget?: boolean;
  preps?: PrepSlot[];
  /** Subject head nouns the pattern requires (`- &MILITARY * …`). */
  subject?: NounSlot;
  /** The pattern needs a negation ("will not budge"): its code already says what the negated verb means. */
  negation?: true;
  /** The pattern needs a future auxiliary ("will", "would"). */
  future?: true;
  code: string | null;
  type: string | null;
  /** `[:B]` codes: the subject undergoes the event. */
  subjectIsTarget?: true;
  /** The pattern as written, for messages. */
  text: string;
}

export interface CameoVerb {
  /** The block whose patterns hold for this verb. */
  block: string;
  /** Words that follow the verb in a multi-word verb ("down" of SHUT_DOWN). */
  tail?: string[];
  /** Irregular forms listed in the dictionary (lower case, tail words dropped). */
  forms?: string[];
  /** Code of the bare verb (its own or its block's), null when the bare verb is no event. */
  code: string | null;
  type: string | null;
}

export interface CameoLexicon {
  synsets: Record<string, string[]>;
  about: string;
  provenance: { file: string; origin: string; licence: string }[];
  licence: string;
  conventions: string[];
  /** Verb lemma → its entries (a lemma can stand in several blocks, or as several multi-word verbs). */
  verbs: Record<string, CameoVerb[]>;
  blocks: Record<string, CameoPattern[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// CAMEO → PLOVER

/** Our coding conventions where they differ from CAMEO2PLOVER-2021, applied to the table's answer. */
const CONVENTIONS: { prefix: string; type: string | null; why: string }[] = [
  { prefix: '01', type: null, why: 'CAMEO 01 (public statements, comments) is no PLOVER event: the table has no row for it' },
  { prefix: '02', type: 'REQUEST', why: 'CAMEO 02 (appeal) is a request: PLOVER folds appeals into REQUEST; the table has no row for it' },
  { prefix: '163', type: 'SANCTION', why: 'sanctions, embargoes and boycotts are SANCTION, as data/plover-lexicon.yaml codes them; the table says COERCE' },
];

/** Reads the CAMEO2PLOVER table: code → PLOVER type. */
export function parsePloverTable(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    // A repeated root ("08: CONCEDE", "08: RETREAT") keeps its first row; the three-digit rows decide below it.
    if (m && !out.has(m[1]!)) out.set(m[1]!, m[2]!);
  }
  return out;
}

/** The PLOVER type of a CAMEO code: our convention or the table's row for the longest prefix; null for none. */
export function ploverOf(code: string | null, table: Map<string, string>): string | null {
  if (!code) return null;
  for (let n = code.length; n >= 2; n--) {
    const prefix = code.slice(0, n);
    const convention = CONVENTIONS.find((c) => c.prefix === prefix);
    if (convention) return convention.type;
    const row = table.get(prefix);
    if (row) return row;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The verb dictionary

/** Words that, right after the verb, are its particle rather than its object. */
const PARTICLES = new Set([
  'up', 'down', 'out', 'off', 'back', 'away', 'over', 'in', 'on', 'aside', 'forward', 'apart', 'through', 'together',
  'ahead', 'around', 'about', 'along', 'behind', 'across', 'open', 'closer',
]);
/** Prepositions that start a phrase even when the pattern writes them without parentheses. */
const BARE_PREPOSITIONS = new Set(['to', 'toward', 'towards', 'into', 'against', 'with', 'of', 'from', 'for', 'on', 'at', 'in', 'by', 'over', 'as']);
const NEGATORS = new Set(['not', 'no', 'never']);
const FUTURE = new Set(['will', 'would']);

/** Synonym set name → its phrases (with their generated plurals). */
type Synsets = Map<string, string[]>;

/** Regular plural as the dictionary format generates it: +S, +IES after a consonant and Y, +ES after SS. */
function pluralOf(word: string): string {
  if (/ss$/.test(word)) return word + 'es';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  return word + 's';
}

/** A dictionary phrase ("FIGHTER_JET", "CASH_") as lower-case words, with its plural form unless it ends in `_`. */
function phraseForms(raw: string, plurals: boolean): string[] {
  const words = raw.replace(/_+$/, '').split(/[_\s]+/).filter(Boolean).map((w) => w.toLowerCase());
  return words.length ? withPlural(words, plurals && !raw.endsWith('_')) : [];
}

/** A phrase and, where its head takes a regular plural, the plural phrase. */
function withPlural(words: string[], plurals: boolean): string[] {
  const last = words[words.length - 1]!;
  const out = [words.join(' ')];
  if (plurals && /^[a-z]+$/.test(last) && !last.endsWith('s')) out.push([...words.slice(0, -1), pluralOf(last)].join(' '));
  return out;
}

/** Strips a `#` comment and a legacy `;` comment, and `<!-- -->` comments on one line. */
function stripComment(line: string): string {
  return line.replace(/<!--.*?-->/g, '').replace(/[#;].*$/, '').trimEnd();
}

/** Splits a pattern body into items, keeping `{…}` and `(…)` groups whole. */
function items(body: string): string[] {
  const out: string[] = [];
  let k = 0;
  while (k < body.length) {
    const c = body[k]!;
    if (/\s/.test(c)) {
      k++;
      continue;
    }
    const close = c === '{' ? '}' : c === '(' ? ')' : null;
    if (close) {
      const end = body.indexOf(close, k);
      const stop = end < 0 ? body.length : end + 1;
      out.push(body.slice(k, stop));
      k = stop;
      continue;
    }
    let j = k;
    while (j < body.length && !/\s/.test(body[j]!) && body[j] !== '(' && body[j] !== '{') j++;
    out.push(body.slice(k, j));
    k = j;
  }
  return out;
}

type Item =
  | { kind: 'noun'; slot: NounSlot }
  | { kind: 'word'; word: string }
  | { kind: 'pp'; prep: string; inner: Item[] }
  | { kind: 'target' }
  | { kind: 'source' }
  | { kind: 'skip' };

function parseItem(raw: string, synsets: Synsets): Item | null {
  if (raw === '+') return { kind: 'target' };
  if (raw === '$') return { kind: 'source' };
  if (raw === '^' || raw === '%') return { kind: 'skip' };
  if (raw.startsWith('&')) {
    const name = raw.slice(1).replace(/_+$/, '');
    return synsets.has(name) ? { kind: 'noun', slot: ['&' + name] } : null;
  }
  if (raw.startsWith('{')) {
    // A phrase: consecutive words, synonym sets allowed inside ("{&MILITARY AID}"): expand the first set found.
    const words = raw.slice(1, -1).trim().split(/\s+/).filter(Boolean);
    let phrases: string[][] = [[]];
    for (const w of words) {
      if (w.startsWith('&')) {
        const set = synsets.get(w.slice(1).replace(/_+$/, ''));
        if (!set) return null;
        phrases = phrases.flatMap((p) => set.map((s) => [...p, ...s.split(' ')]));
      } else {
        phrases = phrases.map((p) => [...p, w.toLowerCase()]);
      }
    }
    return { kind: 'noun', slot: [...new Set(phrases.flatMap((p) => withPlural(p, true)))] };
  }
  if (raw.startsWith('(')) {
    const inner = items(raw.slice(1, -1).trim());
    if (!inner.length) return null;
    const prep = inner[0]!.toLowerCase();
    const rest = inner.slice(1).map((x) => parseItem(x, synsets));
    if (rest.some((x) => x === null)) return null;
    return { kind: 'pp', prep, inner: rest as Item[] };
  }
  if (/^[A-Z][A-Z0-9'\-/]*_?$/i.test(raw)) return { kind: 'word', word: raw.replace(/_$/, '').toLowerCase() };
  return null;
}

/** A run of bare words as one noun slot: "FIRST VISIT" is a phrase whose head is VISIT. */
function wordsSlot(words: string[]): NounSlot {
  return phraseForms(words.join('_'), true);
}

/** Noun slot and target flag of a prepositional phrase's inner items. */
function ppSlot(inner: Item[]): { noun: NounSlot; target: boolean } {
  let noun: NounSlot = [];
  let target = false;
  const words: string[] = [];
  for (const it of inner) {
    if (it.kind === 'target') target = true;
    else if (it.kind === 'noun' && !noun.length && !words.length) noun = it.slot;
    else if (it.kind === 'word' && !noun.length) words.push(it.word);
  }
  if (!noun.length && words.length) noun = wordsSlot(words);
  const sourceOnly = inner.length > 0 && inner.every((it) => it.kind === 'source' || it.kind === 'skip');
  return { noun, target: target || (!noun.length && !sourceOnly) };
}

/** Reads one pattern line (without its leading `-`); null for a pattern this reader does not model. */
export function parsePattern(body: string, synsets: Synsets, table: Map<string, string>): CameoPattern | null {
  const codeMatch = /\[([^\]]*)\]\s*$/.exec(body);
  if (!codeMatch) return null;
  const text = body.slice(0, codeMatch.index).trim();
  const rawCode = codeMatch[1]!.trim();
  const [primary, reverse] = rawCode.split(':').map((s) => s.trim());
  let code: string | null;
  let subjectIsTarget = false;
  if (primary && primary !== '---') code = primary;
  else if (!primary && reverse && reverse !== '---') {
    code = reverse;
    subjectIsTarget = true;
  } else code = null;
  if (code !== null && !/^\d{2,4}$/.test(code)) return null;
  const raw = items(text);
  const star = raw.findIndex((x) => x === '*' || x === '**');
  if (star < 0) return null;
  const before = raw.slice(0, star).map((x) => parseItem(x, synsets));
  const after = raw.slice(star + 1).map((x) => parseItem(x, synsets));
  if (before.some((x) => x === null) || after.some((x) => x === null)) return null;
  const p: CameoPattern = { code, type: ploverOf(code, table), text };
  if (subjectIsTarget) p.subjectIsTarget = true;
  // Before the verb: negation, a future auxiliary, or the subject's head noun.
  const subjectWords: string[] = [];
  for (const it of before as Item[]) {
    if (it.kind === 'word' && NEGATORS.has(it.word)) p.negation = true;
    else if (it.kind === 'word' && FUTURE.has(it.word)) p.future = true;
    else if (it.kind === 'word') subjectWords.push(it.word);
    else if (it.kind === 'noun') p.subject = it.slot;
    else if (it.kind === 'pp') return null;
  }
  if (!p.subject && subjectWords.length) p.subject = wordsSlot(subjectWords);
  // After the verb: a particle, the object (a noun slot or a run of words), prepositional phrases.
  const rest = after as Item[];
  let k = 0;
  const first = rest[0];
  if (first?.kind === 'word' && PARTICLES.has(first.word) && !(rest.length === 1 && BARE_PREPOSITIONS.has(first.word) && first.word !== 'on')) {
    p.particle = first.word;
    k = 1;
  }
  const objectWords: string[] = [];
  const preps: PrepSlot[] = [];
  for (; k < rest.length; k++) {
    const it = rest[k]!;
    if (it.kind === 'pp') {
      preps.push({ prep: it.prep, ...ppSlot(it.inner) });
    } else if (it.kind === 'word' && BARE_PREPOSITIONS.has(it.word) && (objectWords.length || p.object || k + 1 < rest.length)) {
      // "- * TROOP TOWARD +": a preposition written without parentheses takes the items after it.
      const inner = rest.slice(k + 1).filter((x) => x.kind !== 'pp');
      preps.push({ prep: it.word, ...ppSlot(inner) });
      break;
    } else if (it.kind === 'target') {
      if (!p.object && !objectWords.length) p.objectIsTarget = true;
    } else if (it.kind === 'noun') {
      if (!p.object && !objectWords.length) p.object = it.slot;
    } else if (it.kind === 'word') {
      if (!p.object) objectWords.push(it.word);
    }
  }
  if (!p.object && objectWords.length) p.object = wordsSlot(objectWords);
  if (preps.length) p.preps = preps;
  return p;
}

/** Reads the verb dictionary into verbs and blocks. */
export function parseCameoVerbs(text: string, table: Map<string, string>): Pick<CameoLexicon, 'verbs' | 'blocks' | 'synsets'> {
  const lines = text.split(/\r?\n/);
  const synsets: Synsets = new Map();
  const verbs = new Map<string, CameoVerb[]>();
  const blocks = new Map<string, CameoPattern[]>();
  let section: 'synsets' | 'verbs' | 'other' = 'synsets';
  let synset: { name: string; plurals: boolean; slot: string[] } | null = null;
  let block: { name: string; code: string | null } | null = null;
  const blockNames = new Map<string, number>();
  for (const rawLine of lines) {
    if (/^#+\s*VERB PATTERNS/.test(rawLine)) {
      section = 'verbs';
      continue;
    }
    if (/^#+\s*TRANSFORMATIONS/.test(rawLine)) {
      section = 'other';
      continue;
    }
    const header = /^---\s+(.+?)\s+\[([^\]]*)\]\s+---/.exec(rawLine);
    const line = stripComment(rawLine);
    if (section === 'other') continue;
    if (!line.trim()) {
      synset = null;
      continue;
    }
    if (line.startsWith('&')) {
      const label = line.trim().slice(1);
      synset = { name: label.replace(/_+$/, ''), plurals: !label.endsWith('_'), slot: [] };
      synsets.set(synset.name, synset.slot);
      continue;
    }
    if (synset && line.startsWith('+')) {
      synset.slot.push(...phraseForms(line.slice(1).trim(), synset.plurals));
      continue;
    }
    if (section !== 'verbs') continue;
    if (header) {
      synset = null;
      // A block name used twice gets a number, so each block keeps its own patterns.
      const n = (blockNames.get(header[1]!) ?? 0) + 1;
      blockNames.set(header[1]!, n);
      const name = n === 1 ? header[1]! : `${header[1]!}#${n}`;
      const c = header[2]!.trim();
      block = { name, code: /^\d{2,4}$/.test(c) ? c : null };
      blocks.set(name, []);
      continue;
    }
    if (!block) continue;
    if (line.startsWith('-')) {
      const p = parsePattern(line.slice(1).trim(), synsets, table);
      // The dictionary repeats patterns, sometimes with another code: the first one written is kept.
      const list = blocks.get(block.name)!;
      const text = p?.text.replace(/\s+/g, ' ');
      if (p && !list.some((q) => q.text.replace(/\s+/g, ' ') === text)) list.push(p);
      continue;
    }
    const v = /^(\+?)([A-Z][A-Z0-9'\-_]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/i.exec(line.trim());
    if (!v) continue;
    const words = v[2]!.replace(/_+$/, '').split('_').map((w) => w.toLowerCase());
    const own = v[4] ? v[4].slice(1, -1).trim() : null;
    const code = own === null ? block.code : /^\d{2,4}$/.test(own) ? own : null;
    const entry: CameoVerb = { block: block.name, code, type: ploverOf(code, table) };
    if (words.length > 1) entry.tail = words.slice(1);
    if (v[3]) {
      const forms = v[3].slice(1, -1).trim().split(/\s+/).filter(Boolean)
        .map((f) => f.replace(/^\+/, '').split('_')[0]!.toLowerCase());
      if (forms.length) entry.forms = [...new Set(forms)].sort();
    }
    const lemma = words[0]!;
    const list = verbs.get(lemma) ?? [];
    list.push(entry);
    verbs.set(lemma, list);
  }
  const sortedVerbs: Record<string, CameoVerb[]> = {};
  for (const k of [...verbs.keys()].sort()) sortedVerbs[k] = verbs.get(k)!;
  const sortedBlocks: Record<string, CameoPattern[]> = {};
  for (const k of [...blocks.keys()].sort()) if (blocks.get(k)!.length) sortedBlocks[k] = blocks.get(k)!;
  const sortedSynsets: Record<string, string[]> = {};
  for (const k of [...synsets.keys()].sort()) sortedSynsets[k] = [...new Set(synsets.get(k)!)];
  return { synsets: sortedSynsets, verbs: sortedVerbs, blocks: sortedBlocks };
}

/** The whole derived lexicon, with its notice and provenance. */
export function deriveLexicon(cameoText: string, tableText: string, licenceText: string): CameoLexicon {
  const table = parsePloverTable(tableText);
  return {
    about: 'Event trigger lexicon derived by scripts/derive-event-lexicon.ts (npm run derive:lexicon) from the PETRARCH2 CAMEO ' +
      'verb dictionary and the CAMEO2PLOVER-2021 table. Do not edit by hand: change data/plover-lexicon.yaml (our overrides, ' +
      'applied on top) or the script.',
    provenance: [
      {
        file: 'data/event-dictionaries/petrarch2/CAMEO.2.0.txt',
        origin: 'GitHub openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/CAMEO.2.0.txt',
        licence: 'MIT, Copyright (c) 2014 Open Event Data; the file itself: Copyright (c) 2015 Open Event Data Alliance',
      },
      {
        file: 'eval/plover-gsr/CAMEO2PLOVER-2021.txt',
        origin: 'GitHub openeventdata/PLOVER, commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f, CAMEO2PLOVER-2021.txt (ed. Philip Schrodt)',
        licence: 'CC BY-SA 4.0 (Open Event Data Alliance); only the code → type correspondence is used',
      },
    ],
    licence: licenceText.trim(),
    conventions: CONVENTIONS.map((c) => `${c.prefix} → ${c.type ?? 'no event'}: ${c.why}`),
    ...parseCameoVerbs(cameoText, table),
  };
}

/** JSON with one verb, block pattern or synonym set per line, so that a change to the dictionary reads as a small diff. */
export function serialise(lexicon: CameoLexicon): string {
  const lines: string[] = ['{'];
  const keys = Object.keys(lexicon) as (keyof CameoLexicon)[];
  keys.forEach((key, n) => {
    const value = lexicon[key];
    const comma = n < keys.length - 1 ? ',' : '';
    if (key === 'verbs' || key === 'blocks' || key === 'synsets') {
      const entries = Object.entries(value as Record<string, unknown[]>);
      lines.push(`  ${JSON.stringify(key)}: {`);
      entries.forEach(([k, list], m) => {
        const inner = list.map((x) => '      ' + JSON.stringify(x)).join(',\n');
        lines.push(`    ${JSON.stringify(k)}: [\n${inner}\n    ]${m < entries.length - 1 ? ',' : ''}`);
      });
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const shared = resolve(root, '../shared');
  const dict = resolve(shared, 'data/event-dictionaries/petrarch2');
  const lexicon = deriveLexicon(
    readFileSync(resolve(dict, 'CAMEO.2.0.txt'), 'utf8'),
    readFileSync(resolve(shared, 'eval/plover-gsr/CAMEO2PLOVER-2021.txt'), 'utf8'),
    readFileSync(resolve(dict, 'LICENSE'), 'utf8'),
  );
  const out = resolve(root, 'data/cameo-lexicon.json');
  writeFileSync(out, serialise(lexicon));
  const patterns = Object.values(lexicon.blocks).reduce((n, b) => n + b.length, 0);
  const coded = Object.values(lexicon.verbs).flat().filter((v) => v.type).length;
  console.log(`derive-event-lexicon: ${Object.keys(lexicon.verbs).length} verb lemmas (${coded} entries coded bare), ` +
    `${Object.keys(lexicon.blocks).length} blocks, ${patterns} patterns → ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
