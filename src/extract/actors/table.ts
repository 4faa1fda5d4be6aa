/**
 * Builds the entity layer from mentions: one entity per KB entry, per demonym group, or per discovered name, with
 * ids in order of creation (e1, e2, ...). Used by recognition and by coreference, which adds mentions and entities
 * to the layer recognition returned.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Entity, EntityType, KbEntry, Mention, MentionKind } from '../../model/types.js';
import { isState } from './agents.js';
import { normalizeName } from '../../nlp/fold.js';

export class EntityTable {
  readonly entities: Entity[] = [];
  private readonly byKb = new Map<string, Entity>();
  private readonly byName = new Map<string, Entity>();
  /** Demonym groups, by the KB id of the state or people they name. */
  private readonly byNorp = new Map<string, Entity>();
  /** Mentions already placed, by start offset, so nothing is added twice. */
  private readonly taken = new Map<number, Entity>();

  /** The KB state each NORP entity names (by the entity), for `nationOf`. */
  private readonly nations = new Map<Entity, { id: string; name: string }>();

  constructor(private readonly doc: Doc, prior: readonly Entity[] = []) {
    for (const e of prior) {
      const copy: Entity = { ...e, aliases: [...e.aliases], mentions: e.mentions.map((m) => ({ ...m })) };
      this.register(copy);
      for (const m of copy.mentions) this.taken.set(m.start, copy);
      if (copy.nationOf) {
        this.nations.set(copy, { id: copy.nationOf.kbId, name: copy.nationOf.name });
        if (!this.byNorp.has(copy.nationOf.kbId)) this.byNorp.set(copy.nationOf.kbId, copy);
      }
    }
  }

  private register(e: Entity): void {
    this.entities.push(e);
    if (e.kbId && e.type !== 'NORP') this.byKb.set(e.kbId, e);
    else if (e.type !== 'NORP' || !e.kbId) this.byName.set(normalizeName(e.name), e);
    if (e.type === 'NORP' && e.kbId) this.byNorp.set(e.kbId, e);
  }

  private nextId(): string {
    return `e${this.entities.length + 1}`;
  }

  /** The entity at a mention's start, if a mention starts there. */
  at(start: number): Entity | undefined {
    return this.taken.get(start);
  }

  kbEntity(entry: KbEntry): Entity {
    let e = this.byKb.get(entry.id);
    if (!e) {
      e = {
        id: this.nextId(),
        name: entry.name,
        type: entry.type,
        kbId: entry.id,
        wikidata: entry.wikidata ?? null,
        aliases: [entry.name, ...entry.aliases],
        mentions: [],
      };
      this.register(e);
    }
    return e;
  }

  /**
   * Demonyms ("Serbian", "Russian") are kept as NORP entities of their own, not as mentions of the state: in
   * "Russian influence" a reader names Russians, and events and stances must not take an adjective for an actor
   * that spoke. The NORP entity carries no kbId (so a consumer indexing by kbId finds only the state), and its
   * name is the KB's first demonym; `nationOf` (set by finish) names the state when the entry is one.
   */
  norpEntity(entry: KbEntry): Entity {
    let e = this.byNorp.get(entry.id);
    if (!e) {
      const demonyms = entry.demonyms ?? [];
      e = {
        id: this.nextId(),
        name: demonyms[0] ?? entry.name,
        type: 'NORP',
        kbId: null,
        wikidata: null,
        aliases: [...demonyms],
        mentions: [],
      };
      this.entities.push(e);
      this.byNorp.set(entry.id, e);
      if (isState(entry)) this.nations.set(e, entry);
    }
    return e;
  }

  /** A name the KB lacks; the same normalised name is the same entity. */
  discovered(name: string, type: EntityType): Entity {
    const key = normalizeName(name);
    let e = this.byName.get(key);
    if (!e) {
      e = { id: this.nextId(), name, type, kbId: null, wikidata: null, aliases: [name], mentions: [] };
      this.register(e);
    }
    return e;
  }

  byKbId(id: string): Entity | undefined {
    return this.byKb.get(id);
  }

  /** Adds a mention to an entity; returns false when a mention already starts at that offset. */
  addMention(e: Entity, start: number, end: number, kind: MentionKind): boolean {
    if (this.taken.has(start)) return false;
    const text = this.doc.text.slice(start, end);
    e.mentions.push({ start, end, text, kind });
    this.taken.set(start, e);
    if (kind !== 'pronoun' && kind !== 'nominal' && kind !== 'label' && !e.aliases.includes(text)) e.aliases.push(text);
    return true;
  }

  /** Moves one mention from the entity that has it to `to`, with a new kind. */
  moveMention(m: Mention, to: Entity, kind: MentionKind): void {
    const from = this.taken.get(m.start);
    if (from) from.mentions = from.mentions.filter((x) => x !== m);
    this.taken.delete(m.start);
    this.addMention(to, m.start, m.end, kind);
  }

  /** Forgets a mention (its words belong to a longer name found later). */
  removeMention(m: Mention): void {
    const from = this.taken.get(m.start);
    if (from) from.mentions = from.mentions.filter((x) => x !== m);
    this.taken.delete(m.start);
  }

  /** Every mention with its entity, in text order. */
  allMentions(): { m: Mention; e: Entity }[] {
    const out: { m: Mention; e: Entity }[] = [];
    for (const e of this.entities) for (const m of e.mentions) out.push({ m, e });
    return out.sort((a, b) => a.m.start - b.m.start);
  }

  /** Moves every mention of `from` onto `to` and drops `from`. */
  merge(from: Entity, to: Entity, kind?: MentionKind): void {
    if (from === to) return;
    for (const m of from.mentions) {
      to.mentions.push(kind ? { ...m, kind } : m);
      this.taken.set(m.start, to);
    }
    for (const a of from.aliases) if (!to.aliases.includes(a)) to.aliases.push(a);
    from.mentions = [];
  }

  /** The layer: entities with mentions, mentions in text order, ids renumbered in order of first mention. */
  finish(): Entity[] {
    const kept = this.entities.filter((e) => e.mentions.length);
    for (const e of kept) e.mentions.sort((a, b) => a.start - b.start);
    kept.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
    kept.forEach((e, k) => (e.id = `e${k + 1}`));
    for (const e of kept) {
      const nation = this.nations.get(e);
      if (!nation) continue;
      const state = this.byKb.get(nation.id);
      e.nationOf = { state: state && state.mentions.length ? state.id : null, kbId: nation.id, name: nation.name };
    }
    return kept;
  }
}

export type { Mention };
