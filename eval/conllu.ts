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
