/** Reads CoNLL-U files into sentences of syntactic words (multi-word token lines and empty nodes are skipped). */
import { readFileSync } from 'node:fs';

export interface GoldSentence {
  id: string;
  forms: string[];
  lemmas: string[];
  upos: string[];
  xpos: string[];
  feats: string[];
  /** CoNLL-U heads: 1-based, 0 for the root. */
  heads: number[];
  rels: string[];
}

export function readConllu(path: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  let cur: GoldSentence | null = null;
  const fresh = (): GoldSentence => ({ id: '', forms: [], lemmas: [], upos: [], xpos: [], feats: [], heads: [], rels: [] });
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#')) {
      cur ??= fresh();
      const m = /^# sent_id = (.*)$/.exec(line);
      if (m) cur.id = m[1]!.trim();
      continue;
    }
    if (line.trim() === '') {
      if (cur && cur.forms.length) out.push(cur);
      cur = null;
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8 || !/^\d+$/.test(cols[0]!)) continue;
    cur ??= fresh();
    cur.forms.push(cols[1]!);
    cur.lemmas.push(cols[2]!);
    cur.upos.push(cols[3]!);
    cur.xpos.push(cols[4]!);
    cur.feats.push(cols[5]!);
    cur.heads.push(Number(cols[6]));
    cur.rels.push(cols[7]!);
  }
  if (cur && cur.forms.length) out.push(cur);
  return out;
}
