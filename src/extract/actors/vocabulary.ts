/**
 * Whether a word is ordinary English: the tagger's own lexicon (wink-eng-lite-web-model, ~87k lower-case words,
 * almost no proper names) read once. A capitalised word that is ordinary English ("Concerns", "Allies") is a name
 * only with help from a neighbour; one that is not ("Dzaferovic", "Banjska") is a name on its own.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let lexicon: Set<string> | null = null;

function load(): Set<string> {
  // The same JSON object wink-nlp reads (Node caches it), so this costs only building the set (~50 ms, once).
  const model = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as {
    features: { lexeme: { list: string[] } };
  };
  return new Set(model.features.lexeme.list.filter((w) => /^[a-z]/.test(w)));
}

/** True for a lower-case word (or its singular) the English lexicon knows. */
export function isCommonWord(lower: string): boolean {
  lexicon ??= load();
  if (lexicon.has(lower)) return true;
  if (lower.endsWith('ies') && lexicon.has(lower.slice(0, -3) + 'y')) return true;
  if (lower.endsWith('es') && lexicon.has(lower.slice(0, -2))) return true;
  return lower.endsWith('s') && lexicon.has(lower.slice(0, -1));
}
