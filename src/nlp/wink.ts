/**
 * wink-nlp, made to forget. A wink instance keeps one vocabulary for its whole life: every word it meets that its
 * lexicon lacks is added to the lexeme table, and the tokeniser then treats that string as a known word. A known
 * word is kept whole where an unknown one is split, so what wink had read before changed how it cut the next text:
 * once "U.S" had been split off a sentence end ("in the U.S."), every later "U.S. negotiator" came out as "U.S" +
 * "." (the plover-gsr suite read differently after the gum-quotes suite), and "Ukraine's" ending a sentence stayed
 * one token in every later article (issue 14).
 *
 * `readText` runs one document's reading and then takes every lexeme learnt during it back out of the table wink
 * looks words up in, so each document starts from the same vocabulary: the shipped lexicon, as a fresh process
 * has it. What stays behind is unreachable: wink appends a learnt word's entry to two private lists (the lexeme
 * list and its own feature table, which must stay the same length, so neither can be cut back), and nothing finds
 * an entry once its key is gone. Those lists grow with every document, so after LEARNT_LIMIT entries the instance
 * is rebuilt from the model; a rebuilt instance is in the same state as the first one.
 *
 * Also learnt, and kept: new values of wink's prefix, suffix and shape features. They are numbered in the order
 * they are first met, but wink only ever compares such numbers for equality or maps them back to their string, so
 * the numbering cannot change a result; and they are few (bounded by the distinct affixes and shapes of the text).
 *
 * This reaches into wink's model object (`core().features.lexeme`), which is not a public interface; `lexemeTable`
 * checks its shape and fails loudly if a release changes it, rather than silently going back to a learning reader.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One of wink's feature tables: values by index, index by value, the next index. */
interface FeatureTable {
  list: string[];
  hash: Record<string, number>;
  index: number;
  intrinsicSize: number;
}

export type Wink = ReturnType<typeof winkNLP>;

/** Learnt entries past which the instance is rebuilt (each costs about 100 bytes that can never be reached). */
const LEARNT_LIMIT = 200_000;

interface Instance {
  nlp: Wink;
  lexemes: FeatureTable;
}

let current: Instance | null = null;

function build(): Instance {
  const source = model as unknown as Record<string, unknown> & { core: () => unknown };
  let core: unknown;
  // wink calls core() once, in its constructor; the object it returns is the one whose tables it then grows.
  const nlp = winkNLP({ ...source, core: () => (core = source.core()) } as unknown as typeof model);
  return { nlp, lexemes: lexemeTable(core) };
}

function lexemeTable(core: unknown): FeatureTable {
  const t = (core as { features?: { lexeme?: Partial<FeatureTable> } } | undefined)?.features?.lexeme;
  if (!t || !Array.isArray(t.list) || typeof t.hash !== 'object' || t.hash === null || typeof t.index !== 'number' || typeof t.intrinsicSize !== 'number') {
    throw new Error('wink-nlp: the model no longer has the lexeme table src/nlp/wink.ts resets; see that file');
  }
  return t as FeatureTable;
}

function instance(): Instance {
  if (!current || current.lexemes.list.length - current.lexemes.intrinsicSize > LEARNT_LIMIT) current = build();
  return current;
}

/**
 * Runs `read` with a wink instance whose vocabulary is the shipped one, and forgets what it learnt. Everything
 * `read` needs from wink's documents must be taken out before it returns.
 */
export function readText<T>(read: (nlp: Wink) => T): T {
  const { nlp, lexemes } = instance();
  const mark = lexemes.list.length;
  try {
    return read(nlp);
  } finally {
    // A value is appended only when the table lacks it, so each entry past the mark is a key this reading added.
    for (let i = mark; i < lexemes.list.length; i++) delete lexemes.hash[lexemes.list[i]!];
  }
}

/** How many words the current instance's table holds beyond the shipped lexicon, reachable or not (for tests). */
export function learntEntries(): { total: number; reachable: number } {
  const { lexemes } = instance();
  let reachable = 0;
  for (let i = lexemes.intrinsicSize; i < lexemes.list.length; i++) if (lexemes.hash[lexemes.list[i]!] === i) reachable++;
  return { total: lexemes.list.length - lexemes.intrinsicSize, reachable };
}
