/**
 * Sides named by a place: "Valmora beat Tarsk 2–1" names two national teams (or a city's club), not two states.
 * Sports reports name teams by their country or city far more often than by the team's own name, and the KB and
 * the tagger read every such name as the place. A place's name is a team's where the clause it stands in gives a
 * match's score (`2–1`, `2 - 1`) and another side or a match's verb ("defeated", "lost ... to"); in a document that
 * reports two such results or more (a sports report), every other use of that name is the team's too ("Valmora's
 * coach", "a goal for Valmora"), except where it is plainly the place ("in Valmora", "at Valmora"). A team is an
 * organisation the KB does not know: no state acts in a match.
 */
import type { Doc } from '../../nlp/doc.js';
import { normalizeName } from '../../nlp/fold.js';
import type { Found } from './discover.js';

/** Verbs and words of a match between two sides. */
const MATCH_WORDS = new Set(['beat', 'beats', 'beaten', 'defeat', 'defeats', 'defeated', 'face', 'faces', 'faced', 'drew', 'draw', 'draws',
  'lost', 'lose', 'loses', 'edged', 'thrashed', 'routed', 'overcame', 'trailed', 'won', 'win', 'wins', 'played', 'vs', 'v',
  'match', 'game', 'final', 'semi-final', 'quarter-final', 'goal', 'goals', 'scored']);

const DASH = /^[-–—]$/;
const GOALS = /^\d{1,2}$/;
const SCORE = /^\d{1,2}[-–—]\d{1,2}$/;
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const isPlace = (f: Found) => f.type === 'GPE';

/** A name's identity within the document: its KB entry, or its words. */
const keyOf = (doc: Doc, f: Found) => (f.entry ? `kb:${f.entry.id}` : normalizeName(doc.text.slice(f.start, f.end)));

/**
 * Where a name of a place plainly names the place: after "in" or "at" (not before a possessive), or in a dateline's
 * capitals ("KELM, Valmora (AP) -"). A comma after it says nothing: "Valmora, Tarsk and Kelm won" lists sides.
 */
function locative(doc: Doc, f: Found): boolean {
  const before = doc.tokens[f.tokenStart - 1];
  const after = doc.tokens[f.tokenEnd];
  if (before && (before.lower === 'in' || before.lower === 'at') && !/^['’]s?$/.test(after?.text ?? '')) return true;
  // A dateline's place is written in capitals before a comma or a dash (not an acronym: "USA beat Kelm").
  const words = doc.text.slice(f.start, f.end);
  return /\p{Lu}{4}/u.test(words) && words === words.toUpperCase() && /^[,(\-–—]$/.test(after?.text ?? '');
}

/**
 * The clauses of the document that report a result: token ranges (a sentence cut at semicolons) holding a score
 * that no month opens ("August 15-16" is a date) and a match's word ("beat", "lost", "goal") or a name on either
 * side of the score ("Valmora 2 - 1 Tarsk", a result's heading). A range of numbers is no score ("children aged
 * 8-10 from Valmora and Tarsk").
 */
function resultClauses(doc: Doc): [number, number][] {
  const tokens = doc.tokens;
  const out: [number, number][] = [];
  let from = 0;
  let score = false;
  let between = false;
  let word = false;
  const close = (to: number) => {
    if (score && (word || between)) out.push([from, to]);
    from = to;
    score = between = word = false;
  };
  const capital = (k: number) => /^\p{Lu}/u.test(tokens[k]?.text ?? '');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > from && t.sentence !== tokens[i - 1]!.sentence) close(i);
    if (t.text === ';') {
      close(i + 1);
      continue;
    }
    if (MATCH_WORDS.has(t.lower)) word = true;
    const prev = tokens[i - 1];
    if (prev && MONTHS.has(prev.lower)) continue;
    const end = SCORE.test(t.text) ? i + 1 : GOALS.test(t.text) && DASH.test(tokens[i + 1]?.text ?? '') && GOALS.test(tokens[i + 2]?.text ?? '') &&
      tokens[i + 2]!.sentence === t.sentence ? i + 3 : -1;
    if (end < 0) continue;
    score = true;
    if (capital(i - 1) && capital(end)) between = true;
  }
  close(tokens.length);
  return out;
}

/** The names of places that stand as sides in a reported result, with how many results each stands in. */
function sides(doc: Doc, found: readonly Found[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [from, to] of resultClauses(doc)) {
    const inClause = found.filter((f) => f.tokenStart >= from && f.tokenEnd <= to && isPlace(f) && !locative(doc, f));
    for (const k of new Set(inClause.map((f) => keyOf(doc, f)))) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** The names with the places that are teams in this document read as organisations the KB does not know. */
export function withTeams(doc: Doc, found: Found[]): Found[] {
  const teams = sides(doc, found);
  if (!teams.size) return found;
  const clauses = resultClauses(doc);
  // A report of two results or more is a sports report: a side's name is the team's wherever it stands.
  const report = clauses.length >= 2;
  const inResult = (f: Found) => clauses.some(([a, b]) => f.tokenStart >= a && f.tokenEnd <= b);
  // In a report, one word of a side's longer name is that side written short ("Korea" for the team "South Korea").
  const teamWords = new Set<string>();
  if (report) {
    for (const f of found) {
      if (f.tokenEnd - f.tokenStart < 2 || !isPlace(f) || !teams.has(keyOf(doc, f))) continue;
      for (let k = f.tokenStart; k < f.tokenEnd; k++) if (/^\p{Lu}/u.test(doc.tokens[k]!.text)) teamWords.add(doc.tokens[k]!.lower);
    }
  }
  return found.map((f) => {
    if (!isPlace(f) || locative(doc, f)) return f;
    const team = teams.has(keyOf(doc, f)) || (f.tokenEnd - f.tokenStart === 1 && teamWords.has(doc.tokens[f.tokenStart]!.lower));
    // Outside a report only the result's own mentions of a state the KB knows are the team's ("Valmora beat Tarsk
    // 2-0" in a story of the two states); a name the KB lacks is one entity in a document (EntityTable), all team.
    if (!team || !(report || inResult(f) || !f.entry)) return f;
    // A mention of the team by its place's name: a metonym (what GeoWebNews counts as a metonymic toponym). Not a
    // strong cue: other uses of the name keep their own reading (entities.ts types every use by a strong one).
    return { ...f, type: 'ORG', entry: null, kind: 'metonym', strong: false };
  });
}
