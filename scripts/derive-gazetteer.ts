/**
 * `npm run derive:gazetteer`: derives the name tagger's gazetteer (data/gazetteer/phoenix-names.tsv) from the
 * Phoenix actor dictionaries in ../shared/data/event-dictionaries/petrarch2/ (MIT; the notice and provenance
 * are kept beside the output). Each line is a lower-cased name and its kinds (person, org, place), sorted,
 * so the same dictionaries give the same file. The kinds are guessed from the dictionary's codes: a bare
 * three-letter country code is a place (the country and the cities listed under it), a code with dates or an
 * elite role is a person, anything else an organisation; the tagger learns how far to trust each.
 */
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.DOSSIER_SHARED ?? join(root, '../shared'));
const SRC = join(SHARED, 'data/event-dictionaries/petrarch2');
const OUT = join(root, 'data/gazetteer');
const FILES = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];

const PERSON = 1, ORG = 2, PLACE = 4;
/** Words that make a name an organisation whatever its codes say ("Kofi Annan Foundation"). */
const ORG_WORDS = /\b(?:army|front|party|council|committee|commission|organi[sz]ation|union|movement|brigades?|forces?|group|league|association|agency|bank|fund|ministry|institute|court|police|alliance|federation|office|mission|program(?:me)?|authority|assembly|parliament|government)\b/;

interface Entry { names: string[]; codes: string[] }

function readEntries(text: string): Entry[] {
  const out: Entry[] = [];
  let cur: Entry | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').replace(/\s+$/, '');
    if (!line.trim()) continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!.trim());
    const head = line.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\s/.test(raw) || !head) {
      cur?.codes.push(...codes);
      continue;
    }
    if (head.startsWith('+')) {
      if (!cur) continue;
      cur.names.push(...head.split('+').filter(Boolean));
      cur.codes.push(...codes);
      continue;
    }
    cur = { names: head.split('+').filter(Boolean), codes };
    out.push(cur);
  }
  return out;
}

/** "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" → "aden abyan islamic army". */
function nameOf(s: string): string {
  return s.replace(/\([^)]*\)/g, ' ').replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

function kindOf(file: string, name: string, codes: string[]): number {
  if (ORG_WORDS.test(name)) return ORG;
  if (codes.some((c) => /\d|[<>]/.test(c) || /^ELI\b|^[A-Z]{3}ELI\b/.test(c))) return PERSON;
  if (file.startsWith('Phoenix.Countries') && codes.some((c) => /^[A-Z]{3}$/.test(c))) return PLACE;
  return ORG;
}

function main(): void {
  const kinds = new Map<string, number>();
  for (const file of FILES) {
    let text: string;
    try {
      text = readFileSync(join(SRC, file), 'utf8');
    } catch {
      console.error(`derive:gazetteer: cannot read ${join(SRC, file)} (set DOSSIER_SHARED to where ../shared is)`);
      process.exit(1);
    }
    for (const e of readEntries(text)) {
      const codes = e.codes.filter((c) => c && c !== '---');
      for (const n of e.names) {
        const name = nameOf(n);
        // Too short to be a name the tagger can use, or not a name at all.
        if (name.length < 2 || !/[a-z]/.test(name)) continue;
        kinds.set(name, (kinds.get(name) ?? 0) | kindOf(file, name, codes));
      }
    }
  }
  mkdirSync(OUT, { recursive: true });
  const label = (k: number) => [k & PERSON ? 'person' : '', k & ORG ? 'org' : '', k & PLACE ? 'place' : ''].filter(Boolean).join(',');
  const lines = [...kinds].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([n, k]) => `${n}\t${label(k)}`);
  writeFileSync(join(OUT, 'phoenix-names.tsv'), `${lines.join('\n')}\n`);
  copyFileSync(join(SRC, 'LICENSE'), join(OUT, 'LICENSE-phoenix'));
  console.error(`derive:gazetteer: wrote ${lines.length} names to ${join(OUT, 'phoenix-names.tsv')}`);
}

main();
