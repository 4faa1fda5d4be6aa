/**
 * Derives data/tagger/verb-forms.tsv, the verb forms the tagger's lexicon knows from the event dictionary, from
 * data/cameo-lexicon.json (itself derived from PETRARCH2's CAMEO.2.0.txt by scripts/derive-event-lexicon.ts; MIT,
 * © 2014 Open Event Data). Run with `node --import tsx scripts/derive-verb-forms.ts`; the output is sorted and
 * dated by nothing, so running it twice gives the same file.
 *
 * Why: news reports events with verbs that web text rarely has ("froze", "shelled", "cancel"), and the tagger,
 * trained on web text, reads an unseen "froze" by its suffix as an adjective. The dictionary lists 1,687 event
 * verbs, with their irregular forms; a form it lists is evidence that the word can be a verb, and in which form.
 *
 * Each line: a lower-case form, a tab, its readings among VB (base), VBZ (third person), VBG (-ing) and VBD (past
 * or participle: the dictionary does not tell "froze" from "frozen"), joined by "|". The dictionary's own forms
 * are taken as the complete list where it gives them ("freeze {freezes freezing froze frozen}"); otherwise the
 * regular ones are made by the spelling rules, with and without a doubled final consonant where English might
 * double it ("ban" → "banned", "visit" → "visited"): a form that is not a word costs nothing, it is never read.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface VerbEntry { forms?: string[] }

/** Regular forms of a base verb, by reading. */
export function regularForms(base: string): Record<'VBZ' | 'VBG' | 'VBD', string[]> {
  const vowel = (c: string | undefined) => c !== undefined && 'aeiou'.includes(c);
  const last = base[base.length - 1];
  const z = /(s|x|z|ch|sh|o)$/.test(base) ? [base + 'es'] : /[^aeiou]y$/.test(base) ? [base.slice(0, -1) + 'ies'] : [base + 's'];
  let g: string[], d: string[];
  if (base.endsWith('ie')) { g = [base.slice(0, -2) + 'ying']; d = [base + 'd']; }
  else if (/(ee|ye|oe)$/.test(base)) { g = [base + 'ing']; d = [base + 'd']; }
  else if (last === 'e') { g = [base.slice(0, -1) + 'ing']; d = [base + 'd']; }
  else if (/[^aeiou]y$/.test(base)) { g = [base + 'ing']; d = [base.slice(0, -1) + 'ied']; }
  else { g = [base + 'ing']; d = [base + 'ed']; }
  // Consonant-vowel-consonant at the end (not w, x, y): the consonant may double ("ban", "regret", "patrol").
  const n = base.length;
  if (n >= 3 && !vowel(last) && !'wxy'.includes(last!) && vowel(base[n - 2]) && !vowel(base[n - 3])) {
    g.push(base + last + 'ing');
    d.push(base + last + 'ed');
  }
  return { VBZ: z, VBG: g, VBD: d };
}

/** The reading of a form the dictionary lists for `base`. */
function readingOf(base: string, form: string): 'VBZ' | 'VBG' | 'VBD' {
  if (form.endsWith('ing')) return 'VBG';
  if (form.endsWith('s') && !base.endsWith('s') && form.length > base.length - 1) return 'VBZ';
  if (form === base + 'es' || form === base + 's') return 'VBZ';
  return 'VBD';
}

export function deriveVerbForms(verbs: Record<string, VerbEntry[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (form: string, reading: string) => {
    if (!/^[a-z][a-z-]*$/.test(form)) return;
    let s = out.get(form);
    if (!s) out.set(form, (s = new Set()));
    s.add(reading);
  };
  for (const base of Object.keys(verbs).sort()) {
    if (!/^[a-z][a-z-]*$/.test(base)) continue;
    add(base, 'VB');
    const listed = [...new Set(verbs[base]!.flatMap((e) => e.forms ?? []))];
    if (listed.length) {
      for (const f of listed) add(f, readingOf(base, f));
    } else {
      const r = regularForms(base);
      for (const reading of ['VBZ', 'VBG', 'VBD'] as const) for (const f of r[reading]) add(f, reading);
    }
  }
  return out;
}

function main(): void {
  const lexicon = JSON.parse(readFileSync(resolve(root, 'data/cameo-lexicon.json'), 'utf8')) as { verbs: Record<string, VerbEntry[]> };
  const forms = deriveVerbForms(lexicon.verbs);
  const order = ['VB', 'VBZ', 'VBG', 'VBD'];
  const lines = [...forms.keys()].sort().map((f) => `${f}\t${[...forms.get(f)!].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('|')}`);
  const out = resolve(root, 'data/tagger/verb-forms.tsv');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.error(`derive-verb-forms: ${lines.length} forms of ${Object.keys(lexicon.verbs).length} verbs → ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
