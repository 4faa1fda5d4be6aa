/** Derives the lemma and feature tables (src/nlp/syntax/lexicon.ts) from the training treebanks. */
import { ruleLemma, type Lexicon } from '../src/nlp/syntax/lexicon.js';
import { normaliseForm } from '../src/nlp/syntax/words.js';
import type { TreebankSentence } from './conllu.js';

function mostFrequent(counts: Map<string, Map<string, number>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, m] of counts) {
    // Highest count, ties by the value's spelling, so the table never depends on reading order.
    const best = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    out.set(key, best[0]);
  }
  return out;
}

function count(m: Map<string, Map<string, number>>, key: string, value: string): void {
  let inner = m.get(key);
  if (!inner) m.set(key, (inner = new Map()));
  inner.set(value, (inner.get(value) ?? 0) + 1);
}

export function buildLexicon(sents: readonly TreebankSentence[]): Lexicon {
  const lemmas = new Map<string, Map<string, number>>();
  const forms = new Map<string, string>();
  const feats = new Map<string, Map<string, number>>();
  const tagFeats = new Map<string, Map<string, number>>();
  for (const s of sents) {
    s.forms.forEach((raw, i) => {
      const form = normaliseForm(raw);
      const lower = form.toLowerCase();
      const tag = `${s.upos[i]} ${s.xpos[i]}`;
      const key = `${lower}\t${s.xpos[i]}`;
      count(lemmas, key, s.lemmas[i]!);
      if (!forms.has(key)) forms.set(key, form);
      count(feats, `${lower}\t${tag}`, s.feats[i]!);
      count(tagFeats, tag, s.feats[i]!);
    });
  }
  const lex: Lexicon = { lemma: {}, feats: {}, tagFeats: {} };
  const bestTagFeats = mostFrequent(tagFeats);
  for (const [tag, f] of [...bestTagFeats].sort()) lex.tagFeats[tag] = f;
  for (const [key, lemma] of [...mostFrequent(lemmas)].sort()) {
    const [lower, xpos] = key.split('\t') as [string, string];
    // Proper nouns: the rule keeps the form as written, which is what EWT does; only record real exceptions.
    if (ruleLemma(forms.get(key)!, lower, xpos) !== lemma && !(xpos.startsWith('NNP') && lemma.toLowerCase() === lower)) {
      lex.lemma[key] = lemma;
    }
  }
  for (const [key, f] of [...mostFrequent(feats)].sort()) {
    const tag = key.split('\t')[1]!;
    if (bestTagFeats.get(tag) !== f) lex.feats[key] = f;
  }
  return lex;
}
