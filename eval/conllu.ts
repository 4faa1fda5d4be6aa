/**
 * A CoNLL-U reader for the syntax suites (ud-ewt, gum-news-syntax). Besides the columns it rebuilds the text the
 * treebank was tokenised from: tokens joined by a space unless SpaceAfter=No, sentences by a space, paragraphs
 * (`# newpar`) by a blank line; and it places every syntactic word at its character offsets in that text, so a
 * tokeniser's words can be aligned with the gold words by their spans.
 */

export interface GoldWord {
  /** 1-based position in the sentence, as in the ID column. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 1-based head, 0 for the root. */
  head: number;
  rel: string;
  /** Offsets into the rebuilt document text; -1 where a word of a multiword token could not be placed. */
  start: number;
  end: number;
}

export interface GoldSentence {
  id: string;
  /** The `# text` comment. */
  text: string;
  words: GoldWord[];
}

export interface GoldDocument {
  text: string;
  sentences: GoldSentence[];
}

/** Reads a CoNLL-U file (or several documents in one file) as one document. */
export function readConllu(src: string): GoldDocument {
  const sentences: GoldSentence[] = [];
  let text = '';
  let pendingSpace = false;
  let cur: GoldSentence | null = null;
  // The multiword token being read: its surface form, its offset, the last word id it covers, how far it is read.
  let mwt: { form: string; start: number; last: number; at: number } | null = null;
  const spaceAfter = (misc: string) => !/(^|\|)SpaceAfter=No(\||$)/.test(misc);
  // Appends a token's surface form after the separator it needs, returning its offset.
  const append = (form: string): number => {
    if (cur!.words.length === 0 && !mwt) {
      // A sentence's first token: after a space at least (a paragraph break was written already).
      if (text && !/\s$/.test(text)) text += ' ';
    } else if (pendingSpace) text += ' ';
    const at = text.length;
    text += form;
    return at;
  };
  for (const line of src.split('\n')) {
    if (!line) {
      if (cur?.words.length) sentences.push(cur);
      cur = null;
      continue;
    }
    if (line.startsWith('#')) {
      if (/^# (newpar|newdoc)(\s|$)/.test(line) && text && !text.endsWith('\n\n')) text = text.trimEnd() + '\n\n';
      const m = /^# (sent_id|text) = (.*)$/.exec(line);
      if (m) {
        cur ??= { id: '', text: '', words: [] };
        if (m[1] === 'sent_id') cur.id = m[2]!;
        else cur.text = m[2]!;
      }
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    cur ??= { id: '', text: '', words: [] };
    const range = /^(\d+)-(\d+)$/.exec(cols[0]!);
    if (range) {
      const start = append(cols[1]!);
      mwt = { form: cols[1]!, start, last: Number(range[2]), at: 0 };
      pendingSpace = spaceAfter(cols[9]!);
      continue;
    }
    if (!/^\d+$/.test(cols[0]!)) continue; // empty nodes (8.1) are not words
    const id = Number(cols[0]);
    let start: number;
    let end: number;
    if (mwt && id <= mwt.last) {
      // A word of a multiword token: its form where it is found in the token, in order ("do" + "n't" in "don't");
      // the last word takes what is left. A word whose form is not in the token ("wo" in "won't" is) gets -1.
      const at = mwt.form.toLowerCase().indexOf(cols[1]!.toLowerCase(), mwt.at);
      if (at === mwt.at && !(id === mwt.last && at + cols[1]!.length < mwt.form.length)) {
        start = mwt.start + at;
        end = start + cols[1]!.length;
        mwt.at = at + cols[1]!.length;
      } else if (id === mwt.last && mwt.at < mwt.form.length) {
        start = mwt.start + mwt.at;
        end = mwt.start + mwt.form.length;
      } else {
        start = end = -1;
      }
      if (id === mwt.last) mwt = null;
    } else {
      mwt = null;
      start = append(cols[1]!);
      end = start + cols[1]!.length;
      pendingSpace = spaceAfter(cols[9]!);
    }
    cur.words.push({
      id, form: cols[1]!, lemma: cols[2]!, upos: cols[3]!, xpos: cols[4]!, feats: cols[5]!,
      head: Number(cols[6]), rel: cols[7]!, start, end,
    });
  }
  if (cur?.words.length) sentences.push(cur);
  return { text, sentences };
}

/** One bracket of a CorefUD `Entity=` value: `fields` (id, type, ... minspan, ..., identity) when it opens a mention. */
export interface EntityBracket {
  id: string;
  fields: string[] | null;
  closes: boolean;
}

/** The brackets of a MISC `Entity=` value: "(id-type-..." opens a mention, "id)" closes one, "(...)" is both. */
export function entityBrackets(ent: string): EntityBracket[] {
  return (ent.match(/\([^()]*\)?|[^()]+\)/g) ?? []).map((part) => {
    const opens = part.startsWith('(');
    const body = part.replace(/^\(/, '').replace(/\)$/, '');
    const fields = opens ? body.split('-') : null;
    return { id: fields ? fields[0]! : body, fields, closes: part.endsWith(')') };
  });
}

/** The minimal span of an opening bracket's fields: 1-based positions inside the mention (GUM's `minspan`). */
export function minspanOf(fields: string[]): number[] {
  return (fields[5] ?? '').split(',').map(Number).filter((n) => n > 0);
}

/** A word of a sentence as the name-span reading needs it: 0-based `head` (-1 for the root). */
export interface TreeWord {
  form: string;
  upos: string;
  /** Penn tag, where known ("NNPS": a plural proper noun). */
  xpos?: string;
  head: number;
  rel: string;
  /** No space after it in the text (SpaceAfter=No). */
  glued: boolean;
}

/**
 * The name inside a GUM mention of words [start, end) of a sentence, as a name tagger marks names, or null when
 * the mention is not named by its head. GUM marks mentions, not names: its minimal span (`minspan`) keeps a title
 * that heads the name ("Professor Chomsky", "columnist Dan Savage", where GUM attaches the title as `nmod:desc` or
 * makes it the head with the name `flat` under it) and runs over an "of" phrase to its head ("Ivo Brenk of the
 * Tarsk Front" would be minspan "Ivo Brenk Front"), and a mention counts as named in the old reading when any
 * word in it is a proper noun ("Nobel Peace Prize recipient"). Read from the tree instead:
 * - the name's core is the mention's head when it is a proper noun, else the first proper noun `flat` under it (the
 *   name after a title noun: "biologist Nick Bos"); no core, no name;
 * - the name is the core with what its words attach by `flat`, `fixed`, `goeswith`, `compound` and capitalised
 *   `amod`/`nummod` ("Civic Party", "Kennedy Space Center", "Movimento 5 Stelle"), and punctuation glued inside
 *   ("Chung-tai"); for an organisation or place, its "of" phrases too ("University of Helsinki", "State of Texas");
 * - never titles (`nmod:desc`, a lower-case compound: "Facebook creator Mark Zuckerberg"), possessors, articles,
 *   appositions or clauses, and never a person's "of" phrase (the party or place after the name);
 * - the span is the contiguous run of those words around the core;
 * - a coordination of names ("Ivo Brenk and Mara Dask", GUM's mention of the group) is not a name: its
 *   conjuncts, GUM's mentions of their own, are.
 */
export function nameSpanOf(words: readonly TreeWord[], start: number, end: number, type: string): [number, number] | null {
  const inside = (i: number) => i >= start && i < end;
  let h = -1;
  for (let i = start; i < end; i++) if (!inside(words[i]!.head)) { h = i; break; }
  if (h < 0) return null;
  const children = (i: number) => {
    const out: number[] = [];
    for (let k = start; k < end; k++) if (words[k]!.head === i) out.push(k);
    return out;
  };
  const capital = (k: number) => /^\p{Lu}/u.test(words[k]!.form) || /^\d/.test(words[k]!.form);
  // A coordination ("Ivo Brenk and Mara Dask", "Rebecca and I") is a group: its conjuncts are the names.
  if (children(h).some((k) => words[k]!.rel === 'conj')) return null;
  let core = -1;
  // The name after a title noun: every proper noun flat under it ("actor Jason Beghe": both are the title's).
  const afterTitle = words[h]!.upos === 'PROPN' ? [] : children(h).filter((k) => words[k]!.rel.startsWith('flat') && words[k]!.upos === 'PROPN');
  if (words[h]!.upos === 'PROPN') core = h;
  else core = afterTitle[0] ?? -1;
  // A proper noun in lower case ("candidates") is no name.
  if (core < 0 || !capital(core)) return null;
  const inName = new Set<number>([core, ...afterTitle]);
  // An "of" phrase: its head with its article, preposition and names, and names joined to it ("of Australia and
  // New Zealand"), but not a further "of" phrase ("University of Kelm of Valmora" is two names).
  const phrase = (k: number) => {
    inName.add(k);
    for (const c of children(k)) {
      const rel = words[c]!.rel;
      if (rel === 'case' || rel === 'det' || rel === 'cc') inName.add(c);
      else if (rel === 'conj' && capital(c)) phrase(c);
    }
    walk(k, false);
  };
  const walk = (i: number, ofs = true) => {
    for (const k of children(i)) {
      const w = words[k]!;
      const rel = w.rel;
      if (rel.startsWith('flat') || rel === 'fixed' || rel === 'goeswith') {
        inName.add(k);
        walk(k, ofs);
      } else if ((rel === 'compound' || rel === 'amod' || rel === 'nummod') && capital(k)) {
        inName.add(k);
        walk(k, ofs);
      } else if (rel === 'punct' && (words[k - 1]?.glued && w.glued)) inName.add(k);
      else if (ofs && rel === 'nmod' && type !== 'person' && capital(k) && children(k).some((c) => words[c]!.rel === 'case' && /^(?:of|for|on)$/i.test(words[c]!.form))) {
        // "University of Helsinki": the whole "of" phrase (its article, its own names).
        if (k > i) phrase(k);
      }
    }
  };
  for (const k of inName) walk(k);
  // The contiguous run around the core.
  let s = core;
  let e = core + 1;
  while (inName.has(s - 1)) s--;
  while (inName.has(e)) e++;
  // Punctuation, a preposition or an article left at an edge is no part of the name (where GUM's tree hangs an
  // "of" on a later word: "Kelm University of Valmora's Brenk Institute").
  const edge = (k: number) => ['PUNCT', 'ADP', 'DET', 'CCONJ', 'PART'].includes(words[k]!.upos);
  while (e > s + 1 && edge(e - 1)) e--;
  while (s < e - 1 && edge(s)) s++;
  return [s, e];
}
