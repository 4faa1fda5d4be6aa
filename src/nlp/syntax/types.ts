/**
 * Types of the syntactic layer: what the trained tagger and parser (src/nlp/syntax/model.ts) return, and the
 * syntactic words the Doc hands to extractors. Words follow Universal Dependencies: one Doc token may hold
 * several words ("don't" is do + n't, "Russia's" is Russia + 's), and each word keeps exact character offsets.
 */

/** Universal POS tags (UD v2). */
export type Upos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN'
  | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X';

/** What the model assigns to one sentence of word forms, position by position. */
export interface SentenceAnalysis {
  upos: Upos[];
  /** Penn Treebank tags, as EWT has them. */
  xpos: string[];
  lemma: string[];
  /** UD morphological features ("Number=Sing|Person=3"), "_" when none. */
  feats: string[];
  /** Head of each word, CoNLL-U style: 1-based position in the sentence, 0 for the root. */
  head: number[];
  /** UD relation to the head, with subtypes ("nsubj:pass", "obl:tmod"). */
  rel: string[];
}

/** The trained model: a tagger (UPOS, XPOS, features, lemma) and a dependency parser with a labeller. */
export interface SyntaxModel {
  /**
   * Tags and parses one sentence given as word forms (already split as UD splits them). `names[i]` true marks
   * word i as part of a proper name (found by the entity step): it is tagged as a name can be (PROPN, NOUN, ADJ,
   * NUM), never as a verb or function word.
   */
  analyse(forms: readonly string[], names?: ArrayLike<boolean>): SentenceAnalysis;
  /** Metadata carried in the model file: version, corpora, the command that built it. */
  readonly meta: Readonly<Record<string, unknown>>;
}

/** One syntactic word of a Doc sentence, as extractors read it. */
export interface SyntaxWord {
  /** Index of the word in its sentence's `words`. */
  i: number;
  /** Character offsets into the Doc's text. */
  start: number;
  end: number;
  /** The original text of the word. */
  text: string;
  upos: Upos;
  xpos: string;
  lemma: string;
  feats: string;
  /** Index of the head word in the same `words` array, -1 for the root. */
  head: number;
  rel: string;
  /** Index of the Doc token (`doc.tokens`) the word lies in. */
  token: number;
}

export interface SentenceSyntax {
  /** Index of the sentence in `doc.sentences`. */
  sentence: number;
  words: SyntaxWord[];
}
