/**
 * Derives data/cameo-agents.json, the agent and country tables Dossier reads to roll actors up to the state they act
 * for ("Serbian police" → Serbia as COP, "the Russian embassy" → Russia as DIP), from
 *   - ../shared/data/event-dictionaries/petrarch2/Phoenix.agents.txt (agent nouns and their CAMEO roles)
 *   - ../shared/data/event-dictionaries/petrarch2/Phoenix.Countries.actors.txt (country names, adjectives, codes)
 * both MIT, © Open Event Data (Alliance). Run with `node --import tsx scripts/derive-agents.ts`. The output is
 * deterministic (sorted, no dates).
 *
 * What is read (PETRARCH2 docs/source/dictionaries.rst):
 *   - agents: lines `PHRASE {PLURALS} [~CODE]`; words joined by `_`; a phrase ending in `_` takes no generated
 *     plural, others take the regular plural of their last word; `{A B}` lists irregular plurals (`{}`: none);
 *     `!SET!` substitution sets (`!PERSON!` → man, men, woman, women, person) are expanded; `MINIST` is the stem
 *     of minister/ministry. The code's first three letters are the role (`~GOVMIL` → role GOV, full code GOVMIL).
 *   - countries: a block is a head line, `+` synonym lines and code lines `[CODE dates]`; a block whose code is a
 *     bare three-letter country code (undated, or open-ended `>yymmdd`) is a country, its head and synonyms its
 *     names. Cities listed as synonyms stay (CAMEO codes "Moscow police" as RUSCOP as well).
 *
 * Our own conventions, on top of the dictionaries (OVERRIDES below, each says why).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DICT = resolve(here, '../../shared/data/event-dictionaries/petrarch2');
const OUT = resolve(here, '../data/cameo-agents.json');

/**
 * Our conventions. Diplomatic nouns get DIP (CAMEO codes them GOV; an analyst asks for diplomats apart, and the
 * export still maps DIP to GOV where a strict CAMEO code is wanted). Bodies and arms through which a state acts
 * that the dictionary lacks as bare nouns: "forces" (the plural only: "the use of force" is no agent), drones,
 * warplanes, jets, missiles, paratroopers, leadership, authorities.
 */
const OVERRIDES: Record<string, string> = {
  ambassador: 'DIP', ambassadors: 'DIP', embassy: 'DIP', embassies: 'DIP', envoy: 'DIP', envoys: 'DIP',
  diplomat: 'DIP', diplomats: 'DIP', consul: 'DIP', consuls: 'DIP', consulate: 'DIP', consulates: 'DIP',
  'diplomatic mission': 'DIP', 'foreign ministry': 'DIP', 'foreign minister': 'DIP', 'foreign office': 'DIP',
  forces: 'MIL', 'armed forces': 'MIL', 'security forces': 'MIL', 'special forces': 'MIL', drone: 'MIL', drones: 'MIL',
  warplane: 'MIL', warplanes: 'MIL', jet: 'MIL', jets: 'MIL', 'fighter jet': 'MIL', 'fighter jets': 'MIL',
  missile: 'MIL', missiles: 'MIL', paratrooper: 'MIL', paratroopers: 'MIL', troops: 'MIL', 'air force': 'MIL',
  leadership: 'GOV', authorities: 'GOV', 'defence ministry': 'GOVMIL', 'defense ministry': 'GOVMIL',
};

const NOTICE = readFileSync(resolve(DICT, 'LICENSE'), 'utf8').trim();

function plural(w: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(w)) return [w + 'es'];
  if (/[^aeiou]y$/.test(w)) return [w.slice(0, -1) + 'ies'];
  return [w + 's'];
}

function deriveAgents(text: string): Record<string, string> {
  const sets = new Map<string, string[]>();
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const set = /^!(\w+)!\s*=\s*(.+)$/.exec(line);
    if (set) {
      sets.set(set[1]!, set[2]!.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
      continue;
    }
    const m = /^(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]/.exec(line);
    if (!m) continue;
    let phrase = m[1]!.trim();
    const code = m[3]!;
    const stopped = phrase.endsWith('_');
    phrase = phrase.replace(/_+$/, '');
    if (/[^A-Z_!'.-]/.test(phrase)) continue;
    const irregular = m[2] !== undefined;
    const irregulars = (m[2] ?? '').replace(/[{}]/g, '').trim().split(/\s+/).filter(Boolean).map((s) => s.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase());
    // Expand substitution sets and the MINIST stem.
    let forms = [phrase.toLowerCase()];
    for (const [name, words] of sets) {
      const tag = `!${name.toLowerCase()}!`;
      forms = forms.flatMap((f) => (f.includes(tag) ? words.map((w) => f.replace(tag, w)) : [f]));
    }
    forms = forms.flatMap((f) => (/(^|_)minist$/.test(f) ? ['minister', 'ministers', 'ministry', 'ministries'].map((w) => f.replace(/minist$/, w)) : [f]));
    for (const f of forms) {
      if (f.includes('!')) continue;
      const words = f.split('_').filter(Boolean);
      if (!words.length || words.length > 5) continue;
      const all = [words.join(' ')];
      if (!stopped && !irregular && !/minist(er|ry|ers|ries)$/.test(words[words.length - 1]!)) {
        for (const p of plural(words[words.length - 1]!)) all.push([...words.slice(0, -1), p].join(' '));
      }
      all.push(...irregulars);
      for (const a of all) if (!out.has(a)) out.set(a, code);
    }
  }
  for (const [k, v] of Object.entries(OVERRIDES)) out.set(k, v);
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface Country {
  code: string;
  name: string;
  terms: string[];
}

function deriveCountries(text: string): Country[] {
  const blocks: { head: string; terms: string[]; codes: string[] }[] = [];
  let cur: (typeof blocks)[number] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').replace(/\s+$/, '');
    if (!line.trim()) continue;
    if (/^\s*\[/.test(line)) {
      if (cur) cur.codes.push(line.trim());
      continue;
    }
    if (line.startsWith('+')) {
      if (cur) cur.terms.push(line.slice(1).trim());
      continue;
    }
    if (/^\s/.test(line)) continue;
    const head = /^([^[]+?)\s*(\[[^\]]*\])?\s*$/.exec(line);
    if (!head) continue;
    cur = { head: head[1]!.trim(), terms: [head[1]!.trim()], codes: head[2] ? [head[2]] : [] };
    blocks.push(cur);
  }
  const out: Country[] = [];
  for (const b of blocks) {
    let code: string | null = null;
    for (const c of b.codes) {
      const m = /^\[([A-Z]{3})(?:\s+>\d{6})?\]$/.exec(c.trim());
      if (m) code = m[1]!;
    }
    if (!code) continue;
    const clean = (s: string) => s.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase().trim();
    const terms = [...new Set(b.terms.map(clean).filter((t) => t && !/[\d()[\]]/.test(t)))].sort();
    const name = clean(b.head).replace(/\b\w/g, (c) => c.toUpperCase());
    out.push({ code, name, terms });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.name < b.name ? -1 : 1));
}

const agents = deriveAgents(readFileSync(resolve(DICT, 'Phoenix.agents.txt'), 'utf8'));
const countries = deriveCountries(readFileSync(resolve(DICT, 'Phoenix.Countries.actors.txt'), 'utf8'));
const origin = 'GitHub openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/';
const json = {
  about: 'Agent nouns with their CAMEO roles and country names with their CAMEO codes, derived by scripts/derive-agents.ts from the PETRARCH2 Phoenix dictionaries. Do not edit by hand: change the script (its OVERRIDES are our own conventions).',
  provenance: [
    { file: 'data/event-dictionaries/petrarch2/Phoenix.agents.txt', origin: origin + 'Phoenix.agents.txt', licence: 'MIT, Copyright (c) 2014 Open Event Data Alliance' },
    { file: 'data/event-dictionaries/petrarch2/Phoenix.Countries.actors.txt', origin: origin + 'Phoenix.Countries.actors.txt', licence: 'MIT, Copyright (c) 2014 Open Event Data' },
  ],
  licence: NOTICE,
  agents,
  countries,
};
writeFileSync(OUT, JSON.stringify(json, null, 0).replace(/^\{/, '{\n').replace(/,"(provenance|licence|agents|countries)":/g, ',\n"$1":') + '\n');
console.log(`cameo-agents: ${Object.keys(agents).length} agent nouns, ${countries.length} countries → ${OUT}`);
