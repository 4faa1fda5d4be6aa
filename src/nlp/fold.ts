/**
 * Same-length ASCII folding. The tokenizer splits words at letters outside Latin-1 ("Vučić" → "Vu č i ć") and does
 * not know Cyrillic, so we analyse a shadow of the text in which every UTF-16 code unit is replaced by exactly one
 * character: offsets found in the shadow are valid in the original.
 */

// Cyrillic (Serbian, Russian, Ukrainian, Macedonian, Belarusian) to one Latin letter each. Digraph sounds
// (ж, ч, ш, щ, љ, њ, џ) lose their second letter; matching uses the same fold on both sides, so nothing is lost.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'd', е: 'e', ё: 'e', ж: 'z', з: 'z', и: 'i', й: 'j', ј: 'j', к: 'k',
  л: 'l', љ: 'l', м: 'm', н: 'n', њ: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c', у: 'u', ф: 'f', х: 'h',
  ц: 'c', ч: 'c', џ: 'd', ш: 's', щ: 's', ъ: 'y', ы: 'y', ь: 'j', э: 'e', ю: 'u', я: 'a', є: 'e', і: 'i', ї: 'i',
  ґ: 'g', ѓ: 'g', ќ: 'k', ѕ: 'z', ў: 'u',
};

const SPECIAL: Record<string, string> = {
  đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ß: 's', æ: 'a', Æ: 'A', ø: 'o', Ø: 'O', œ: 'o', Œ: 'O', ı: 'i', þ: 't', Þ: 'T',
  ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H',
  // Typographic apostrophes fold to ASCII so "Serbia’s" tokenises as "Serbia" + "'s".
  '\u2019': "'", '\u02bc': "'", '\u2018': "'",
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2007': ' ',
  '\u2013': '-', '\u2014': '-', '\u2011': '-', '\u2010': '-',
};

const cache = new Map<number, string>();

/** Folds one UTF-16 code unit to one character. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return ch;
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  let out = SPECIAL[ch];
  if (out === undefined) {
    const lower = ch.toLowerCase();
    const cyr = CYRILLIC[lower];
    if (cyr !== undefined) out = lower === ch ? cyr : cyr.toUpperCase();
    else {
      const base = ch.normalize('NFD').charAt(0);
      out = base.length === 1 && base.charCodeAt(0) < 128 ? base : ch;
    }
  }
  cache.set(code, out);
  return out;
}

/** The same-length shadow of `text`: diacritics stripped, Cyrillic transliterated, one unit for one unit. */
export function foldText(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 128) {
      out += text.slice(runStart, i) + foldChar(text[i]!);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

const nameCache = new Map<string, string>();
const NAME_CACHE_LIMIT = 50_000;

/**
 * A lookup key for names: folded, lower-cased, possessive and punctuation removed, spaces collapsed. Memoised:
 * extractors normalise the same KB names and aliases for every document.
 */
export function normalizeName(name: string): string {
  let key = nameCache.get(name);
  if (key === undefined) {
    if (nameCache.size >= NAME_CACHE_LIMIT) nameCache.clear();
    key = computeNameKey(name);
    nameCache.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string {
  return foldText(name)
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
