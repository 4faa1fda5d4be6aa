/**
 * `npm run bench`: speed measured on a synthetic corpus this script generates (bench/corpus.ts).
 *   --docs N        documents for the analysis figures (default 10000)
 *   --store-docs N  documents for the store figures (default 2000), written as ingest writes them
 *   --store postgres  the store figures against DATABASE_URL (a schema of its own, dropped after)
 *   --long          the store figures over 20,000 documents: is the write rate flat as the store grows?
 *   --only store    the store figures alone; --only pool the pool's alone; --only analysis the analysis's alone
 *   --jobs N        worker threads for the pool's figures (default 2): analysis docs/s in one thread and in the
 *                   pool, and ingest end to end with --jobs N (bench/pool.ts)
 *   --json          also print the figures as one JSON object on the last line
 * Prints: docs/s and tokens/s through cleaning + Doc + times; the full pipeline's cost per step; the store's write
 * rate, the batched-INSERT ceiling on the same rows and their ratio, the rate per 1,000 documents, bytes on disk
 * per document (bench/store.ts); search latency p50/p95; API latency for an entity page and a timeline page;
 * peak RSS. The syntax model: its load time and memory (measured first, before anything else is loaded), the
 * parser's words per second on the synthetic corpus's sentences, and the full pipeline with every sentence parsed.
 * Timings are reported, never asserted.
 */
import { parseArgs } from 'node:util';
import { syntheticArticle } from './corpus.js';
import { cleanText } from '../src/ingest/clean.js';
import { Doc, wordCount } from '../src/nlp/doc.js';
import { extractTimes } from '../src/extract/times.js';
import { analyze } from '../src/extract/pipeline.js';
import { DEFAULT_MODEL_PATH, loadSyntaxModel, PerceptronSyntaxModel } from '../src/nlp/syntax/model.js';
import { udWords } from '../src/nlp/syntax/tokenise.js';
import type { SyntaxModel } from '../src/nlp/syntax/types.js';
import { existsSync, readFileSync } from 'node:fs';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import type { Store } from '../src/store/store.js';
import { BATCH_DOCUMENTS } from '../src/ingest/ingest.js';
import { searchSentences } from '../src/service/documents.js';
import { storeBench, storeReport } from './store.js';
import { poolBench, poolReport } from './pool.js';

const { values } = parseArgs({ options: {
  docs: { type: 'string', default: '10000' }, json: { type: 'boolean', default: false },
  store: { type: 'string', default: 'pglite' }, 'store-docs': { type: 'string', default: '2000' }, long: { type: 'boolean', default: false },
  only: { type: 'string' }, jobs: { type: 'string', default: '2' },
} });
const N = Number(values.docs);
const figures: Record<string, number | string> = {};
const kb = defaultKnowledgeBase();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (x: number, d = 1) => x.toFixed(d);
function report(name: string, value: number, unit: string, digits = 1): void {
  figures[name] = Number(value.toFixed(3));
  console.log(`${name.padEnd(44)} ${fmt(value, digits).padStart(10)} ${unit}`);
}
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuSecondsSince = (from: NodeJS.CpuUsage) => { const u = process.cpuUsage(from); return (u.user + u.system) / 1e6; };

/** Loads the shipped syntax model, measuring time and memory; null (and a note) when it is not built. */
function loadModelMeasured(): { model: SyntaxModel; ms: number; rssMb: number; heapMb: number; tablesMb: number | null } | null {
  if (!existsSync(DEFAULT_MODEL_PATH)) {
    console.log(`syntax: skipped, no model at ${DEFAULT_MODEL_PATH} (npm run train builds it)\n`);
    return null;
  }
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  const model = loadSyntaxModel();
  const ms = performance.now() - t0;
  const m1 = process.memoryUsage();
  const bytes = (model as { bytes?: number }).bytes;
  return {
    model, ms,
    rssMb: (m1.rss - m0.rss) / 2 ** 20,
    // Weights live in typed arrays, which node counts outside the JS heap.
    heapMb: (m1.heapUsed + m1.arrayBuffers - m0.heapUsed - m0.arrayBuffers) / 2 ** 20,
    tablesMb: typeof bytes === 'number' ? bytes / 2 ** 20 : null,
  };
}

/** Sections 1 and 2: the foundation, the full pipeline by step, the syntax model. */
async function analysisFigures(): Promise<void> {
  // First, while the process holds little else: the syntax model's load time and memory.
  const syntax = loadModelMeasured();

  // 1. The foundation: cleaning + Doc + times.
  let tokens = 0;
  let words = 0;
  let t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const a = syntheticArticle(i);
    const text = cleanText(a.text);
    const doc = new Doc(text);
    extractTimes(doc, { kb, date: a.date }, {});
    tokens += doc.tokens.length;
    words += wordCount(doc);
  }
  let secs = (performance.now() - t0) / 1000;
  report('foundation (clean+Doc+times) docs/s', N / secs, 'docs/s');
  report('foundation tokens/s', tokens / secs, 'tokens/s', 0);
  report('mean words per document', words / N, 'words', 0);
  const foundationMs = (secs * 1000) / N;

  // 2. The full pipeline, step by step.
  const sample = Math.min(N, 2000);
  const timings: Record<string, number> = {};
  let cleanMs = 0;
  t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < sample; i++) {
    const a = syntheticArticle(i);
    const c0 = performance.now();
    const text = cleanText(a.text);
    cleanMs += performance.now() - c0;
    analyze({ text, date: a.date, language: 'en' }, kb, { timings });
  }
  secs = (performance.now() - t0) / 1000;
  const cpuSecs = cpuSecondsSince(c0);
  report('full pipeline docs/s', sample / secs, 'docs/s');
  // On a shared machine the wall clock also counts the other processes' turns; CPU time is this thread's own.
  report('full pipeline docs/s (CPU time)', sample / cpuSecs, 'docs/s');
  report('  clean ms/doc', cleanMs / sample, 'ms', 3);
  for (const [step, ms] of Object.entries(timings)) report(`  ${step} ms/doc`, ms / sample, 'ms', 3);
  const actorsMs = ((timings.entities ?? 0) + (timings.coreference ?? 0)) / sample;
  const statementsMs = ((timings.quotes ?? 0) + (timings.events ?? 0) + (timings.stance ?? 0)) / sample;
  report('entities+coref cost vs foundation', (actorsMs / foundationMs) * 100, '%');
  report('statements cost vs entities+coref', actorsMs ? (statementsMs / actorsMs) * 100 : 0, '%');

  // 2b. Syntax: the parser alone, then the full pipeline with every sentence parsed.
  if (syntax) {
    report('syntax model load ms', syntax.ms, 'ms');
    // The same load inflating the file, as the first process on a machine does (the others read the inflated
    // copy, src/nlp/syntax/model-cache.ts); measured second, so with the code already compiled.
    const i0 = performance.now();
    new PerceptronSyntaxModel(readFileSync(DEFAULT_MODEL_PATH), 'models/syntax-en.bin.gz');
    report('syntax model load ms, inflating (no cache)', performance.now() - i0, 'ms');
    report('syntax model RSS delta on load', syntax.rssMb, 'MB');
    report('syntax model heap+buffers delta on load', syntax.heapMb, 'MB');
    if (syntax.tablesMb !== null) report('syntax model weight tables', syntax.tablesMb, 'MB');
    // The sentences of the first articles, as UD words, tokenised before the clock starts: the parser alone.
    const sentences: string[][] = [];
    let parsed = 0;
    for (let i = 0; parsed < 60_000 && i < Math.max(N, 100); i++) {
      const doc = new Doc(cleanText(syntheticArticle(i).text));
      for (let s = 0; s < doc.sentences.length; s++) {
        const forms = udWords(doc.text, doc.sentenceTokens(s)).map((w) => w.form);
        sentences.push(forms);
        parsed += forms.length;
      }
    }
    for (const forms of sentences.slice(0, 200)) syntax.model.analyse(forms); // warm-up
    t0 = performance.now();
    for (const forms of sentences) syntax.model.analyse(forms);
    secs = (performance.now() - t0) / 1000;
    report('parser tokens/s', parsed / secs, 'words/s', 0);
    // The full pipeline again, with every sentence parsed (the event step asks for the tree of each one, so the
    // pipeline already parses them all; the loop below only makes sure) and the model's own share of it: its
    // analyse() timed from inside, wherever in the pipeline a step first asks for a tree.
    const parseSample = Math.min(N, 1000);
    let parseMs = 0;
    let parsedSentences = 0;
    let sentencesSeen = 0;
    const model = syntax.model;
    const analyse = model.analyse.bind(model);
    model.analyse = (forms, names) => {
      const p0 = performance.now();
      const out = analyse(forms, names);
      parseMs += performance.now() - p0;
      parsedSentences++;
      return out;
    };
    t0 = performance.now();
    try {
      for (let i = 0; i < parseSample; i++) {
        const a = syntheticArticle(i);
        const { doc } = analyze({ text: cleanText(a.text), date: a.date, language: 'en' }, kb);
        for (let s = 0; s < doc.sentences.length; s++) doc.syntax(s);
        sentencesSeen += doc.sentences.length;
      }
    } finally {
      model.analyse = analyse;
    }
    secs = (performance.now() - t0) / 1000;
    report('full pipeline + every sentence parsed docs/s', parseSample / secs, 'docs/s');
    report('  syntax model analyse ms/doc', parseMs / parseSample, 'ms', 3);
    report('  sentences parsed per document', parsedSentences / parseSample, 'sentences', 1);
    report('  sentences per document', sentencesSeen / parseSample, 'sentences', 1);
  }
}

async function main(): Promise<void> {
  console.log(`bench: ${N} synthetic articles of ~700 words, knowledge base of ${kb.entries.length} entries\n`);
  if (!values.only || values.only === 'analysis') await analysisFigures();
  if (!values.only || values.only === 'pool') {
    // 2c. Both cores: the analysis in a pool of worker threads, and ingest end to end through it.
    poolReport(await poolBench({ docs: Math.min(N, 200), ingestDocs: Math.min(N, 1000), jobs: Number(values.jobs), kb }), report);
  }
  if (values.only && values.only !== 'store') {
    report('peak RSS', peakRssMb(), 'MB', 0);
    if (values.json) console.log(JSON.stringify({ bench: figures }));
    return;
  }

  // 3. The store: documents analysed ahead and written in batches, against the batched-INSERT ceiling of the same
  // rows (bench/store.ts); then search and API latency on the store written.
  const storeDocs = values.long ? 20_000 : Number(values['store-docs']);
  const f = await storeBench({
    docs: storeDocs, store: values.store === 'postgres' ? 'postgres' : 'pglite', batch: BATCH_DOCUMENTS, kb,
    onStore: async (store) => {
      // 4. Search latency.
      const queries = ['security', 'Vucic', 'Partnership for Peace', 'sanctions Russia', 'border management', 'KFOR exercise',
        'dialogue normalisation', 'Pristina', 'energy supplies', '"red lines"', 'observers vote', 'judiciary reform'];
      const lat: number[] = [];
      for (let k = 0; k < 200; k++) {
        const q0 = performance.now();
        await searchSentences(store.db, queries[k % queries.length]!, { limit: 20 });
        lat.push(performance.now() - q0);
      }
      report(`search p50 at ${storeDocs} docs`, pct(lat, 50), 'ms', 2);
      report(`search p95 at ${storeDocs} docs`, pct(lat, 95), 'ms', 2);
      // 5. API latency, when the server is there.
      await apiLatency(store, storeDocs).catch((err) => console.log(`api latency: skipped (${(err as Error).message})`));
    },
  });
  storeReport(f, report);
  figures.store_windows = f.windows.map((w) => Number(w.toFixed(2))).join(' ');
  report('peak RSS', peakRssMb(), 'MB', 0);
  if (values.json) console.log(JSON.stringify({ bench: figures }));
}

async function apiLatency(store: Store, N: number): Promise<void> {
  const mod = await import('../src/server/app.js');
  const app = mod.createApp(store, kb);
  const top = (await (await app.request('/api/entities?limit=20')).json()) as { items: { id: string }[] };
  if (!top.items?.length) throw new Error('no entities');
  for (const [name, path] of [
    ['entity page', (k: number) => `/api/entities/${encodeURIComponent(top.items[k % top.items.length]!.id)}`],
    ['timeline page', (k: number) => `/api/timeline?limit=50&offset=${(k % 10) * 50}`],
  ] as const) {
    const lat: number[] = [];
    for (let k = 0; k < 100; k++) {
      const q0 = performance.now();
      const res = await app.request(path(k));
      await res.arrayBuffer();
      lat.push(performance.now() - q0);
    }
    report(`API ${name} p50 at ${N} docs`, pct(lat, 50), 'ms', 2);
    report(`API ${name} p95 at ${N} docs`, pct(lat, 95), 'ms', 2);
  }
}

main().catch((err) => {
  console.error(`bench: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
