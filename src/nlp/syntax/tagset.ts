/**
 * The parser's view of a tag. The tagger's classes are joint UPOS+XPOS pairs (108 in our training data); the
 * parser also wants the coarse UPOS alone, which generalises where a pair is rare. Both travel in one number:
 * the joint class in the low 8 bits and the UPOS index above them, so every feature function keeps reading one
 * array of tags and the coarse tag is a shift away.
 */
import type { Upos } from './types.js';

export const UPOS_LIST: readonly Upos[] = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ',
  'SYM', 'VERB', 'X',
];

/** For each joint tag ("NOUN NN"), the index of its UPOS in UPOS_LIST. */
export function coarseOfTags(tags: readonly string[]): Uint8Array {
  return Uint8Array.from(tags.map((t) => Math.max(0, UPOS_LIST.indexOf(t.split(' ')[0] as Upos))));
}

/** Joint tag ids with their coarse tag packed above them, as the parser and the labeller read them. */
export function parserTags(tags: ArrayLike<number>, coarse: Uint8Array): Int32Array {
  const out = new Int32Array(tags.length);
  for (let i = 0; i < tags.length; i++) out[i] = tags[i]! | (coarse[tags[i]!]! << 8);
  return out;
}

/** The coarse tag of a packed parser tag (sentinels above 0xff00 stay distinct). */
export function coarseOf(tag: number): number {
  return tag >>> 8;
}
