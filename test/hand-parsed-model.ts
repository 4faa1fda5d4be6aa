/**
 * A syntax model that knows only the parses a test writes by hand: each sentence is rows of
 * "form head rel UPOS XPOS [lemma]" (head 1-based, 0 for the root), as UD English would parse the made-up sentence.
 * Tree rules are then tested without the trained weights. A sentence it was not given is an error.
 */
import type { SentenceAnalysis, SyntaxModel, Upos } from '../src/nlp/syntax/types.js';

export function handParsed(...sentences: string[]): SyntaxModel {
  const table = new Map<string, SentenceAnalysis>();
  for (const s of sentences) {
    const rows = s.trim().split('\n').map((l) => l.trim().split(/\s+/));
    const a: SentenceAnalysis = { upos: [], xpos: [], lemma: [], feats: [], head: [], rel: [] };
    for (const [form, head, rel, upos, xpos, lemma] of rows) {
      a.upos.push(upos as Upos);
      a.xpos.push(xpos!);
      a.lemma.push(lemma ?? form!.toLowerCase());
      a.feats.push('_');
      a.head.push(Number(head));
      a.rel.push(rel!);
    }
    table.set(rows.map((r) => r[0]).join(' '), a);
  }
  return {
    meta: {},
    analyse(forms) {
      const a = table.get(forms.join(' '));
      if (!a) throw new Error(`no hand parse for: ${forms.join(' ')}`);
      return a;
    },
  };
}
