/**
 * Checks the bundled knowledge base (kb/*.yaml) as data: every reference resolves, every date is a real date, no
 * alias silently names two entries, and a few facts the pipeline relies on are what they should be.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUNDLED_KB_DIR, loadKnowledgeBase } from './load.js';
import { normalizeName } from '../nlp/fold.js';
import type { KbEntry, KbRole, KnowledgeBase } from '../model/types.js';

const kb = loadKnowledgeBase();

/**
 * Surface forms that deliberately name more than one entry; the linker must choose by the document's date or
 * country. Any other shared alias is a defect, and an exception that no longer occurs must be removed here.
 */
const SHARED_ALIASES: Record<string, string[]> = {
  'democratic front': ['df-bih', 'df-montenegro'],
  df: ['df-bih', 'df-montenegro'],
  'ohrid agreement': ['ohrid-agreement-2023', 'ohrid-framework-agreement'],
  yugoslavia: ['fr-yugoslavia', 'yugoslavia'],
  'brussels summit': ['brussels-summit-2018', 'brussels-summit-2021'],
  'nato summit in brussels': ['brussels-summit-2018', 'brussels-summit-2021'],
  // The oil company "NIS" and the city "Niš"/"Nis": the matcher's case rule (a short acronym must be upper case)
  // keeps them apart.
  nis: ['naftna-industrija-srbije', 'nis'],
};

/** Offices with one holder at a time for a given organisation or state, so tenures must not overlap. */
const SINGLE_HOLDER_OFFICES = new Set([
  'secretary-general', 'deputy-secretary-general', 'president', 'vice-president', 'prime-minister',
  'council-of-ministers-chair', 'defence-minister', 'foreign-minister', 'interior-minister', 'finance-minister',
  'speaker', 'presidency-chair', 'high-representative', 'foreign-policy-chief', 'commission-president',
  'council-president', 'enlargement-commissioner', 'secretary-of-state', 'commander', 'supreme-allied-commander',
  'military-committee-chair', 'chief-of-general-staff', 'security-council-secretary', 'ambassador-to-serbia',
  'ambassador-to-bih', 'ambassador-to-nato', 'intelligence-director', 'party-leader', 'patriarch', 'chancellor',
]);

const MEMBERSHIP_KINDS = new Set([
  'member', 'participant', 'partner', 'candidate', 'applicant', 'aspirant', 'observer', 'action-plan',
]);

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` strings that name a real calendar date. */
function isKbDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The first day a KB date can mean: '2022' is 2022-01-01, '2022-08' is 2022-08-01. */
function startOf(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** Whether a role covers a day; `to` is exclusive, so successive holders may share a hand-over date. */
function holdsOn(role: KbRole, day: string): boolean {
  return (!role.from || startOf(role.from) <= day) && (!role.to || day < startOf(role.to));
}

/** Ids of the people who held `office` of `of` on `day`. */
function holders(base: KnowledgeBase, office: string, of: string, day: string): string[] {
  return base.entries
    .filter((e) => e.roles?.some((r) => r.office === office && r.of === of && holdsOn(r, day)))
    .map((e) => e.id)
    .sort();
}

/** Every entry as written in the YAML files, before the loader folds duplicate ids together. */
function rawEntries(): { id: unknown; file: string }[] {
  const files = readdirSync(BUNDLED_KB_DIR, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f));
  return files.flatMap((file) => {
    const data = parse(readFileSync(join(BUNDLED_KB_DIR, file), 'utf8')) as { entries?: { id: unknown }[] } | null;
    return (data?.entries ?? []).map((e) => ({ id: e.id, file }));
  });
}

const WORLD_FILE = join(BUNDLED_KB_DIR, '_world/states.yaml');
const WORLD_IDS = new Set(((parse(readFileSync(WORLD_FILE, 'utf8')) as { entries: { id: string }[] }).entries).map((e) => e.id));

function surfaces(e: KbEntry): string[] {
  return [e.name, ...e.aliases, ...(e.demonyms ?? [])];
}

test('the bundled KB has at least 400 entries and a broad spread of types', () => {
  assert.ok(kb.entries.length >= 400, `only ${kb.entries.length} entries`);
  const count = (type: string) => kb.entries.filter((e) => e.type === type).length;
  assert.ok(count('PERSON') >= 150);
  assert.ok(count('GPE') >= 100);
  assert.ok(count('ORG') >= 150);
  assert.ok(count('EVENT') >= 30);
  assert.ok(count('LAW') >= 20);
});

test('ids are unique across files and are lower-case slugs', () => {
  const seen = new Map<string, string>();
  for (const { id, file } of rawEntries()) {
    assert.equal(typeof id, 'string', `${file}: entry without a string id`);
    assert.match(id as string, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${file}: id "${String(id)}" is not a slug`);
    assert.ok(!seen.has(id as string), `id "${String(id)}" in both ${seen.get(id as string)} and ${file}`);
    seen.set(id as string, file);
  }
  assert.equal(seen.size, kb.entries.length);
});

test('every seat, country, location and membership points at an existing entry of a fitting type', () => {
  for (const e of kb.entries) {
    if (e.seat) assert.ok(['GPE', 'FAC'].includes(kb.byId.get(e.seat)?.type ?? ''), `${e.id}: seat ${e.seat}`);
    if (e.country) assert.equal(kb.byId.get(e.country)?.type, 'GPE', `${e.id}: country ${e.country}`);
    if (e.location) assert.ok(kb.byId.has(e.location), `${e.id}: location ${e.location}`);
    for (const m of e.memberships ?? []) {
      assert.ok(['ORG', 'LAW'].includes(kb.byId.get(m.of)?.type ?? ''), `${e.id}: membership of ${m.of}`);
      assert.ok(MEMBERSHIP_KINDS.has(m.kind), `${e.id}: membership kind ${m.kind}`);
    }
  }
});

test('every role names an office from offices.yaml and an organisation or state in the KB', () => {
  const offices = new Set(kb.offices.map((o) => o.id));
  for (const e of kb.entries) {
    if (e.roles) assert.equal(e.type, 'PERSON', `${e.id}: only persons hold roles`);
    for (const r of e.roles ?? []) {
      assert.ok(offices.has(r.office), `${e.id}: unknown office ${r.office}`);
      assert.ok(['ORG', 'GPE'].includes(kb.byId.get(r.of)?.type ?? ''), `${e.id}: role of unknown ${r.of}`);
      assert.deepEqual(Object.keys(r).filter((k) => !['office', 'of', 'from', 'to'].includes(k)), [], e.id);
    }
  }
});

test('offices have unique ids and at least one name each', () => {
  const ids = kb.offices.map((o) => o.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const o of kb.offices) assert.ok(o.names.length > 0 && o.names.every((n) => typeof n === 'string'), o.id);
});

test('every date is a quoted, real YYYY, YYYY-MM or YYYY-MM-DD, and ranges run forwards', () => {
  const check = (owner: string, from?: unknown, to?: unknown) => {
    if (from !== undefined) assert.ok(isKbDate(from), `${owner}: bad date ${String(from)}`);
    if (to !== undefined) assert.ok(isKbDate(to), `${owner}: bad date ${String(to)}`);
    if (typeof from === 'string' && typeof to === 'string') {
      assert.ok(startOf(from) <= startOf(to), `${owner}: ${from} is after ${to}`);
    }
  };
  for (const e of kb.entries) {
    check(e.id, e.date, e.endDate);
    for (const r of e.roles ?? []) check(`${e.id} ${r.office} of ${r.of}`, r.from, r.to);
    for (const m of e.memberships ?? []) check(`${e.id} ${m.kind} of ${m.of}`, m.from, m.to);
  }
});

test('field values have the shapes the pipeline expects', () => {
  for (const e of kb.entries) {
    assert.ok(e.aliases.every((a) => a.trim().length > 0), `${e.id}: empty alias`);
    if (e.type === 'PERSON') assert.ok(e.gender === 'male' || e.gender === 'female', `${e.id}: gender`);
    if (e.coords) {
      const [lat, lon] = e.coords;
      assert.ok(Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && e.coords.length === 2, `${e.id}: coords`);
    }
    if (e.recognisesKosovo !== undefined) {
      assert.equal(typeof e.recognisesKosovo, 'boolean', e.id);
      assert.equal(e.type, 'GPE', e.id);
    }
    if (e.wikidata !== undefined) assert.match(e.wikidata, /^Q[1-9]\d*$/, e.id);
    if (e.type === 'EVENT' && e.kind === 'summit') assert.ok(e.date && e.location, `${e.id}: summit needs date and location`);
    if (e.type === 'GPE' && (e.kind === 'city' || e.kind === 'town')) assert.ok(e.country && e.coords, `${e.id}: city needs country and coords`);
    // The world layer (kb/_world) has no seats: its dictionary does not mark capitals.
    if (e.type === 'GPE' && e.kind === 'state' && !WORLD_IDS.has(e.id)) assert.ok(e.seat && e.demonyms?.length, `${e.id}: state needs seat and demonyms`);
  }
});

test('every name and alias survives normalisation (the matcher folds Latin and Cyrillic only)', () => {
  for (const e of kb.entries) {
    for (const s of surfaces(e)) assert.notEqual(normalizeName(s), '', `${e.id}: "${s}" normalises to nothing`);
  }
});

test('no alias names two entries except the listed, deliberate ones', () => {
  const owners = new Map<string, Set<string>>();
  for (const e of kb.entries) {
    for (const key of new Set(surfaces(e).map(normalizeName))) {
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(e.id);
    }
  }
  const shared = Object.fromEntries(
    [...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => [key, [...ids].sort()]),
  );
  assert.deepEqual(shared, SHARED_ALIASES);
});

test('single-holder offices never have two holders on the same day', () => {
  const byOffice = new Map<string, { id: string; role: KbRole }[]>();
  for (const e of kb.entries) {
    for (const role of e.roles ?? []) {
      if (!SINGLE_HOLDER_OFFICES.has(role.office)) continue;
      const key = `${role.office} of ${role.of}`;
      if (!byOffice.has(key)) byOffice.set(key, []);
      byOffice.get(key)!.push({ id: e.id, role });
    }
  }
  for (const [key, tenures] of byOffice) {
    for (let i = 0; i < tenures.length; i++) {
      for (let j = i + 1; j < tenures.length; j++) {
        const a = tenures[i]!.role;
        const b = tenures[j]!.role;
        const aStart = a.from ? startOf(a.from) : '0000';
        const bStart = b.from ? startOf(b.from) : '0000';
        const aEnd = a.to ? startOf(a.to) : '9999';
        const bEnd = b.to ? startOf(b.to) : '9999';
        assert.ok(aEnd <= bStart || bEnd <= aStart, `${key}: ${tenures[i]!.id} and ${tenures[j]!.id} overlap`);
      }
    }
  }
});

test('spot facts: NATO memberships and partnerships', () => {
  const montenegro = kb.byId.get('montenegro')!;
  assert.deepEqual(
    montenegro.memberships?.find((m) => m.of === 'nato' && m.kind === 'member'),
    { kind: 'member', of: 'nato', from: '2017-06-05' },
  );
  assert.equal(kb.byId.get('north-macedonia')!.memberships?.find((m) => m.of === 'nato')?.from, '2020-03-27');
  const serbia = kb.byId.get('serbia')!;
  assert.equal(serbia.memberships?.find((m) => m.of === 'pfp')?.from, '2006-12-14');
  assert.ok(!serbia.memberships?.some((m) => m.of === 'nato'), 'Serbia is not a NATO member');
  assert.equal(serbia.recognisesKosovo, false);
  assert.equal(kb.byId.get('albania')!.recognisesKosovo, true);
  assert.equal(serbia.seat, 'belgrade');
  assert.ok(serbia.demonyms?.includes('Serbian'));
});

test('spot facts: who held an office on a given day', () => {
  const stoltenberg = kb.byId.get('jens-stoltenberg')!;
  assert.deepEqual(
    stoltenberg.roles?.find((r) => r.office === 'secretary-general'),
    { office: 'secretary-general', of: 'nato', from: '2014-10-01', to: '2024-10-01' },
  );
  const rutte = kb.byId.get('mark-rutte')!.roles?.find((r) => r.office === 'secretary-general');
  assert.deepEqual(rutte, { office: 'secretary-general', of: 'nato', from: '2024-10-01' });

  assert.deepEqual(holders(kb, 'secretary-general', 'nato', '2024-09-30'), ['jens-stoltenberg']);
  assert.deepEqual(holders(kb, 'secretary-general', 'nato', '2024-10-01'), ['mark-rutte']);
  assert.deepEqual(holders(kb, 'secretary-general', 'nato', '2012-03-01'), ['anders-fogh-rasmussen']);
  assert.deepEqual(holders(kb, 'defence-minister', 'serbia', '2017-09-15'), ['aleksandar-vulin']);
  assert.deepEqual(holders(kb, 'president', 'serbia', '2022-05-04'), ['aleksandar-vucic']);
  assert.deepEqual(holders(kb, 'president', 'kosovo', '2024-02-01'), ['vjosa-osmani']);
  assert.deepEqual(holders(kb, 'commander', 'kfor', '2024-02-01'), ['ozkan-ulutas']);
  assert.deepEqual(holders(kb, 'high-representative', 'ohr', '2022-06-30'), ['christian-schmidt']);
  assert.deepEqual(holders(kb, 'security-council-secretary', 'russian-security-council', '2022-06-30'), [
    'nikolai-patrushev',
  ]);
  assert.deepEqual(holders(kb, 'presidency-member', 'bih-presidency', '2022-05-04'), [
    'milorad-dodik',
    'sefik-dzaferovic',
    'zeljko-komsic',
  ]);
});

test('spot facts: summits carry their dates, places and the names reports use', () => {
  const madrid = kb.byId.get('madrid-summit-2022')!;
  assert.equal(madrid.type, 'EVENT');
  assert.equal(madrid.location, 'madrid');
  assert.ok(startOf(madrid.date!) <= '2022-06-29' && '2022-06-29' <= madrid.endDate!);
  assert.ok(madrid.aliases.includes('Madrid Summit'));
  const nato = kb.byId.get('nato')!;
  for (const alias of ['the Alliance', 'North Atlantic Treaty Organization', 'НАТО']) {
    assert.ok(nato.aliases.includes(alias), alias);
  }
  assert.ok(kb.byId.get('unscr-1244')!.aliases.includes('Resolution 1244'));
  assert.equal(kb.byId.get('pfp')!.type, 'ORG');
});

test('the world layer adds the states the theatre lacks, each named once, and the theatre keeps its own', () => {
  assert.ok(WORLD_IDS.size >= 150, `${WORLD_IDS.size} world states`);
  const owner = new Map<string, string>();
  for (const e of kb.entries) {
    if (e.type !== 'GPE' || (e.kind !== 'state' && e.kind !== 'territory')) continue;
    for (const n of [e.name, ...e.aliases]) {
      const k = n.toLowerCase();
      assert.ok(!owner.has(k) || owner.get(k) === e.id, `"${n}" names both ${owner.get(k)} and ${e.id}`);
      owner.set(k, e.id);
    }
  }
  assert.equal(kb.byId.get('saudi-arabia')?.kind, 'state');
  assert.ok(kb.byId.get('mali')?.demonyms?.includes('Malian'));
  // Serbia is the theatre's, with its seat; no world entry stands beside it.
  assert.equal(kb.byId.get('serbia')?.seat, 'belgrade');
  assert.ok(![...WORLD_IDS].some((id) => kb.byId.get(id)?.name === 'Serbia'));
});
