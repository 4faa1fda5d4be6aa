/** Labels every arc of a parsed sentence; an arc from the root is always `root`, and no other arc is. */
import { childrenOf, LABELLER_MAX_FEATURES, labellerFeatures } from './labeller-features.js';
import { argmax, type Scorer } from './weights.js';
import type { SentenceAtoms } from './words.js';

// Scratch space of every call, reused: it holds nothing between calls (labelling is synchronous).
const KEYS = new Uint32Array(LABELLER_MAX_FEATURES);
let scratch = new Float32Array(0);

export function labelSentence(
  scorer: Scorer, a: SentenceAtoms, tags: ArrayLike<number>, heads: ArrayLike<number>, rootLabel: number,
): Int32Array {
  const n = a.n;
  const labels = new Int32Array(n);
  const kids = childrenOf(heads, n);
  const keys = KEYS;
  if (scratch.length !== scorer.nClasses) scratch = new Float32Array(scorer.nClasses);
  const scores = scratch;
  const notRoot = notRootMask(scorer.nClasses, rootLabel);
  for (let d = 0; d < n; d++) {
    if (heads[d] === n) { labels[d] = rootLabel; continue; }
    const k = labellerFeatures(a, tags, heads, kids, d, keys);
    scorer.score(keys, k, scores);
    labels[d] = argmax(scores, notRoot);
  }
  return labels;
}

let lastMask: boolean[] = [];
let lastRoot = -2;

/** Every class but the root's allowed (the mask of the last call, kept: labelling asks for the same one each time). */
function notRootMask(nClasses: number, rootLabel: number): readonly boolean[] {
  if (lastMask.length !== nClasses || lastRoot !== rootLabel) {
    lastMask = Array.from({ length: nClasses }, (_, c) => c !== rootLabel);
    lastRoot = rootLabel;
  }
  return lastMask;
}
