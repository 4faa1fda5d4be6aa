/**
 * The shipped name tagger (models/ner-en.bin.gz, built by `npm run train`, train/ner.ts): loaded once per process
 * on first use and never changed afterwards, so tagging a sentence is a pure function of its words.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WeightTable } from '../syntax/weights.js';
import { sentenceAtoms, WordAtomCache } from '../syntax/words.js';
import { decodeNer, NerWordScores, spansOfLabels, trimSpans, type WordSpan } from './decode.js';
import { nerContext } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { decodeNerModel } from './model-file.js';

export const DEFAULT_NER_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../../models/ner-en.bin.gz');

/**
 * The model file read: DOSSIER_NER_MODEL names another (a candidate model, to compare it with the shipped one on
 * the same tree: `DOSSIER_NER_MODEL=/tmp/ner.bin.gz npm run eval`).
 */
export const nerModelPath = (): string => process.env.DOSSIER_NER_MODEL || DEFAULT_NER_MODEL_PATH;

export class NerModel {
  readonly meta: Readonly<Record<string, unknown>>;
  private readonly table: WeightTable;
  private readonly gazetteer: Gazetteer;
  /** Memos keyed by the word form alone, bounded (docs/purity.md): its atoms, its own features' summed weights. */
  private readonly atomCache = new WordAtomCache();
  private readonly wordScores: NerWordScores;

  constructor(file: Buffer, name = 'name-tagger model') {
    const { header, table } = decodeNerModel(file, name);
    this.meta = Object.freeze({ ...header.meta });
    this.table = new WeightTable(table);
    this.gazetteer = new Gazetteer(new Map(header.gazetteer));
    this.wordScores = new NerWordScores(this.table);
  }

  /** The names in one sentence of UD word forms, as word ranges. */
  tag(forms: readonly string[]): WordSpan[] {
    if (!forms.length) return [];
    const atoms = sentenceAtoms(forms, this.atomCache);
    const ctx = nerContext(atoms, this.gazetteer.match(atoms.lowerText));
    return trimSpans(atoms.formText, spansOfLabels(decodeNer(this.table, ctx, this.wordScores)));
  }

  get bytes(): number {
    return this.table.bytes;
  }
}

let shipped: NerModel | null = null;

/** The shipped model, read on first call and shared (it is never mutated). */
export function loadNerModel(): NerModel {
  if (!shipped) {
    const path = nerModelPath();
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`the name-tagger model is not there (${path}); \`npm run train -- --only ner\` builds it from ../shared/data`);
      }
      throw err;
    }
    shipped = new NerModel(file, path === DEFAULT_NER_MODEL_PATH ? 'models/ner-en.bin.gz' : path);
  }
  return shipped;
}
