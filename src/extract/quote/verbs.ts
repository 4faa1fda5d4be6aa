/**
 * Verbs that report speech, as data: "X said", "X told reporters", "X warned that ...". Cognition verbs (believe,
 * think, hope, feel) are left out on purpose: they report what someone holds, not what they said.
 */

/** Base form → irregular or doubled forms the simple rules below would get wrong. */
const SPEECH_VERBS: Record<string, string[]> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  state: [],
  add: [],
  warn: [],
  claim: [],
  insist: [],
  stress: ['stresses', 'stressed', 'stressing'],
  emphasise: [],
  emphasize: [],
  note: [],
  'point out': [],
  announce: [],
  declare: [],
  argue: [],
  explain: [],
  reiterate: [],
  assert: [],
  underline: [],
  write: ['writes', 'wrote', 'writing', 'written'],
  ask: [],
  reply: ['replies', 'replied', 'replying'],
  urge: [],
  deny: ['denies', 'denied', 'denying'],
  confirm: [],
  acknowledge: [],
  suggest: [],
  comment: [],
  remark: [],
  observe: [],
  tweet: [],
  answer: [],
  continue: [],
  recall: [],
  admit: ['admits', 'admitted', 'admitting'],
  predict: [],
  vow: [],
  pledge: [],
  promise: [],
  caution: [],
  complain: [],
  concede: [],
  contend: [],
  maintain: [],
  report: [],
  respond: [],
  accuse: [],
  describe: [],
  agree: [],
  demand: [],
  reckon: [],
  estimate: [],
  post: [],
  call: [],
  denounce: [],
  condemn: [],
  voice: [],
  chant: [],
  brand: [],
  dub: ['dubs', 'dubbed', 'dubbing'],
  label: ['labels', 'labelled', 'labeled', 'labelling', 'labeling'],
  term: [],
  frame: [],
  hail: [],
  shout: [],
  scream: [],
  exclaim: [],
  quip: ['quips', 'quipped', 'quipping'],
  retort: [],
  counter: [],
  allege: [],
  fret: ['frets', 'fretted', 'fretting'],
  joke: [],
  boast: [],
  lament: [],
  muse: [],
  sigh: [],
  recount: [],
  plead: [],
  beg: ['begs', 'begged', 'begging'],
  thunder: [],
  scoff: [],
  repeat: [],
  reaffirm: [],
  affirm: [],
  reveal: [],
  disclose: [],
  mention: [],
  conclude: [],
  inform: [],
  assure: [],
  remind: [],
  testify: ['testifies', 'testified', 'testifying'],
  clarify: ['clarifies', 'clarified', 'clarifying'],
  elaborate: [],
  proclaim: [],
  whisper: [],
  mutter: [],
  yell: [],
  snap: ['snaps', 'snapped', 'snapping'],
  interject: [],
  reason: [],
  'weigh in': ['weighs', 'weighed', 'weighing'],
  // "The letter reads “…”": what a document says.
  read: ['reads', 'read', 'reading'],
};

/** Regular English inflections of a base form: say → says / sayed is wrong, hence the table above for irregulars. */
function inflect(base: string): string[] {
  if (base.endsWith('e')) return [base + 's', base + 'd', base.slice(0, -1) + 'ing'];
  if (/[^aeiou]y$/.test(base)) return [base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing'];
  if (/(s|sh|ch|x|z)$/.test(base)) return [base + 'es', base + 'ed', base + 'ing'];
  return [base + 's', base + 'ed', base + 'ing'];
}

/** Every inflected form (lower case, single word) → its base. Multi-word verbs are keyed by their first word. */
export const SPEECH_FORMS: ReadonlyMap<string, string> = (() => {
  const forms = new Map<string, string>();
  for (const [base, irregular] of Object.entries(SPEECH_VERBS)) {
    const [head, ...rest] = base.split(' ');
    const tail = rest.length ? ' ' + rest.join(' ') : '';
    for (const f of [head!, ...(irregular.length ? irregular : inflect(head!))]) forms.set(f, head + tail);
  }
  return forms;
})();

/** Verbs that usually take a person as object before the reported clause ("told reporters that ..."). */
export const OBJECT_FIRST: ReadonlySet<string> = new Set(['tell', 'ask', 'urge', 'warn', 'accuse', 'promise', 'inform', 'assure', 'remind']);

/** Forms too often nouns ("claims", "notes", "reports") unless the tagger says verb; these three never are. */
export const ALWAYS_VERB: ReadonlySet<string> = new Set(['said', 'says', 'told']);

/** Verbs that only count as speech in an attribution next to a quote, not as a frame for indirect speech. */
export const QUOTE_ONLY: ReadonlySet<string> = new Set([
  'continue', 'describe', 'agree', 'report', 'accuse', 'comment', 'remark', 'observe', 'answer', 'respond', 'recall',
  'tweet', 'promise', 'maintain', 'post', 'call', 'denounce', 'condemn', 'voice', 'chant', 'brand', 'dub', 'label',
  'term', 'frame', 'hail', 'shout', 'scream', 'exclaim', 'quip', 'retort', 'counter', 'fret', 'joke', 'boast',
  'lament', 'muse', 'sigh', 'recount', 'plead', 'beg', 'thunder', 'scoff', 'mention', 'elaborate', 'whisper', 'mutter',
  'yell', 'snap', 'interject', 'read', 'weigh in',
]);
