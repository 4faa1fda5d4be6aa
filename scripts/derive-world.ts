/**
 * Derives kb/_world/states.yaml, the world layer of the knowledge base: every state the Phoenix country dictionary
 * lists, with its names and demonyms, so that a text about any theatre finds its states ("Saudi Arabia", "Malian",
 * "Burkinabe") and rolls their agents up to them. It reads data/cameo-agents.json (our table derived from
 * ../shared/data/event-dictionaries/petrarch2/Phoenix.Countries.actors.txt by scripts/derive-agents.ts; MIT,
 * © Open Event Data Alliance) and the bundled theatre KB (kb/*.yaml). Run with `npm run derive:world`; the output
 * is deterministic (sorted, no dates).
 *
 * What it keeps of a country's terms (the dictionary lists names, misspellings, foreign forms, demonyms, cities
 * and regions together, without saying which is which):
 *   - the name, and official forms that end with it ("Islamic Republic of Iran", "State of Israel");
 *   - demonyms: terms sharing the name's first three letters with an adjectival ending ("Malian", "Israeli");
 *   - not cities, regions, misspellings or foreign forms: a city as an alias of its state would make "in Jeddah"
 *     a mention of Saudi Arabia, and the dictionary does not mark which city is the capital.
 * A state the theatre KB already has (by any name) is left out: the theatre's entry, with its seat, memberships and
 * dates, is the one the pipeline uses. The loader reads `kb/_world/` first, so a theatre entry of the same id wins.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const AGENTS = join(ROOT, 'data/cameo-agents.json');
const KB = join(ROOT, 'kb');
const OUT = join(KB, '_world/states.yaml');

interface Country {
  code: string;
  name: string;
  terms: string[];
}

/** Names as the dictionary has them, and the one a reader knows (facts; the dictionary dates from 2014). */
const NAMES: Record<string, { name: string; aliases?: string[]; demonyms?: string[] }> = {
  'Republic Of South Africa': { name: 'South Africa', aliases: ['Republic of South Africa'] },
  'United Republic Of Tanzania': { name: 'Tanzania', aliases: ['United Republic of Tanzania'] },
  Madagaskar: { name: 'Madagascar' },
  'Timor Leste': { name: 'Timor-Leste', aliases: ['East Timor'] },
  'Guinea Bissau': { name: 'Guinea-Bissau' },
  "Cote D'Ivoire": { name: "Côte d'Ivoire", aliases: ["Cote d'Ivoire", 'Ivory Coast'], demonyms: ['Ivorian', 'Ivorians'] },
  'Brunei Darussalam': { name: 'Brunei', aliases: ['Brunei Darussalam'] },
  Swaziland: { name: 'Eswatini', aliases: ['Swaziland'] },
  'Democratic Republic Of The Congo': { name: 'Democratic Republic of the Congo', aliases: ['DR Congo', 'DRC'] },
  Congo: { name: 'Republic of the Congo', aliases: ['Congo-Brazzaville'] },
  Myanmar: { name: 'Myanmar', aliases: ['Burma'] },
  'Czech Republic': { name: 'Czech Republic', aliases: ['Czechia'] },
  'United Arab Emirates': { name: 'United Arab Emirates', aliases: ['UAE'], demonyms: ['Emirati', 'Emiratis'] },
  Philippines: { name: 'Philippines', demonyms: ['Filipino', 'Filipinos', 'Philippine'] },
  Peru: { name: 'Peru', demonyms: ['Peruvian', 'Peruvians'] },
  'Federation Of Saint Kitts And Nevis': { name: 'Saint Kitts and Nevis' },
};
/** Entries that are no state to find in news: a fictional country the dictionary keeps for its tests. */
const LEFT_OUT = new Set(['Kinakuta']);
/** Dependent territories the dictionary lists beside states (facts). */
const TERRITORIES = new Set(['Anguilla', 'Aruba', 'Bermuda', 'Cayman Islands', 'Cook Islands', 'Guernsey', 'Hong Kong', 'Mayotte', 'Saint Barthelemy']);
/** Dissolved states, kept for history: never the seat of a present-day government. */
const HISTORICAL = new Set(['German Democratic Republic', 'Soviet Union']);
/** Words of an official form that may stand before the name ("the Hashemite Kingdom of Jordan"). */
const OFFICIAL = /^(the )?((islamic|democratic|federal|people'?s|socialist|united|arab|hashemite|plurinational|bolivarian|kingdom|republic|state|sultanate|emirate|principality|commonwealth|union|federation|grand|duchy|independent|sovereign|of|the) )+/;

/**
 * The forms a demonym of a name can take by English word-building on its last word ("Mali" → "Malian", "Iran" →
 * "Iranian", "Sudan" → "Sudanese", "Israel" → "Israeli", "Afghanistan" → "Afghan"), with plurals. Only the
 * dictionary's terms among them are kept, so this tells a demonym from a misspelling or a city, not invents one.
 */
function demonymForms(name: string): Set<string> {
  const words = name.split(' ');
  const last = words.pop()!;
  const head = words.length ? words.join(' ') + ' ' : '';
  const out = new Set<string>();
  const add = (form: string) => {
    if (form === last || form.length < 4) return;
    out.add(head + form);
    out.add(head + form + 's');
  };
  // "Afghanistan" → "Afghan", "Thailand" → "Thai": the bare stem only where a -stan or -land comes off.
  for (const b of [last.replace(/stan$/, ''), last.replace(/land$/, '')]) if (b !== last) add(b);
  const stems: [string, string[]][] = [
    [last, ['n', 'an', 'ian', 'ese', 'i', 'ish', 'er']],
    [last.replace(/[aeiouy]$/, ''), ['an', 'ian', 'ean', 'ese', 'ish']],
    [last.replace(/ia$/, ''), ['ian', 'i']],
    [last.replace(/on$/, ''), ['ese']],
  ];
  for (const [b, ends] of stems) if (b.length >= 3) for (const end of ends) add(b + end);
  return out;
}

/** "Antigua And Barbuda" → "Antigua and Barbuda": small words lower case, as names are written. */
function cased(name: string): string {
  return name.replace(/ (And|Of|The)\b/g, (w) => w.toLowerCase());
}

/** Title case for a lower-case term: "state of israel" → "State of Israel". */
function titled(term: string): string {
  return term
    .split(' ')
    .map((w, i) => (i > 0 && /^(and|of|the)$/.test(w) ? w : w.replace(/(^|[-'])(\p{L})/gu, (_, p, c) => p + c.toUpperCase())))
    .join(' ');
}

const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const key = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Every name, alias and demonym of the theatre KB, folded: a world state named by one of them is left out. */
export function theatreNames(): Set<string> {
  const names = new Set<string>();
  const files = readdirSync(KB, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('_world')).sort();
  for (const f of files) {
    const doc = parse(readFileSync(join(KB, f), 'utf8')) as { entries?: { name: string; aliases?: string[]; demonyms?: string[] }[] };
    for (const e of doc?.entries ?? []) for (const n of [e.name, ...(e.aliases ?? []), ...(e.demonyms ?? [])]) names.add(key(String(n)));
  }
  return names;
}

interface WorldEntry {
  id: string;
  type: 'GPE';
  kind: string;
  name: string;
  aliases?: string[];
  demonyms?: string[];
  description: string;
}

export function deriveWorld(countries: Country[], theatre: Set<string>): WorldEntry[] {
  const out = new Map<string, WorldEntry>();
  const stateByCode = new Map<string, string>();
  for (const c of countries) {
    if (LEFT_OUT.has(c.name)) continue;
    const fixed = NAMES[c.name];
    const name = fixed?.name ?? cased(c.name);
    const own = key(name);
    const stem = own.split(' ').filter((w) => w.length > 3);
    const aliases = new Set<string>(fixed?.aliases ?? []);
    const demonyms = new Set<string>(fixed?.demonyms ?? []);
    const adjectives = demonymForms(own);
    for (const t of c.terms) {
      const k = key(t);
      if (k === own) continue;
      if (k.replace(OFFICIAL, '') === own) aliases.add(titled(t));
      else if (adjectives.has(k)) demonyms.add(titled(t));
      // "Burkina" for Burkina Faso, "Saudi" for Saudi Arabia: the first word of the name, where the dictionary has it.
      else if (own.includes(' ') && k === own.split(' ')[0] && k.length > 4) aliases.add(titled(t));
    }
    if (key(c.name) !== own) aliases.add(cased(c.name));
    // A demonym in -an or -i names the people too, in the plural ("Algerians", "Israelis"); one in -ese is its own plural.
    for (const d of [...demonyms]) if (/(an|i)$/.test(d)) demonyms.add(d + 's');
    const all = [name, ...aliases, ...demonyms].map(key);
    if (all.some((n) => theatre.has(n))) continue;
    const id = slug(name);
    if (out.has(id)) continue;
    // A territory shares its sovereign's code (Mayotte, FRA): the first block of a code is the state.
    const sovereign = stateByCode.get(c.code);
    if (!sovereign) stateByCode.set(c.code, id);
    out.set(id, {
      id,
      type: 'GPE',
      kind: HISTORICAL.has(name) ? 'historical-state' : sovereign || TERRITORIES.has(name) ? 'territory' : 'state',
      name,
      ...(aliases.size ? { aliases: [...aliases].sort() } : {}),
      ...(demonyms.size ? { demonyms: [...demonyms].sort() } : {}),
      description: `World layer: CAMEO country ${c.code} (Phoenix country dictionary).`,
    });
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

const HEADER = `# The world layer of the knowledge base: states beyond the theatre, with their names and demonyms.
# Derived by scripts/derive-world.ts from data/cameo-agents.json, itself derived from the Phoenix country dictionary
# (../shared/data/event-dictionaries/petrarch2/Phoenix.Countries.actors.txt, openeventdata/petrarch2 commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf). Do not edit by hand: edit the theatre KB (kb/*.yaml), which wins, and
# re-run \`npm run derive:world\`. No seats, memberships or office-holders: the dictionary does not mark capitals,
# and its dated roles end about 2014 (docs/kb-format.md, "The world layer").
#
# The Phoenix dictionaries are under the MIT License:
#
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
# to permit persons to whom the Software is furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all copies or substantial portions of
# the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
# THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
# CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
# IN THE SOFTWARE.
`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { countries } = JSON.parse(readFileSync(AGENTS, 'utf8')) as { countries: Country[] };
  const entries = deriveWorld(countries, theatreNames());
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, HEADER + '\n' + stringify({ entries }, { lineWidth: 0, flowCollectionPadding: false }));
  console.log(`derive-world: ${entries.length} states and territories → ${OUT}`);
}
