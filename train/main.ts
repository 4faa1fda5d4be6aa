/**
 * `npm run train`: rebuilds the shipped models from ../shared/data: the syntax model (train/syntax.ts, about
 * 12 minutes on two cores), then the name tagger (train/ner.ts, about 2). `--only syntax` or `--only ner`
 * builds one; the other options go to that trainer (syntax: --limit, --out, ...; ner: --epochs, --dev, --ner-out,
 * --gazetteer-from MODEL).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as trainSyntax, SHARED } from './syntax.js';
import { buildNerModel, DEFAULT_NER_SETTINGS, nerInputs, type NerSettings } from './ner.js';
import { DEFAULT_NER_MODEL_PATH } from '../src/nlp/ner/model.js';
import { decodeNerModel } from '../src/nlp/ner/model-file.js';
import { loadKnowledgeBase } from '../src/kb/load.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function trainNerMain(args: string[]): void {
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const d = DEFAULT_NER_SETTINGS;
  const settings: NerSettings = { epochs: opt('epochs', d.epochs), seed: d.seed, minRowWeight: opt('min-row-weight', d.minRowWeight), dev: args.includes('--dev') };
  const out = resolve(args.includes('--ner-out') ? args[args.indexOf('--ner-out') + 1]! : DEFAULT_NER_MODEL_PATH);
  const log = (m: string) => console.error(`train ner: ${m}`);
  let file: Buffer;
  try {
    const inputs = nerInputs(SHARED, root, loadKnowledgeBase());
    // --gazetteer-from FILE: the phrases of an existing model instead of today's KB, so that a change to the
    // training data is measured apart from a change to the gazetteer.
    const from = args.includes('--gazetteer-from') ? args[args.indexOf('--gazetteer-from') + 1] : undefined;
    if (from) inputs.gazetteer = decodeNerModel(readFileSync(from), from).header.gazetteer;
    file = buildNerModel(inputs, settings, log);
  } catch (err) {
    log((err as Error).message);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  log(`wrote ${out}: ${(file.length / 1e6).toFixed(2)} MB, sha256 ${createHash('sha256').update(file).digest('hex')}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const i = args.indexOf('--only');
  const only = i >= 0 ? args[i + 1] : undefined;
  if (only !== undefined && only !== 'syntax' && only !== 'ner') {
    console.error(`train: --only takes syntax or ner, not ${only ?? 'nothing'}`);
    process.exit(1);
  }
  const rest = i >= 0 ? [...args.slice(0, i), ...args.slice(i + 2)] : args;
  if (only !== 'ner') trainSyntax(rest);
  if (only !== 'syntax') trainNerMain(rest);
}

main();
