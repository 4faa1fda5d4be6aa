/**
 * Whether a word is ordinary English: the tagger's own lexicon (wink-eng-lite-web-model, ~87k lower-case words)
 * read once, keeping the words whose usual parts of speech do not include a proper noun. So "allies", "staff",
 * "summit" are ordinary, while "australia", "texas" (listed as proper nouns) and "dzaferovic" (absent) are not.
 * A capitalised ordinary word ("Concerns", "Allies") is a name only with help from a neighbour.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let ordinary: Set<string> | null = null;

interface CoreModel {
  lexicon: string;
  packing: { layout: Record<string, number[]>; size: number };
  features: { lexeme: { list: string[] }; posClusters: { list: string[] } };
}

/**
 * The model's internal file layout is not a public interface: if a model release moves or reshapes it, we fall back
 * to an empty vocabulary (every capitalised word then counts as a possible name, and the tagger's POS still
 * decides sentence-initial words), rather than failing recognition.
 */
function load(): Set<string> {
  try {
    return decode();
  } catch {
    return new Set();
  }
}

function decode(): Set<string> {
  // The same JSON object wink-nlp reads (Node caches it); decoding its packed lexicon costs a few tens of ms, once.
  const model = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as CoreModel;
  if (typeof model?.lexicon !== 'string' || !model.packing?.layout?.lexemeCID) throw new Error('unknown model layout');
  const buf = Buffer.from(model.lexicon, 'base64');
  const packed = new Uint32Array(buf.buffer, buf.byteOffset, buf.byteLength >>> 2);
  const [word, mask, shift] = model.packing.layout.lexemeCID as [number, number, number];
  const size = model.packing.size;
  const clusters = model.features.posClusters.list;
  const list = model.features.lexeme.list;
  const out = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    if (!/^[a-z]/.test(w)) continue;
    const cluster = clusters[(packed[word + i * size]! & mask) >>> shift] ?? '';
    if (!cluster.includes('PROPN')) out.add(w);
  }
  return out;
}

/** True for a lower-case word (or its singular) the English lexicon knows as something other than a name. */
export function isCommonWord(lower: string): boolean {
  ordinary ??= load();
  if (ordinary.has(lower)) return true;
  if (lower.endsWith('ies') && ordinary.has(lower.slice(0, -3) + 'y')) return true;
  if (lower.endsWith('es') && ordinary.has(lower.slice(0, -2))) return true;
  return lower.endsWith('s') && ordinary.has(lower.slice(0, -1));
}
