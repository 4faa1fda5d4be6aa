/**
 * The types every part of Dossier shares. One module, so the CLI, the store, the API and the web UI agree.
 * Offsets are JavaScript string indices (UTF-16 code units) into `Document.text`, end exclusive.
 */

/** A half-open range `[start, end)` into a document's cleaned text. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the exact text it covers (`text === doc.text.slice(start, end)`). */
export interface TextSpan extends Span {
  text: string;
}

export type DateSource = 'given' | 'metadata' | 'inferred';

/** A cleaned article, ready for analysis. `id` is the sha256 of `text`. */
export interface Document {
  id: string;
  text: string;
  title: string | null;
  /** Publication date, `YYYY-MM-DD`. */
  date: string | null;
  dateSource: DateSource | null;
  /**
   * The outlet that published it ("Al Jazeera", "example.org"): `--source`, a manifest's or JSONL line's `source`,
   * a feed's title, or the site of its URL. Null when nothing names one (a local file).
   */
  source: string | null;
  /** Where it was read from: a path, `dump.jsonl: line 3`, a URL, `stdin`. */
  origin?: string | null;
  /** A paged original (a PDF): the offset in `text` where each page begins, page 1 first. */
  pages?: number[] | null;
  url: string | null;
  /** ISO 639-1 code, or `und` when the text is too short to tell. */
  language: string;
  byline?: string | null;
  /** For inferred dates: the interval the inference is sure of. */
  dateRange?: { from: string; to: string } | null;
}

// ---------------------------------------------------------------------------------------------------------------
// The knowledge base (kb/*.yaml; format in docs/kb-format.md)

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'LAW', 'PRODUCT'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** An office held over a date range: "Secretary General" of NATO from 2014-10-01 to 2024-10-01. */
export interface KbRole {
  /** An office id from kb/offices.yaml, e.g. `secretary-general`, `defence-minister`. */
  office: string;
  /** The KB id of the organisation or state the office belongs to. */
  of: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; open-ended when absent. */
  from?: string;
  to?: string;
}

export type MembershipKind =
  | 'member'
  | 'participant'
  | 'partner'
  | 'candidate'
  | 'applicant'
  | 'aspirant'
  | 'observer'
  | 'action-plan';

/** A dated standing relation to an organisation or programme: "Montenegro: member of NATO from 2017-06-05". */
export interface KbMembership {
  kind: MembershipKind;
  of: string;
  from?: string;
  to?: string;
  note?: string;
}

export interface KbEntry {
  id: string;
  type: EntityType;
  /** Finer kind for display and rules: state, city, person, organisation, mission, programme, agreement, summit, media, ... */
  kind?: string;
  name: string;
  aliases: string[];
  wikidata?: string;
  description?: string;
  /** For persons, so that "he"/"she" can be resolved. */
  gender?: 'male' | 'female';
  roles?: KbRole[];
  memberships?: KbMembership[];
  /** States only: whether it recognises Kosovo's independence. */
  recognisesKosovo?: boolean;
  /** KB id of the capital or headquarters city: "Moscow said" names the state. */
  seat?: string;
  /** KB id of the state a city, person, outlet or sub-state entity belongs to. */
  country?: string;
  /** `[latitude, longitude]` for places and seats, for the map. */
  coords?: [number, number];
  /** Events (summits): when and where. */
  date?: string;
  endDate?: string;
  location?: string;
  /** Adjectives and demonyms that name the actor when used as a modifier ("Serbian", "Russian"). */
  demonyms?: string[];
  /** Outlets: the host names it publishes on (`aljazeera.com`); a subdomain counts as the site. */
  sites?: string[];
}

/** An office, with every way a text names it ("secretary general", "NATO chief", "defence minister"). */
export interface KbOffice {
  id: string;
  names: string[];
}

export interface KnowledgeBase {
  entries: KbEntry[];
  offices: KbOffice[];
  byId: Map<string, KbEntry>;
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis layers (what `dossier extract` prints, see ../shared/docs/contract.md)

export type MentionKind = 'name' | 'alias' | 'surname' | 'pronoun' | 'nominal' | 'metonym' | 'demonym' | 'label';

export interface Mention extends TextSpan {
  kind?: MentionKind;
  /**
   * For a mention of a state through one of its agents ("police" in "Serbian police", "government" in "Poland's
   * government"; kind `nominal`): the agent's role.
   */
  role?: AgentRole;
}

/**
 * The role of an agent through which a state acts, after CAMEO's agent codes: government, military, police (COP),
 * diplomats (DIP, which CAMEO codes GOV), judiciary, legislature, intelligence (SPY).
 */
export type AgentRole = 'GOV' | 'MIL' | 'COP' | 'DIP' | 'JUD' | 'LEG' | 'SPY';

/** An actor's link to the state it acts for. */
export interface ActsFor {
  /** The state's entity in the document, or null when the document does not name it. */
  state: string | null;
  stateName: string;
  role: AgentRole;
  /** CAMEO-style actor code, country and role ("RUSGOV"), when the country's code is known. */
  code: string | null;
}

/**
 * The agent through which an event's source or target acts: `entity` is the agent's own entity when it has one
 * (the Kremlin, a minister), null when only the words name it ("Serbian police", whose event actor is then the
 * state); `text` the words naming it.
 */
export interface EventAgent extends ActsFor {
  entity: string | null;
  text: string;
}

export interface Entity {
  /** Stable within the document: e1, e2, ... */
  id: string;
  name: string;
  type: EntityType;
  kbId: string | null;
  wikidata: string | null;
  aliases: string[];
  mentions: Mention[];
  /** For a named agent of a state (the Kremlin, a ministry, a person in a state's office): the state and role. */
  actsFor?: ActsFor;
  /** For a NORP entity that names a state's people ("Russian"): that state. */
  nationOf?: NationOf;
}

/**
 * A NORP entity's state: "Russian" is Russia's people or adjective. `state` is the state's entity in the document
 * (null when the document names only the demonym), `kbId` and `name` the KB state. Lists, counts, the graph and
 * profiles count the NORP with its state (src/service/nations.ts); the reader shows the demonym as a NORP.
 */
export interface NationOf {
  state: string | null;
  kbId: string;
  name: string;
}

export interface Quote {
  id: string;
  text: string;
  start: number;
  end: number;
  direct: boolean;
  speaker: string | null;
  speakerText: string | null;
  /** Where the speaker is named, when it is. */
  speakerSpan?: Span | null;
}

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];
export type Modality = 'asserted' | 'future' | 'hypothetical' | 'reported';
/**
 * Where an event's date comes from: `stated`, a time expression the text attaches to the event; `report`, the
 * report's own date, given to an asserted past event the text does not date (it happened by then, so the
 * value is an upper bound, not the day it happened).
 */
/**
 * Where an event's date comes from: a time its own sentence states, the report's date (the day by which a past act
 * happened), or the time of the scene the sentence before set (`context`).
 */
export type DateBasis = 'stated' | 'report' | 'context';

export interface EventRecord {
  id: string;
  type: PloverType;
  source: string | null;
  target: string | null;
  location: string | null;
  /** `text` is the time expression's words; '' for a date taken from the report (basis `report`). */
  date: { value: string; text: string; basis?: DateBasis } | null;
  negated: boolean;
  modality: Modality;
  trigger: TextSpan;
  sentence: Span;
  confidence: number;
  /** CAMEO root code ("04"), for exports. */
  cameo?: string;
  /** When the source acts through an agent of a state ("Serbian police", the Kremlin): the agent and its role. */
  sourceAgent?: EventAgent;
  targetAgent?: EventAgent;
  /**
   * The id of the event whose trigger governs this one in its sentence ("offered" for "to restructure its debt",
   * "threatened" for "to launch an offensive"): the act is stated through the governing one, and takes its date.
   */
  embeddedIn?: string;
}

export interface TimeExpression extends TextSpan {
  /**
   * `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a decade `199X`, an ISO week `YYYY-Www`, a season `YYYY-SU` (SP, SU, FA, WI),
   * or null where it cannot be resolved.
   */
  value: string | null;
  granularity?: 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' | null;
}

/** What a stance is about: joining NATO or the EU (whose joining is the stance's `object`), or an actor itself. */
export type StanceTopic = 'NATO membership' | 'EU membership' | 'NATO' | 'Russia' | 'EU';
/** Topics about someone's joining: their stances name whose (`object`). */
export const MEMBERSHIP_TOPICS: readonly StanceTopic[] = ['NATO membership', 'EU membership'];
export type Polarity = 'support' | 'oppose' | 'neutral';

export interface Stance {
  holder: string;
  topic: StanceTopic;
  polarity: Polarity;
  evidence: Span;
  date: string | null;
  /**
   * The entity the stance is about, in full: for a membership topic the state whose joining it is (Bosnia and
   * Herzegovina, in "Republika Srpska rejects membership of Bosnia in NATO"); for NATO, Russia or the EU, that
   * actor as the document names it. Null when the text does not say whose.
   */
  object?: string | null;
  /** The stance's object in words: "Bosnia and Herzegovina's NATO membership", "Russia". */
  label?: string;
}

/** Everything the pipeline found in one document. */
export interface Layers {
  entities: Entity[];
  times: TimeExpression[];
  quotes: Quote[];
  events: EventRecord[];
  stances: Stance[];
}

/** One document's result as `dossier extract` prints it (the contract). */
export interface Extraction {
  document: {
    id: string;
    path: string;
    title: string | null;
    date: string | null;
    dateSource: DateSource | null;
    language: string;
    text: string;
  };
  entities: Entity[];
  quotes: Quote[];
  events: EventRecord[];
  times: TimeExpression[];
  stances: Stance[];
}
