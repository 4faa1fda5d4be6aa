/**
 * The PLOVER trigger lexicon: reads data/plover-lexicon.yaml and compiles it into an index from a word form to the
 * patterns that can start there. The lexicon is data so that a user can read and extend it; this module only
 * knows how English inflects a verb or a noun.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PLOVER_TYPES, type PloverType } from '../../model/types.js';

export const LEXICON_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/plover-lexicon.yaml');

/** One word of a compiled pattern: the forms it accepts, or a gap of up to three words. */
export type PatternWord = { forms: Set<string> } | { gap: true };

export interface TriggerEntry {
  /** The entry as written in the lexicon, for messages and tests. */
  label: string;
  /** verb: inflected, passive-aware; predicate: a fixed verbal phrase ("opposed to", "will react"); noun: nominal. */
  kind: 'verb' | 'predicate' | 'noun';
  type: PloverType;
  cameo: string;
  words: PatternWord[];
  needsActor: boolean;
  subjectIsTarget: boolean;
  /** The preposition whose object is the target (CAMEO patterns: "open fire on", "send troops to"). */
  targetMarker?: string | null;
  /** The pattern matched a negation that is part of its meaning: the event is not negated by it. */
  absorbsNegation?: boolean;
  /** A CAMEO verb coded by its block's default, no pattern of words around it matched: weaker evidence. */
  byDefault?: boolean;
}

export interface Lexicon {
  entries: TriggerEntry[];
  /** First-word form → entries whose pattern starts with it. */
  byFirstForm: Map<string, TriggerEntry[]>;
}

interface RawEntry {
  verb?: string;
  noun?: string;
  phrase?: string;
  predicate?: string;
  type?: string;
  cameo?: string;
  forms?: string[];
  needsActor?: boolean;
  subjectIsTarget?: boolean;
}

const TYPES = new Set<string>(PLOVER_TYPES);

/** Compiles lexicon YAML text. Throws with the entry's number and label when an entry is malformed. */
export function compileLexicon(yamlText: string, where = 'plover-lexicon.yaml'): Lexicon {
  const data = parse(yamlText) as { triggers?: RawEntry[] } | null;
  const raws = data?.triggers ?? [];
  const entries: TriggerEntry[] = [];
  raws.forEach((raw, n) => {
    const label = raw.verb ?? raw.noun ?? raw.phrase ?? raw.predicate;
    const at = `${where}: trigger ${n + 1}${label ? ` (${label})` : ''}`;
    if (!label) throw new Error(`${at}: needs one of verb, noun, phrase, predicate`);
    if (!raw.type || !TYPES.has(raw.type)) throw new Error(`${at}: type must be a PLOVER type`);
    if (!raw.cameo || !/^(0[1-9]|1\d|20)$/.test(String(raw.cameo))) throw new Error(`${at}: cameo must be "01".."20"`);
    const kind = raw.verb ? 'verb' : raw.predicate ? 'predicate' : 'noun';
    const tokens = label.toLowerCase().split(/\s+/).filter(Boolean);
    const words: PatternWord[] = tokens.map((tok, k) => {
      if (tok === '*') return { gap: true };
      const alternatives = tok.split('|');
      const forms = new Set<string>();
      for (const alt of alternatives) {
        for (const f of spellingVariants(alt)) {
          forms.add(f);
          if (k > 0) continue;
          if (raw.verb) for (const v of verbForms(f)) forms.add(v);
          if (raw.noun) forms.add(plural(f));
        }
      }
      if (k === 0) for (const f of raw.forms ?? []) forms.add(String(f).toLowerCase());
      return { forms };
    });
    entries.push({
      label,
      kind,
      type: raw.type as PloverType,
      cameo: String(raw.cameo),
      words,
      needsActor: raw.needsActor === true,
      subjectIsTarget: raw.subjectIsTarget === true,
    });
  });
  const byFirstForm = new Map<string, TriggerEntry[]>();
  for (const e of entries) {
    const first = e.words[0];
    if (!first || 'gap' in first) continue;
    for (const f of first.forms) {
      const list = byFirstForm.get(f);
      if (list) list.push(e);
      else byFirstForm.set(f, [e]);
    }
  }
  return { entries, byFirstForm };
}

let bundled: Lexicon | null = null;

/** The bundled lexicon, read once per process. */
export function defaultLexicon(): Lexicon {
  bundled ??= compileLexicon(readFileSync(LEXICON_PATH, 'utf8'), LEXICON_PATH);
  return bundled;
}

/** British -ise/-isation words also match the -ize spelling. */
function spellingVariants(word: string): string[] {
  const out = [word];
  if (/is(e|ation)$/.test(word)) out.push(word.replace(/is(e|ation)$/, 'iz$1'));
  return out;
}

const VOWEL = /[aeiou]/;

/** Regular inflections of a verb: -s, -ed, -ing, with the usual spelling changes. */
export function verbForms(base: string): string[] {
  if (base.includes('-') || base.includes("'")) return [base, base + 's', base + 'd', base + 'ed', base + 'ing'];
  const last = base.slice(-1);
  const forms = [base];
  if (last === 'e') {
    forms.push(base + 's', base + 'd', base.slice(0, -1) + 'ing');
  } else if (last === 'y' && !VOWEL.test(base.slice(-2, -1))) {
    forms.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing');
  } else if (/(s|sh|ch|x|z)$/.test(base)) {
    forms.push(base + 'es', base + 'ed', base + 'ing');
  } else if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(base) && base.length <= 4) {
    // Short consonant-vowel-consonant verbs double the last letter: ban → banned, plan → planning.
    forms.push(base + 's', base + last + 'ed', base + last + 'ing');
  } else {
    forms.push(base + 's', base + 'ed', base + 'ing');
  }
  return forms;
}

export function plural(noun: string): string {
  if (/(s|sh|ch|x|z)$/.test(noun)) return noun + 'es';
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + 'ies';
  return noun + 's';
}
