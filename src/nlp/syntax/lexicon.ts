/**
 * Lemmas and morphological features. Both follow from the word and its tag almost always, so they are looked up
 * rather than learnt: a table derived from the training treebanks holds the words a suffix rule gets wrong
 * ("went" → go, "children" → child) and the features that differ from the tag's usual ones; everything else is
 * the rule, or the tag's most frequent features.
 */

export interface Lexicon {
  /** "lower\tXPOS" → lemma, only where `ruleLemma` would be wrong. */
  lemma: Record<string, string>;
  /** "lower\tjoint tag" → features, only where they differ from `tagFeats`. */
  feats: Record<string, string>;
  /** Joint tag → its most frequent features. */
  tagFeats: Record<string, string>;
}

const DOUBLED = /([bcdfgkmnprtvz])\1$/;

/** The suffix-rule lemma of a word form given its Penn tag. Proper nouns keep their form. */
export function ruleLemma(form: string, lower: string, xpos: string): string {
  if (xpos === 'NNP' || xpos === 'NNPS') return form;
  const w = lower;
  const undouble = (s: string) => (DOUBLED.test(s) ? s.slice(0, -1) : s);
  switch (xpos) {
    case 'NNS':
    case 'VBZ':
      if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
      if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
      if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
      return w;
    case 'VBD':
    case 'VBN':
      if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
      if (w.length > 4 && w.endsWith('ed')) return undouble(w.slice(0, -2));
      return w;
    case 'VBG':
      if (w.length > 5 && w.endsWith('ing')) return undouble(w.slice(0, -3));
      return w;
    case 'JJR':
    case 'RBR':
      if (w.length > 4 && w.endsWith('ier')) return w.slice(0, -3) + 'y';
      if (w.length > 4 && w.endsWith('er')) return undouble(w.slice(0, -2));
      return w;
    case 'JJS':
    case 'RBS':
      if (w.length > 5 && w.endsWith('iest')) return w.slice(0, -4) + 'y';
      if (w.length > 5 && w.endsWith('est')) return undouble(w.slice(0, -3));
      return w;
    default:
      return w;
  }
}

export function lemmaOf(lex: Lexicon, form: string, lower: string, xpos: string): string {
  return lex.lemma[`${lower}\t${xpos}`] ?? ruleLemma(form, lower, xpos);
}

export function featsOf(lex: Lexicon, lower: string, tag: string): string {
  return lex.feats[`${lower}\t${tag}`] ?? lex.tagFeats[tag] ?? '_';
}
