/**
 * Integer feature hashing shared by training and run time. A feature is a template number and up to three atom
 * values (hashed strings or small ids); it becomes one 32-bit key. Keys index the weight tables, so no feature
 * string is ever built while tagging or parsing.
 */

/** FNV-1a over the UTF-16 code units of a string: the atom value of a word, a suffix or a shape. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One round of murmur3's finaliser: spreads the bits of a combined value. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * The key of template `t` over atoms a, b, c. Never 0: 0 marks an empty slot in the tables. Each atom is folded
 * in by a multiply-xorshift step and the whole finalised once: a quarter of the work of finalising per atom,
 * which matters at ~250 keys per word, with collisions still far below one in a million at our table sizes.
 */
export function featureKey(t: number, a: number, b = 0, c = 0): number {
  return featureBits(t, a, b, c) >>> 0;
}

/**
 * featureKey's 32 bits as a signed integer: what the feature functions write, since a Uint32Array stores the
 * same bits from either. A signed 32-bit result stays a small integer in V8, where an unsigned one of 2^31 or
 * more (half of all keys) is a heap number, allocated at every call that is not inlined.
 */
export function featureBits(t: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(t + 0x3c6ef372, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  h = fmix(h);
  return h === 0 ? 1 : h;
}
