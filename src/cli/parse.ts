/**
 * `dossier parse FILE|-`: the Doc's sentences tagged and parsed, printed as CoNLL-U. Files are read and cleaned as
 * `dossier extract` reads them, so the character offsets in MISC (`TokenRange=start:end`, end exclusive) index the
 * same cleaned text as the contract's offsets.
 */
import { Doc } from '../nlp/doc.js';
import type { SentenceSyntax, SyntaxModel } from '../nlp/syntax/types.js';
import { udWords } from '../nlp/syntax/tokenise.js';
import { eachDocument } from './documents.js';

/**
 * A Doc as CoNLL-U: `# newdoc id`, then per sentence `# sent_id` (numbered from `firstSentId` across the output,
 * so ids stay unique over several documents) and `# text` (its newlines as spaces); a range line for each token
 * that holds several words ("1-2 don't"); MISC with `TokenRange` and `SpaceAfter=No` where no space follows (on
 * the range line for a multiword token, as UD puts it).
 */
export function toConllu(doc: Doc, opts: { docId?: string; firstSentId?: number } = {}): string {
  const lines: string[] = [];
  if (opts.docId !== undefined) lines.push(`# newdoc id = ${oneLine(opts.docId)}`);
  let sentId = opts.firstSentId ?? 1;
  for (let s = 0; s < doc.sentences.length; s++) {
    const syntax = doc.syntax(s);
    if (!syntax.words.length) continue;
    lines.push(`# sent_id = ${sentId++}`, `# text = ${oneLine(doc.slice(doc.sentences[s]!))}`);
    lines.push(...sentenceRows(doc, syntax));
    lines.push('');
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function sentenceRows(doc: Doc, syntax: SentenceSyntax): string[] {
  const s = doc.sentences[syntax.sentence]!;
  // The multiword grouping comes from the tokeniser (the parse keeps the same words, in the same order).
  const ud = udWords(doc.text, doc.tokens.slice(s.tokenStart, s.tokenEnd));
  const rows: string[] = [];
  const spaceAfter = (end: number) => end >= doc.text.length || /\s/.test(doc.text[end]!);
  for (let i = 0; i < syntax.words.length; i++) {
    const w = syntax.words[i]!;
    const group = ud[i]?.multiword ?? -1;
    if (group === i) {
      let last = i;
      while (last + 1 < ud.length && ud[last + 1]!.multiword === i) last++;
      const end = syntax.words[last]!.end;
      const misc = [`TokenRange=${w.start}:${end}`, ...(spaceAfter(end) ? [] : ['SpaceAfter=No'])];
      rows.push([`${i + 1}-${last + 1}`, doc.text.slice(w.start, end), '_', '_', '_', '_', '_', '_', '_', misc.join('|')].join('\t'));
    }
    const misc = [`TokenRange=${w.start}:${w.end}`, ...(group < 0 && !spaceAfter(w.end) ? ['SpaceAfter=No'] : [])];
    rows.push([
      String(i + 1), field(w.text), field(w.lemma), w.upos, field(w.xpos), field(w.feats),
      String(w.head + 1), field(w.rel), '_', misc.join('|'),
    ].join('\t'));
  }
  return rows;
}

/** A CoNLL-U field holds no tab or newline, and is never empty. */
const field = (v: string): string => (v ? v.replace(/[\t\n\r]/g, ' ') : '_');
const oneLine = (v: string): string => v.replace(/\s*[\r\n]+\s*/g, ' ');

export interface ParseOptions {
  /** The model to parse with; the shipped one when absent. */
  model?: SyntaxModel;
  write?: (chunk: string) => void;
}

/** Parses every file and prints CoNLL-U; returns false when any file could not be read. */
export async function parseFiles(files: string[], opts: ParseOptions = {}): Promise<boolean> {
  const write = opts.write ?? ((c: string) => void process.stdout.write(c));
  let sentId = 1;
  return eachDocument(files, {}, (document, origin) => {
    const out = toConllu(new Doc(document.text, opts.model), { docId: origin, firstSentId: sentId });
    sentId += (out.match(/^# sent_id = /gm) ?? []).length;
    write(out);
  });
}
