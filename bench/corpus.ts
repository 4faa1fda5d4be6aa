/**
 * A synthetic news corpus for the benchmark: articles of about 700 words assembled from sentence templates written
 * for this purpose, filled with the theatre's actors, places and dates. Deterministic for a given seed.
 */
const PEOPLE = ['Aleksandar Vučić', 'Jens Stoltenberg', 'Mark Rutte', 'Vjosa Osmani', 'Albin Kurti', 'Milorad Dodik',
  'Sergey Lavrov', 'Vladimir Putin', 'Ivica Dačić', 'Christian Schmidt', 'Josep Borrell', 'Ana Brnabić', 'Željka Cvijanović',
  'Denis Bećirović', 'Miloš Vučević', 'Kaja Kallas', 'Mircea Geoană', 'Dimitar Kovačevski', 'Edi Rama', 'Jakov Milatović'];
const STATES = ['Serbia', 'Kosovo', 'Bosnia and Herzegovina', 'Montenegro', 'North Macedonia', 'Albania', 'Croatia', 'Russia',
  'Ukraine', 'the United States', 'Hungary', 'China', 'Turkey', 'Slovenia'];
const ORGS = ['NATO', 'the European Union', 'KFOR', 'EULEX', 'the OSCE', 'the UN Security Council', 'EUFOR Althea',
  'the Office of the High Representative', 'the Kosovo Police', 'the Serbian Armed Forces'];
const CITIES = ['Belgrade', 'Pristina', 'Sarajevo', 'Podgorica', 'Skopje', 'Tirana', 'Brussels', 'Moscow', 'Banja Luka', 'Mitrovica'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const TOPICS = ['regional security', 'energy supplies', 'the rule of law', 'border management', 'military cooperation',
  'the dialogue on normalisation', 'arms control', 'cyber defence', 'disinformation', 'reform of the judiciary'];

const TEMPLATES = [
  '{P} met {P2} in {C} on {W} to discuss {T}.',
  'Speaking to reporters in {C}, {P} said that {S} would not change its position on {T}.',
  '“On {T}, {S} is ready to continue the talks in {C}, but our red lines remain where they were in {M},” {P} said.',
  'According to {P}, {O} has increased its presence in the region since last {M}.',
  '{S} joined the Partnership for Peace in {Y} and has taken part in several exercises since then.',
  'Officials in {C} accused {S2} of stoking tensions, a charge {S2} rejected.',
  '{O} warned that any escalation in the north would be met with a firm response.',
  'The delegation from {S} arrived in {C} on {D} {M} for two days of consultations on {T}.',
  '{P} called on {O} to send more observers before the vote planned for {M} {Y2}.',
  'Analysts in {C} noted that the talks had stalled after the meeting in {M} {Y}.',
  '{S} has not imposed sanctions on {S2}, despite repeated requests from its partners.',
  'In {Y}, {O} launched a programme of training for officers from {S}, a spokesperson said.',
  '“In {C} the door remains open, and the decision on {T} belongs to the citizens of {S},” said {P} after the session.',
  '{P2} told the parliament that cooperation with {O} had reached a level not seen in the 1990s.',
  'Protesters gathered outside the government building in {C} on {W}, demanding a change of course on {T}.',
  'The ministry said it would host a conference on {T} in {C} later this year.',
  '{S} and {S2} signed a memorandum on {T} on {D} {M} {Y}.',
  'Troops from {S} took part in a joint exercise with {O} near {C} last month.',
  'The report, published this week, found that public support for membership had fallen to a third.',
  'Diplomats said the next round of the dialogue could take place in {C} in {M}.',
];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle {
  title: string;
  date: string;
  text: string;
}

/** The i-th synthetic article: ~700 words in paragraphs of three to five sentences. */
export function syntheticArticle(i: number, words = 700): SyntheticArticle {
  const r = rng(i * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const year = 2015 + Math.floor(r() * 10);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const fill = (t: string) => t
    .replace('{P2}', pick(PEOPLE)).replace('{P}', pick(PEOPLE)).replace('{S2}', pick(STATES)).replace('{S}', pick(STATES))
    .replace(/\{S2\}/g, pick(STATES)).replace('{O}', pick(ORGS)).replace(/\{C\}/g, pick(CITIES)).replace('{T}', pick(TOPICS))
    .replace(/\{M\}/g, pick(MONTHS)).replace('{W}', pick(WEEKDAYS)).replace('{D}', String(1 + Math.floor(r() * 28)))
    .replace('{Y2}', String(year + 1)).replace(/\{Y\}/g, String(year - Math.floor(r() * 15)));
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const n = 3 + Math.floor(r() * 3);
    const sentences: string[] = [];
    for (let k = 0; k < n; k++) sentences.push(fill(pick(TEMPLATES)));
    const p = sentences.join(' ');
    count += p.split(/\s+/).length;
    paragraphs.push(p);
  }
  const title = fill('{S} and {O} discuss {T} in {C}').replace(/^the /, 'The ');
  return { title, date, text: `${title}\n\n${paragraphs.join('\n\n')}` };
}
