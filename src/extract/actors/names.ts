/**
 * How the trained name tagger (src/nlp/ner/) and the cue rules with the KB (discover.ts) combine into one list of
 * names. The tagger proposes spans and kinds; the KB links them; the cue rules keep what the tagger is silent on.
 * - A tagged span the cue rules found with the same bounds takes their entry (a KB match links it, and the KB's
 *   type wins) and, when their type rests on a strong cue (a head noun, a title), their type.
 * - A tagged span with KB matches or cue names inside it is one name: "European Council on Foreign Relations"
 *   stays one organisation though the KB knows "European Council". A person span that ends in a KB person
 *   ("Vladimir Putin" where the KB has "Putin") is that person.
 * - A KB match that contains the tagged span stands ("Ministry of Foreign Affairs of Serbia" over a tagged
 *   "Serbia"), and so does a cue name joined by its head noun with no tagged person inside (stands()).
 * - Where the tagger is silent (or calls the words MISC: a name of a kind it does not type), the KB matches and
 *   the cue rules stand as they were.
 * Measured choices are in docs/names.md.
 */
import type { Doc } from '../../nlp/doc.js';
import type { EntityType } from '../../model/types.js';
import type { NameSpan } from '../../nlp/ner/doc-names.js';
import { tokenKeys, type KbMatch } from '../../kb/matcher.js';
import type { KnowledgeBase } from '../../model/types.js';
import { officeAt, officeTrie } from './roles.js';
import { fromMatch, headType, type Found } from './discover.js';
import { BUILDING_CENTRES, PLACE_LAST_WORDS, TITLE_WORDS, WEEKDAYS_MONTHS } from './lexicon.js';
import { isGivenName } from './givennames.js';
import { isCommonWord } from './vocabulary.js';

const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', PLACE: 'GPE' };

export function withTaggedNames(doc: Doc, cued: Found[], matches: KbMatch[], tagged: NameSpan[], kb: KnowledgeBase | null = null): Found[] {
  const out: Found[] = [];
  const used = new Set<Found>();
  const inOffice = kb ? officePhrases(doc, kb) : () => false;
  // A KB name after a hyphen is a name of its own ("Hungary-Serbia", "US-China"): spans are not carried over it.
  const kbStarts = new Set(matches.map((m) => m.tokenStart));
  const spans = tagged.filter((t) => TYPE_OF[t.type]).flatMap((t) => tidySpan(doc, t, kbStarts)).map((t) => withKbStart(t, matches))
    .flatMap((t) => withoutTrailingPerson(doc, t, cued))
    .filter((t) => !inOffice(t.tokenStart, t.tokenEnd));
  const kbSpan = new Map<string, KbMatch>();
  const kbEnd = new Map<number, KbMatch>();
  for (const m of matches) {
    kbSpan.set(`${m.start}:${m.end}`, m);
    kbEnd.set(m.end, m);
  }
  // The KB's match of these words, or of them with the article the KB's alias carries ("the United Nations").
  const kbOf = (t: NameSpan): KbMatch | undefined => {
    const exact = kbSpan.get(`${t.start}:${t.end}`);
    if (exact) return exact;
    const m = kbEnd.get(t.end);
    return m && m.start < t.start && doc.text.slice(m.start, t.start).trim().toLowerCase() === 'the' ? { ...m, start: t.start, tokenStart: t.tokenStart } : undefined;
  };
  const linked = (t: NameSpan) => kbOf(t) !== undefined;
  for (const t of spans) {
    const inside: Found[] = [];
    let covering: Found | null = null;
    let same: Found | null = null;
    for (const f of cued) {
      if (f.end <= t.start || f.start >= t.end) continue;
      if (f.start === t.start && f.end === t.end) same = f;
      else if (f.start <= t.start && f.end >= t.end) covering = f;
      else inside.push(f);
    }
    // The KB's own match of exactly these words links them, even where the cue rules read them into a longer
    // name ("UK" in "UK Government").
    const kb = kbOf(t);
    if (kb && !same?.entry) {
      if (same) used.add(same);
      for (const f of cued) if (f.start >= t.start && f.end <= t.end) used.add(f);
      out.push(fromMatch(kb));
      continue;
    }
    if (same) {
      used.add(same);
      // A head noun's type stands ("Drina River"); a title's PERSON does not overrule the tagger's kind.
      // The tagger has no NORP: a demonym the cue rules read ("North Dakotan") stays one.
      out.push(same.entry || same.type === 'NORP' || (same.strong && same.type !== 'PERSON') ? same : { ...same, type: typeOfSpan(doc, t) });
      continue;
    }
    if (covering && stands(covering, spans, linked)) continue;
    for (const f of inside) used.add(f);
    if (covering) used.add(covering);
    const type = typeOfSpan(doc, t);
    const last = inside[inside.length - 1];
    if (type === 'PERSON' && last?.entry?.type === 'PERSON' && last.end === t.end && inside.length === 1) {
      out.push({ ...last, start: t.start, tokenStart: t.tokenStart });
      continue;
    }
    out.push(withoutArticle(doc, { start: t.start, end: t.end, tokenStart: t.tokenStart, tokenEnd: t.tokenEnd, type, entry: null, kind: 'name', strong: false }));
  }
  // What the tagger left alone: cue names and KB matches that touch no tagged span (or a covering one that stood).
  for (const f of cued) {
    if (used.has(f)) continue;
    if (spans.some((t) => f.start < t.end && t.start < f.end) && !coversTagged(f, spans, linked)) continue;
    out.push(f);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return withLoneSurnames(doc, consistentTypes(doc, withNumberedLaws(doc, refined(doc, out)), tagged));
}

/**
 * Office titles of two words or more ("The High Representative", "Secretary General"): a tagged span inside one
 * is part of the title, not a name ("High"). The KB's names inside them stay (the cue rules keep them).
 */
function officePhrases(doc: Doc, kb: KnowledgeBase): (from: number, to: number) => boolean {
  if (!kb.offices.length) return () => false;
  const root = officeTrie(kb);
  const keys = tokenKeys(doc);
  const end = new Int32Array(doc.tokens.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    if (!root.next.has(keys[i]!)) continue;
    const o = officeAt(root, keys, i);
    if (o && o.end - i >= 2 && /^\p{Lu}/u.test(doc.tokens[i]!.text)) for (let k = i; k < o.end; k++) end[k] = Math.max(end[k]!, o.end);
  }
  return (from, to) => end[from]! >= to && [...Array(to - from).keys()].every((k) => end[from + k]! >= to);
}

/** Particles inside a person's name: "Peter Van der Auweraert", "Sérgio Vieira de Mello", "Faisal bin Farhan". */
const PARTICLES = new Set(['van', 'der', 'den', 'de', 'da', 'das', 'do', 'dos', 'du', 'di', 'del', 'della', 'von', 'zu', 'bin', 'ibn', 'bint', 'ben', 'abu', 'al', 'el', 'ter', 'ten', 'la', 'le']);

/** Heads of military units, whose names open with their number: "16 Air Assault Brigade", "3rd Battalion". */
const UNIT_HEADS = new Set(['brigade', 'battalion', 'division', 'regiment', 'corps', 'squadron', 'fleet', 'army', 'company', 'platoon', 'wing']);

/** Abbreviations in capitals that name no organisation or place. */
const NOT_NAMES = new Set(['gdp', 'gnp', 'gmt', 'utc', 'bst', 'cet', 'est', 'ceo', 'cfo', 'coo', 'cto', 'hq', 'tv', 'dna', 'pdf', 'vat',
  'usd', 'eur', 'gbp', 'cfa', 'faq', 'am', 'pm', 'ok',
  // Degrees, measures and things named by their initials, in any case ("a PhD", "IQ points", "a CD", "VIP guests").
  'phd', 'msc', 'bsc', 'mba', 'iq', 'vip', 'vips', 'cd', 'cds', 'dvd', 'dvds', 'pc', 'pcs', 'xml', 'html', 'url', 'gps', 'atm', 'suv',
  'ufo', 'rna', 'pov', 'diy', 'lgbt', 'lgbtq']);

const capitalised = (t: { text: string } | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);

/**
 * Names read whole, over what the tagger and the cue rules cut: a person's name across its particles (a person
 * span and a capitalised word joined by "de", "van der", "bin"), a military unit with its number, and no name of
 * digits alone, of a common abbreviation ("GDP"), or of a headline's words in capitals with a verb among them.
 */
function refined(doc: Doc, found: Found[]): Found[] {
  const tokens = doc.tokens;
  const byStart = new Map<number, Found>();
  const byEnd = new Map<number, Found>();
  for (const f of found) {
    byStart.set(f.tokenStart, f);
    byEnd.set(f.tokenEnd, f);
  }
  const gone = new Set<Found>();
  const out: Found[] = [];
  const particle = (k: number) => !!tokens[k] && PARTICLES.has(tokens[k]!.lower) && /^\p{Ll}/u.test(tokens[k]!.text);
  const glued = (a: number, b: number) => tokens[a]!.sentence === tokens[b]!.sentence;
  for (const f0 of found) {
    if (gone.has(f0)) continue;
    let f = f0;
    if (!f.entry && (f.type === 'PERSON' || isGivenName(tokens[f.tokenStart]!.lower))) {
      // Forward: "Peter Van" + "der" + "Auweraert", "Sérgio Vieira" + "de" + "Mello".
      let k = f.tokenEnd;
      while (particle(k) && k - f.tokenEnd < 3) k++;
      const endsInParticle = f.tokenEnd - f.tokenStart >= 2 && PARTICLES.has(tokens[f.tokenEnd - 1]!.lower);
      if ((k > f.tokenEnd || endsInParticle) && capitalised(tokens[k]) && glued(f.tokenStart, k)) {
        const next = byStart.get(k);
        if (!next?.entry) {
          let end = next ? next.tokenEnd : k + 1;
          if (!next) while (capitalised(tokens[end]) && glued(k, end) && !byStart.has(end) && end - k < 2) end++;
          if (next) gone.add(next);
          f = { ...f, end: tokens[end - 1]!.end, tokenEnd: end, type: 'PERSON', strong: false };
        }
      }
      // Backward: "Faisal" + "bin" + "Farhan al-Saud".
      let b = f.tokenStart - 1;
      while (b >= 0 && particle(b) && f.tokenStart - b < 3) b--;
      if (b < f.tokenStart - 1 && b >= 0 && capitalised(tokens[b]) && glued(b, f.tokenStart)) {
        const prev = byEnd.get(b + 1);
        if (!prev?.entry && (!prev || !gone.has(prev)) && tokens[b]!.sentence === tokens[f.tokenStart]!.sentence && b > doc.sentences[tokens[b]!.sentence]!.tokenStart - 1) {
          const start = prev ? prev.tokenStart : b;
          if (prev) {
            gone.add(prev);
            const at = out.indexOf(prev);
            if (at >= 0) out.splice(at, 1);
          }
          f = { ...f, start: tokens[start]!.start, tokenStart: start };
        }
      }
    }
    if (!f.entry && f.type === 'ORG' && UNIT_HEADS.has(tokens[f.tokenEnd - 1]!.lower) && /^\d+(?:st|nd|rd|th)?$/.test(tokens[f.tokenStart - 1]?.text ?? '')) {
      f = { ...f, start: tokens[f.tokenStart - 1]!.start, tokenStart: f.tokenStart - 1 };
    }
    if (!f.entry && notAName(doc, f)) continue;
    out.push(f);
  }
  return out;
}

/** Words that open the names of military operations and exercises: "Operation Orbital", "Exercise Joint Endeavour". */
const OPERATION_OPENERS = new Set(['operation', 'exercise']);

/** Heads of a legal text's numbered parts and instruments: "Article 4", "Executive Order 13219", "Resolution 1244". */
const NUMBERED_LAW_HEADS = new Set(['article', 'order', 'resolution', 'directive', 'regulation', 'amendment', 'decree', 'protocol', 'chapter', 'section']);

/**
 * Numbered laws, which the tagger and the cue rules cut at the number ("Order" as a person): a capitalised head and
 * its number, with the capitalised words before it that no KB name holds ("Executive Order 13219").
 */
function withNumberedLaws(doc: Doc, found: Found[]): Found[] {
  const tokens = doc.tokens;
  let out = found;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const head = tokens[i]!;
    if (!NUMBERED_LAW_HEADS.has(head.lower) || !/^\p{Lu}/u.test(head.text)) continue;
    // The number, or the number after the law's abbreviation in parentheses ("Executive Order (E.O.) 13219").
    const n = tokens[i + 1]?.text === '(' && tokens[i + 3]?.text === ')' ? i + 4 : i + 1;
    if (!/^\d+[A-Za-z]?$/.test(tokens[n]?.text ?? '') || tokens[n]!.sentence !== head.sentence) continue;
    const sentStart = doc.sentences[head.sentence]!.tokenStart;
    let start = i;
    while (start - 1 > sentStart && /^\p{Lu}\p{Ll}/u.test(tokens[start - 1]!.text) && start > i - 3) start--;
    const end = n + 1;
    const touching = out.filter((f) => f.tokenStart < end && f.tokenEnd > start);
    if (touching.some((f) => f.entry)) continue;
    out = out.filter((f) => !touching.includes(f));
    out.push({ start: tokens[start]!.start, end: tokens[end - 1]!.end, tokenStart: start, tokenEnd: end, type: 'LAW', entry: null, kind: 'name', strong: true });
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const head = tokens[i]!;
    if (!OPERATION_OPENERS.has(head.lower) || !/^\p{Lu}/u.test(head.text) || !capitalised(tokens[i + 1]) || tokens[i + 1]!.sentence !== head.sentence) continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= 3 && capitalised(tokens[end]) && tokens[end]!.sentence === head.sentence) end++;
    const touching = out.filter((f) => f.tokenStart < end && f.tokenEnd > i);
    // A KB name after the word is the operation's place or owner ("Operation in Kosovo" reads no further).
    if (touching.some((f) => f.entry && f.tokenStart > i)) continue;
    out = out.filter((f) => !touching.includes(f));
    out.push({ start: head.start, end: tokens[end - 1]!.end, tokenStart: i, tokenEnd: end, type: 'EVENT', entry: null, kind: 'name', strong: true });
    i = end - 1;
  }
  return out === found ? found : out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function notAName(doc: Doc, f: Found): boolean {
  const words = doc.tokens.slice(f.tokenStart, f.tokenEnd);
  if (words.every((t) => !/\p{L}/u.test(t.text))) return true;
  if (words.length === 1) {
    const w = words[0]!;
    const upper = w.text === w.text.toUpperCase();
    // A letter ("60 X", "comet 81P"), a Roman numeral ("part XVII"), an abbreviation no name has ("GDP"), or an
    // ordinary word in capitals for emphasis ("HUGE").
    if (/^\p{L}$/u.test(w.text) || /^[IVXLC]{2,}$/.test(w.text)) return true;
    if (NOT_NAMES.has(w.lower.replace(/\./g, ''))) return true;
    if (upper && w.text.length > 3 && isCommonWord(w.lower)) return true;
  }
  const caps = words.every((t) => t.text === t.text.toUpperCase());
  return caps && words.length > 1 && words.some((t) => t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'PRON');
}

/**
 * One type per discovered name in a document: a name the tagger typed is that type wherever it stands (the
 * commonest type it gave, a strong cue's when there is one), and a lone word that ends or starts a person's
 * name found in the document is that person's surname or given name ("Santorum" after "Rick Santorum").
 */
function consistentTypes(doc: Doc, found: Found[], tagged: NameSpan[]): Found[] {
  const key = (start: number, end: number) => doc.shadow.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (k: string, t: EntityType, w: number) => {
    const m = votes.get(k) ?? new Map<EntityType, number>();
    votes.set(k, m);
    m.set(t, (m.get(t) ?? 0) + w);
  };
  for (const t of tagged) if (TYPE_OF[t.type]) vote(key(t.start, t.end), typeOfSpan(doc, t), 1);
  for (const f of found) if (!f.entry && f.strong) vote(key(f.start, f.end), f.type, 3);
  // The words around a name outvote both: "Mr Netanyahu", "the Darfur region", "Meridian Insight, a think-tank".
  const context = new Map<string, Map<EntityType, number>>();
  for (const f of found) {
    if (f.entry || f.type === 'NORP') continue;
    const t = contextType(doc, f);
    if (!t) continue;
    const k = key(f.start, f.end);
    const m = context.get(k) ?? new Map<EntityType, number>();
    context.set(k, m);
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  const personWords = new Set<string>();
  for (const f of found) {
    if (f.type !== 'PERSON' || f.tokenEnd - f.tokenStart < 2) continue;
    personWords.add(doc.tokens[f.tokenEnd - 1]!.lower);
    personWords.add(doc.tokens[f.tokenStart]!.lower);
  }
  return found.map((f) => {
    if (f.entry || f.type === 'NORP') return f;
    const k = key(f.start, f.end);
    const m = context.get(k) ?? votes.get(k);
    let type: EntityType = f.type;
    // A one-word name's strong cue is a lower-case head before it ("the party Valmora"), which a person named in
    // full outweighs: "a recent Nature paper Brenk wrote" after "Ivo Brenk" is Brenk.
    if (f.tokenEnd - f.tokenStart === 1 && personWords.has(doc.tokens[f.tokenStart]!.lower) && !context.has(k)) type = 'PERSON';
    else if (m) {
      let best = -1;
      for (const [t, n] of m) if (n > best) { best = n; type = t; }
    }
    return type === f.type ? f : { ...f, type };
  });
}

/**
 * A person named in full is named again by surname alone, also where the surname is an English word that neither
 * the tagger nor the cue rules take on its own ("Hill said", "a Hill administration" after "Christopher Hill"): a
 * capitalised word no name covers, with no capitalised word beside it, that is the last word of a person's name
 * of two words or more in the document. At a sentence's start, where any word is capitalised, only before a verb,
 * a possessive or a parenthesis ("Hill (right) with ..."). It names that person (the KB's entry when linked).
 */
function withLoneSurnames(doc: Doc, found: Found[]): Found[] {
  const tokens = doc.tokens;
  const people = new Map<string, Found>();
  for (const f of found) {
    if (f.type !== 'PERSON' || f.tokenEnd - f.tokenStart < 2) continue;
    const last = tokens[f.tokenEnd - 1]!;
    if (capitalised(last) && /^\p{L}{3,}$/u.test(last.text)) people.set(last.text, f);
  }
  if (!people.size) return found;
  const covered = new Uint8Array(tokens.length);
  for (const f of found) for (let k = f.tokenStart; k < f.tokenEnd; k++) covered[k] = 1;
  const added: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const person = covered[i] ? undefined : people.get(t.text);
    if (!person || person.tokenStart > i) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const sameSentence = (u: typeof t | undefined) => !!u && u.sentence === t.sentence;
    if ((sameSentence(prev) && capitalised(prev) && prev!.text !== 'Mr' && !/^\p{P}/u.test(prev!.text)) || (sameSentence(next) && capitalised(next))) continue;
    const initial = !sameSentence(prev) || /^["“‘(]$/.test(prev!.text);
    if (initial && !(sameSentence(next) && (next!.pos === 'VERB' || next!.pos === 'AUX' || /^['’]s?$|^\($/.test(next!.text)))) continue;
    const entry = person.entry;
    added.push({ start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, type: 'PERSON', entry, kind: entry ? 'alias' : 'name', strong: false });
  }
  if (!added.length) return found;
  return [...found, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Titles of address: the name after one is a person's. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'madame', 'mme', 'monsieur']);

/** Nouns of settlements that name the place after them: "the town of X", "villages such as X". */
const SETTLEMENTS = new Set(['town', 'towns', 'city', 'cities', 'village', 'villages', 'port', 'ports', 'district', 'districts', 'province', 'provinces']);

/** Lower-case heads after a name that make it a region or a natural feature: "the Darfur region", "the Dniester river". */
const LOC_AFTER = new Set(['region', 'regions', 'river', 'valley', 'mountains', 'desert', 'basin', 'peninsula', 'plateau', 'delta', 'steppe', 'highlands']);

/** Lower-case heads after a name that make it the name of an exercise or a campaign: "the Zapad exercise". */
const EVENT_AFTER = new Set(['exercise', 'exercises', 'drills', 'offensive']);

/** Nouns of an appositive that make the name before it an organisation: "Meridian Insight, a think-tank". */
const ORG_APPOSITIVE = new Set(['think-tank', 'tank', 'company', 'firm', 'group', 'party', 'agency', 'organisation', 'organization', 'charity',
  'consultancy', 'newspaper', 'broadcaster', 'outlet', 'website', 'bank', 'militia', 'movement', 'alliance', 'coalition', 'ngo', 'pollster',
  'operator', 'producer', 'manufacturer', 'insurer', 'airline', 'union', 'network', 'institute', 'faction']);

/**
 * The type the words around a discovered name give it, or null: a title of address before it (PERSON), a
 * region's or landform's head after it (LOC), an exercise after it (EVENT), an appositive naming an organisation
 * (ORG); a landform's first or last word (LOC: "Mount Hermon"). A single word the tagger read as a person but that
 * "the" opens before a possessive ("the Sahel's juntas") is a place.
 */
function contextType(doc: Doc, f: Found): EntityType | null {
  const tokens = doc.tokens;
  const sentence = tokens[f.tokenStart]!.sentence;
  const before = tokens[f.tokenStart - 1];
  const after = tokens[f.tokenEnd];
  const same = (t: typeof before) => !!t && t.sentence === sentence;
  if (same(before) && HONORIFICS.has(before!.lower.replace(/\./g, '')) && /^\p{Lu}/u.test(before!.text)) return 'PERSON';
  if (same(after) && /^\p{Ll}/u.test(after!.text)) {
    if (LOC_AFTER.has(after!.lower)) return 'LOC';
    if (EVENT_AFTER.has(after!.lower)) return 'EVENT';
  }
  if (same(after) && after!.text === ',' && ['a', 'an'].includes(tokens[f.tokenEnd + 1]?.lower ?? '')) {
    for (let k = f.tokenEnd + 2; k < Math.min(tokens.length, f.tokenEnd + 7) && tokens[k]!.sentence === sentence && /^(?:\p{Ll}|-$)/u.test(tokens[k]!.text); k++) {
      if (ORG_APPOSITIVE.has(tokens[k]!.lower)) return 'ORG';
    }
  }
  // "The Sahel's juntas": a person's name takes no article before its possessive (a place's does).
  if (f.type === 'PERSON' && f.tokenEnd - f.tokenStart === 1 && before?.lower === 'the' && same(before) && /^['’]s$/.test(after?.text ?? '')) return 'LOC';
  // "towns such as Kora", "the village of Dren": a settlement.
  const b2 = tokens[f.tokenStart - 2];
  if (same(b2) && ((b2!.lower === 'such' && before!.lower === 'as' && SETTLEMENTS.has(tokens[f.tokenStart - 3]?.lower.replace(/,$/, '') ?? '')) ||
    (before!.lower === 'of' && SETTLEMENTS.has(b2!.lower) && tokens[f.tokenStart - 3]?.lower === 'the'))) return 'GPE';
  if (same(b2) && b2!.lower === 'such' && before!.lower === 'as' && tokens[f.tokenStart - 3]?.text === ',' && SETTLEMENTS.has(tokens[f.tokenStart - 4]?.lower ?? '')) return 'GPE';
  // "Image: Brenk64", "Video: Dask & Kelmer": the name a picture is credited to, one unknown word, is its maker's
  // (a user's name); an acronym or a word with an organisation's head is a body's ("Image: NASA").
  if (f.tokenEnd - f.tokenStart === 1 && creditedAt(doc, f.tokenStart)) {
    const w = tokens[f.tokenStart]!;
    if (w.text !== w.text.toUpperCase() && !headType(w.lower)) return 'PERSON';
  }
  const words = f.tokenEnd - f.tokenStart;
  if (words > 1 && (LANDFORM_FIRST.has(tokens[f.tokenStart]!.lower.replace(/\./g, '')) || LANDFORM_LAST.has(tokens[f.tokenEnd - 1]!.lower))) return 'LOC';
  return null;
}

/**
 * "the Refugee Council Enver Solomon", "Governor of Washington Chris Gregoire" read as one organisation or place: a
 * span that is not a person's and ends in a person the cue rules found there (two words or more, opening with a
 * given name) is two names, the person's after the other.
 */
function withoutTrailingPerson(doc: Doc, t: NameSpan, cued: readonly Found[]): NameSpan[] {
  if (t.type === 'PER') return [t];
  const p = cued.find((f) => f.type === 'PERSON' && f.end === t.end && f.start > t.start && f.tokenEnd - f.tokenStart >= 2 &&
    isGivenName(doc.tokens[f.tokenStart]!.lower));
  if (!p) return [t];
  return [sub(doc, t, t.tokenStart, p.tokenStart), { ...sub(doc, t, p.tokenStart, t.tokenEnd), type: 'PER' }];
}

/**
 * A KB match that begins before a tagged span and ends inside it begins the name: "European Council on Foreign
 * Relations" where the tagger began at "Council" and the KB knows "European Council".
 */
function withKbStart(t: NameSpan, matches: KbMatch[]): NameSpan {
  for (const m of matches) {
    if (m.start < t.start && m.end > t.start && m.end < t.end && m.kind !== 'demonym') return { ...t, start: m.start, tokenStart: m.tokenStart };
  }
  return t;
}

/**
 * A name of the KB or the cue rules that contains tagged spans stands in their place when it is a KB match, or a
 * name the cue rules joined by its head noun ("National Union for the Total Independence of Angola" over the
 * tagger's "Total Independence", "Supreme Court" over "Court") with no tagged person and no tagged KB name inside
 * (those keep their links: "University of Kelm of Valmora").
 */
function stands(f: Found, spans: NameSpan[], linked: (t: NameSpan) => boolean): boolean {
  if (f.entry) return true;
  return f.strong && f.type !== 'PERSON' &&
    !spans.some((t) => t.start >= f.start && t.end <= f.end && (t.type === 'PER' || linked(t)));
}

/** A name that contains a tagged span and stands (stands()) is kept in its place. */
function coversTagged(f: Found, spans: NameSpan[], linked: (t: NameSpan) => boolean): boolean {
  return stands(f, spans, linked) && spans.some((t) => f.start <= t.start && f.end >= t.end && (f.start < t.start || f.end > t.end));
}

/**
 * The tagger's kind as our type. A place is a GPE unless its last word is a landform or a facility ("Drina
 * River"); a place or organisation with an organisation's head noun is an organisation ("Adriatic Council on
 * Maritime Security"), an organisation ending in a place word a place ("Kowloon East"), as the cue rules read them.
 */
function typeOfSpan(doc: Doc, t: NameSpan): EntityType {
  const type = TYPE_OF[t.type]!;
  if (type === 'PERSON') return type;
  const lastWord = doc.tokens[t.tokenEnd - 1]?.lower.replace(/\./g, '') ?? '';
  const head = headType(lastWord);
  // A facility's head at the end names the building, whatever organisation's word is before it ("National Air and
  // Space Museum", "Olympic Stadium").
  if (head === 'FAC' && t.tokenEnd - t.tokenStart > 1) return 'FAC';
  for (let k = t.tokenStart; k < t.tokenEnd; k++) if (headType(doc.tokens[k]!.lower.replace(/\./g, '')) === 'ORG') return 'ORG';
  if (type === 'ORG') return PLACE_LAST_WORDS.has(lastWord) && t.tokenEnd - t.tokenStart > 1 ? 'GPE' : 'ORG';
  // "Mount Hermon", "Lake Ohrid", "Cape Horn", "Golan Heights": a landform.
  const first = doc.tokens[t.tokenStart]?.lower.replace(/\./g, '') ?? '';
  if (t.tokenEnd - t.tokenStart > 1 && (LANDFORM_FIRST.has(first) || LANDFORM_LAST.has(lastWord))) return 'LOC';
  return head === 'LOC' || head === 'FAC' ? head : 'GPE';
}

const LANDFORM_FIRST = new Set(['mount', 'mt', 'lake', 'cape', 'gulf']);
const LANDFORM_LAST = new Set(['heights', 'plateau', 'steppe', 'delta']);

/** Words that open a picture's credit ("Image: Ivo Brenk"): a caption before them is not part of a name. */
const CREDIT_WORDS = new Set(['image', 'images', 'photo', 'photos', 'video', 'picture', 'file', 'source', 'credit']);

/**
 * Whether the word at `i` is in a picture's credit: after "Image:" (CREDIT_WORDS), alone or in a list of names
 * joined by "&", "and" or commas.
 */
function creditedAt(doc: Doc, i: number): boolean {
  const tokens = doc.tokens;
  for (let k = i - 1; k >= Math.max(1, i - 6); k--) {
    const t = tokens[k]!;
    if (t.text === ':') return CREDIT_WORDS.has(tokens[k - 1]!.lower) && /^\p{Lu}/u.test(tokens[k - 1]!.text);
    if (!(t.text === '&' || t.text === ',' || t.lower === 'and' || /^\p{Lu}/u.test(t.text))) return false;
  }
  return false;
}

/**
 * A credit's opening word before its colon ("... Ivo Brenk Image: Mara Dask") ends the name before it, and is no
 * name alone. Null when nothing is left of the name.
 */
export function withoutCredit(doc: Doc, f: Found): Found | null {
  const last = doc.tokens[f.tokenEnd - 1]!;
  if (f.entry || !CREDIT_WORDS.has(last.lower) || doc.tokens[f.tokenEnd]?.text !== ':' || !/^\p{Lu}/u.test(last.text)) return f;
  if (f.tokenEnd - f.tokenStart === 1) return null;
  const prev = doc.tokens[f.tokenEnd - 2]!;
  return { ...f, end: prev.end, tokenEnd: f.tokenEnd - 1 };
}

/**
 * A name the KB does not type that ends in a building's centre is a facility: "Valmora Convention Centre", "Tarsk
 * Space Center" (BUILDING_CENTRES), where "Center" alone heads an organisation's name.
 */
export function asBuilding(doc: Doc, f: Found): Found {
  if (f.entry || f.type === 'FAC' || f.tokenEnd - f.tokenStart < 2) return f;
  const last = doc.tokens[f.tokenEnd - 1]!.lower;
  if ((last !== 'center' && last !== 'centre') || !BUILDING_CENTRES.has(doc.tokens[f.tokenEnd - 2]!.lower)) return f;
  return { ...f, type: 'FAC', strong: true };
}

/**
 * "The Brooklyn Paper" is named "Brooklyn Paper": the article is not part of the name (as GUM and OntoNotes mark
 * names), also where a KB name or alias carries it ("the United Nations", "The Guardian"). A place whose KB name
 * opens with it keeps it ("The Hague").
 */
export function withoutArticle(doc: Doc, f: Found): Found {
  const first = doc.tokens[f.tokenStart];
  if (!first || first.lower !== 'the' || f.tokenEnd - f.tokenStart < 2 || first.start !== f.start) return f;
  if (f.entry && f.entry.type !== 'ORG' && f.entry.type !== 'PERSON' && /^the\s/i.test(f.entry.name)) return f;
  const next = doc.tokens[f.tokenStart + 1]!;
  return { ...f, start: next.start, tokenStart: f.tokenStart + 1 };
}

/**
 * Cuts a tagged span to the names in it, as news writes them: a person's titles and what qualifies them come
 * before the name ("Valmoran Energy Minister Ana Horvat" is the person "Ana Horvat"), a comma ends a
 * name, and "and" joins two places or two people, not one name ("Bosnia and Kosovo"). An organisation keeps its
 * "and" ("Organisation for Security and Co-operation in Europe").
 */
export function tidySpan(doc: Doc, tagged: NameSpan, kbStarts: ReadonlySet<number> = new Set()): NameSpan[] {
  const tokens = doc.tokens;
  // Part of a token ("Fasher" of "el-Fasher", "T" of "T-shirts"): the token is the cue rules' and the KB's to read.
  if (tagged.start !== tokens[tagged.tokenStart]!.start || tagged.end !== tokens[tagged.tokenEnd - 1]!.end) return [];
  const t = extended(doc, tagged, kbStarts);
  const pieces: NameSpan[] = [];
  let from = t.tokenStart;
  const cutAt = (k: number) => {
    if (k > from) pieces.push(sub(doc, t, from, k));
    from = k + 1;
  };
  let ofs = 0;
  for (let k = t.tokenStart; k < t.tokenEnd; k++) {
    const w = tokens[k]!.text;
    // "Carlo Benedetti of Italy", "University of Kelm of Valmora": the "of" that a person or a name with an
    // "of" of its own is followed by introduces another name.
    if (w === 'of' && (t.type === 'PER' || ofs++ === 1)) {
      cutAt(k);
      if (tokens[from]?.lower === 'the') from++;
    } else if (w === ',' || w === ';' || ((w === 'and' || w === '&') && t.type !== 'ORG')) cutAt(k);
    // A date is never part of a name: "Australia On Saturday".
    else if (WEEKDAYS_MONTHS.has(tokens[k]!.lower.replace(/\./g, ''))) {
      cutAt(k > from && tokens[k - 1]!.lower === 'on' ? k - 1 : k);
      from = k + 1;
    }
  }
  if (from < t.tokenEnd) pieces.push(from === t.tokenStart ? t : sub(doc, t, from, t.tokenEnd));
  const isTitle = (k: number) => TITLE_WORDS.has(tokens[k]!.lower.replace(/\./g, ''));
  if (t.type !== 'PER') {
    // "UN Aid Chief Ivo Marin" read as one organisation: the person after the title is the name.
    const isHolder = (k: number) => OFFICE_HOLDERS.has(tokens[k]!.lower.replace(/\./g, ''));
    return pieces.flatMap((p): NameSpan[] => {
      // "State Department Spokesperson": the office is not part of the organisation's name.
      if (p.tokenEnd - p.tokenStart > 1 && isHolder(p.tokenEnd - 1)) return [sub(doc, p, p.tokenStart, p.tokenEnd - 1)];
      for (let k = p.tokenEnd - 2; k >= p.tokenStart; k--) {
        if (!isHolder(k)) continue;
        const rest = tokens.slice(k + 1, p.tokenEnd);
        const person = isGivenName(rest[0]!.lower) ||
          rest.every((r) => /^\p{Lu}/u.test(r.text) && !headType(r.lower.replace(/\./g, '')));
        return person ? [{ ...sub(doc, p, k + 1, p.tokenEnd), type: 'PER' }] : [p];
      }
      return [p];
    });
  }
  return pieces.flatMap((p) => {
    // "the Foreign Secretary": an office, not a name.
    if (isTitle(p.tokenEnd - 1)) return [];
    let last = -1;
    for (let k = p.tokenStart; k < p.tokenEnd - 1; k++) if (isTitle(k)) last = k;
    return last < 0 ? [p] : [sub(doc, p, last + 1, p.tokenEnd)];
  });
}

/**
 * Where the tagger stops short of a name's end: a hyphenated part written without spaces ("Lee Teng-hui",
 * "Teodora Marinescu-Halloway", though not "UN-mandated": an ordinary word after the hyphen makes an adjective),
 * and an organisation's complement after its head noun ("European Council on Foreign Relations", "Adriatic
 * Council for Maritime Security"): a connector and capitalised words up to the next lower-case word.
 */
function extended(doc: Doc, t: NameSpan, kbStarts: ReadonlySet<number>): NameSpan {
  const tokens = doc.tokens;
  const sentenceEnd = doc.sentences[tokens[t.tokenStart]!.sentence]!.tokenEnd;
  let e = t.tokenEnd;
  for (;;) {
    const hyphen = tokens[e];
    const next = tokens[e + 1];
    if (!hyphen || !next || e + 1 >= sentenceEnd || hyphen.text !== '-' || hyphen.start !== tokens[e - 1]!.end || next.start !== hyphen.end || kbStarts.has(e + 1)) break;
    // A person's lower-case part is a name unless it makes the whole an adjective ("Putin-led", "Trump-era"):
    // "Tsai Ing-wen", though "wen" is an English word.
    const lower = !/^\p{Lu}/u.test(next.text);
    if (!/^\p{L}/u.test(next.text) || (lower && (t.type === 'PER' ? COMBINING.has(next.lower) || isParticiple(next.lower) : isCommonWord(next.lower)))) break;
    e += 2;
  }
  const last = tokens[e - 1]!;
  if (t.type !== 'PER' && headType(last.lower) === 'ORG' && e < sentenceEnd && COMPLEMENT.has(tokens[e]!.lower)) {
    let k = e + 1;
    if (tokens[k]?.lower === 'the') k++;
    let end = k;
    while (end < sentenceEnd && end - k < 6 && /^\p{Lu}/u.test(tokens[end]!.text)) end++;
    if (end > k) e = end;
  }
  // "European Council on Foreign Relations", where the tagger began at "Council": an adjective of a people or a
  // place right before an organisation's name of two words or more opens it.
  let b = t.tokenStart;
  const before = tokens[b - 1];
  if (t.type === 'ORG' && before && before.sentence === last.sentence && e - b >= 2 && b - 1 > doc.sentences[before.sentence]!.tokenStart &&
    /^\p{Lu}\p{Ll}+(?:an|ean|ese|ish|ic)$/u.test(before.text)) b--;
  return e === t.tokenEnd && b === t.tokenStart ? t
    : { ...t, start: tokens[b]!.start, tokenStart: b, end: tokens[e - 1]!.end, tokenEnd: e };
}

const COMPLEMENT = new Set(['on', 'for', 'of']);

/**
 * An English participle after a person's hyphen makes an adjective ("Putin-leaning", "Trump-funded"); a short
 * syllable that merely ends like one is a given name's part ("Lam Cheuk-ting", "Yau Wai-ching", "Wong Kwok-hing").
 */
const isParticiple = (w: string): boolean => w.length >= 5 && /(?:ed|ing)$/.test(w) && isCommonWord(w);

/** Words after a hyphen that make a person's name an adjective: "Putin-led", "Trump-era", "Kremlin-style". */
const COMBINING = new Set(['led', 'era', 'style', 'like', 'type', 'backed', 'based', 'linked', 'allied', 'aligned', 'owned', 'friendly',
  'born', 'made', 'run', 'appointed', 'esque', 'ism', 'ist', 'ite', 'ites', 'world', 'free', 'wide', 'level', 'class']);

/**
 * Title words that name the holder of an office (not the qualifiers TITLE_WORDS also has, such as "defence" or
 * "foreign", which end organisations' names: "Ministry of Defence").
 */
const OFFICE_HOLDERS = new Set(`president vice-president prime minister premier chancellor secretary secretary-general
  chairman chairwoman chair chairperson ambassador envoy spokesman spokeswoman spokesperson commander chief director
  head leader governor mayor senator representative general colonel admiral captain king queen prince princess
  mr mrs ms dr professor`.split(/\s+/));

/** The part of a tagged span over tokens [i, j): its ends stay where the tagger put them when they are its own. */
function sub(doc: Doc, t: NameSpan, i: number, j: number): NameSpan {
  const start = i === t.tokenStart ? t.start : doc.tokens[i]!.start;
  const end = j === t.tokenEnd ? t.end : doc.tokens[j - 1]!.end;
  return { start, end, type: t.type, tokenStart: i, tokenEnd: j };
}
