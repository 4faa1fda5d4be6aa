/**
 * Issue 10, item 3, checked over the news-dev articles: no KB person in a document's entities whose name the text
 * never says and whom no full-office rule links. A person passes when one of their mentions is their KB name, an
 * alias, or the last word of either (a surname); otherwise every mention that is not a pronoun must be an office
 * phrase that fixes the person: an office the person holds on the document's date, of the state or organisation
 * the words right before ("Poland's", "the Serbian") or right after ("of Kosovo") name, not said of another
 * time ("a former", "then"), an office with one holder at a time, and exactly one holder in the KB on that date.
 * This reads the text and the KB itself, not how roles.ts decided. Skips with a message when ../shared (the articles) is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity, KbEntry, KnowledgeBase, Mention } from '../../src/model/types.js';
import { normalizeName } from '../../src/nlp/fold.js';
import { SEVERAL_HOLDERS, holders, holdsOn } from '../../src/extract/actors/roles.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(resolve(process.env.DOSSIER_SHARED ?? join(here, '../../../shared')), 'eval', 'news-dev');

/** Whether one of the person's mentions is their name, an alias, or the surname of either. */
function named(entry: KbEntry, e: Entity): boolean {
  const forms = new Set<string>();
  for (const n of [entry.name, ...entry.aliases]) {
    const key = normalizeName(n);
    forms.add(key);
    forms.add(key.split(' ').pop()!);
  }
  return e.mentions.some((m) => forms.has(normalizeName(m.text)));
}

const NOT_NOW = new Set(['former', 'ex', 'then', 'late', 'previous', 'future', 'incoming', 'first']);

/** Every way the text may name an owner: its name, aliases and demonyms, folded. */
function ownerForms(owner: KbEntry): string[] {
  return [owner.name, ...owner.aliases, ...(owner.demonyms ?? [])].map(normalizeName).filter(Boolean);
}

/** Whether a mention is an office phrase that fixes this person on the date. */
function fixedByOffice(kb: KnowledgeBase, entry: KbEntry, m: Mention, text: string, date: string): boolean {
  const words = normalizeName(m.text);
  const before = ` ${normalizeName(text.slice(Math.max(0, m.start - 60), m.start))}`;
  const after = `${normalizeName(text.slice(m.end, m.end + 80))} `;
  return (entry.roles ?? []).some((r) => {
    if (!holdsOn(r.from, r.to, date) || SEVERAL_HOLDERS.has(r.office)) return false;
    const office = kb.offices.find((o) => o.id === r.office);
    const names = office ? [office.id.replace(/-/g, ' '), ...office.names].map(normalizeName) : [];
    if (!names.includes(words)) return false;
    const owner = kb.byId.get(r.of);
    if (!owner) return false;
    const lead = (f: string) => before.endsWith(` ${f}`) ? before.slice(0, -f.length - 1) : before.endsWith(` ${f} s`) ? before.slice(0, -f.length - 3) : null;
    const says = ownerForms(owner).some((f) => lead(f) !== null || after.startsWith(`of ${f} `) || after.startsWith(`of the ${f} `));
    // "a former British prime minister", "Finland's then president": not the holder on the date.
    const front = ownerForms(owner).map(lead).find((x) => x !== null) ?? before;
    const lastWords = front.trim().split(' ').slice(-2);
    if (lastWords.some((w) => NOT_NOW.has(w)) || lastWords[lastWords.length - 1] === 'a' || lastWords[lastWords.length - 1] === 'an') return false;
    return says && holders(kb, r.office, r.of, date).length === 1;
  });
}

test('news-dev: every KB person in a document\'s entities is named there or fixed by an office', { timeout: 600_000 }, async (t) => {
  if (!existsSync(dataDir)) {
    t.skip(`${dataDir} not found: the news-dev articles live in ../shared/eval/news-dev`);
    return;
  }
  const { toExtraction } = await import('../../src/cli/extract.js');
  const { toDocument } = await import('../../src/ingest/document.js');
  const { readSources } = await import('../../src/ingest/sources.js');
  const { defaultKnowledgeBase } = await import('../../src/kb/load.js');
  const kb = defaultKnowledgeBase();
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as { documents: { file: string; date: string }[] };
  const invented: string[] = [];
  for (const entry of manifest.documents) {
    const path = join(dataDir, 'articles', entry.file);
    for await (const ev of readSources([path])) {
      if ('failure' in ev) throw new Error(`${entry.file}: ${ev.failure.message}`);
      const x = toExtraction(path, toDocument(ev.item, { date: entry.date }), kb);
      for (const e of x.entities) {
        const person = e.kbId ? kb.byId.get(e.kbId) : undefined;
        if (person?.type !== 'PERSON' || named(person, e)) continue;
        const unfixed = e.mentions.filter((m) => m.kind !== 'pronoun' && !fixedByOffice(kb, person, m, x.document.text, entry.date));
        if (unfixed.length || e.mentions.every((m) => m.kind === 'pronoun')) {
          invented.push(`${entry.file}: ${person.name} (${e.mentions.map((m) => `"${m.text}" at ${m.start}`).join(', ')})`);
        }
      }
    }
  }
  assert.deepEqual(invented, []);
});
