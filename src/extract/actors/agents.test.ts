import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import { defaultKnowledgeBase } from '../../kb/load.js';
import { agentRole, cameoActorCode, countryCodeOfName } from './agents.js';

const kb = defaultKnowledgeBase();
const run = (text: string, date = '2025-06-01') => analyze({ text, date, language: 'en' }, kb).layers;
const byName = (l: ReturnType<typeof run>, name: string) => l.entities.find((e) => e.name === name);

test('agent nouns and country codes come from the derived Phoenix tables', () => {
  assert.equal(agentRole('police'), 'COP');
  assert.equal(agentRole('riot police'), 'COP');
  assert.equal(agentRole('army'), 'MIL');
  assert.equal(agentRole('embassy'), 'DIP');
  assert.equal(agentRole('rebels'), null, 'rebels are not the state acting');
  assert.equal(countryCodeOfName('Azerbaijan'), 'AZE');
  assert.equal(cameoActorCode('RUS', 'DIP'), 'RUSGOV');
});

test('a state organ named by its demonym is a mention of the state with a role; the demonym stays', () => {
  const l = run('Ruritanian officials met. Serbian police detained two men in the north.');
  const serbia = byName(l, 'Serbia')!;
  assert.deepEqual(serbia.mentions.map((m) => [m.text, m.kind, m.role]), [['police', 'nominal', 'COP']]);
  assert.ok(serbia.aliases.includes('Serbian police'));
  assert.ok(byName(l, 'Serbian'), 'the NORP entity keeps its mention');
  const v = l.events.find((e) => e.trigger.text === 'detained')!;
  assert.equal(v.source, serbia.id);
  assert.deepEqual(v.sourceAgent, { entity: null, text: 'police', state: serbia.id, stateName: 'Serbia', role: 'COP', code: 'SRBCOP' });
});

test('a state the text never names is created from its demonym', () => {
  const l = run('Azerbaijani forces shelled the town overnight.');
  const aze = byName(l, 'Azerbaijan')!;
  assert.equal(aze.type, 'GPE');
  assert.equal(l.events.find((e) => e.type === 'ASSAULT')?.source, aze.id);
});

test('possessives, "of" phrases and a leader\'s administration name the state', () => {
  const l = run("Poland's government protested. The army of Montenegro withdrew. The Biden administration imposed sanctions on the firm.");
  assert.deepEqual(byName(l, 'Poland')!.mentions.map((m) => m.role ?? m.kind), ['name', 'GOV']);
  assert.deepEqual(byName(l, 'Montenegro')!.mentions.map((m) => m.role ?? m.kind), ['MIL', 'name']);
  const us = byName(l, 'United States')!;
  assert.equal(l.events.find((e) => e.type === 'SANCTION')?.source, us.id);
});

test('a noun the agent word modifies is the head: "military machinery" is no agent', () => {
  const l = run('Russian military machinery rolled in.');
  assert.equal(byName(l, 'Russia'), undefined);
});

test('named agents keep their entity and are linked to their state', () => {
  const l = run("The Kremlin warned Ukraine. Russia's ambassador Igor Tomanov met Kosovo's leaders.");
  const russia = byName(l, 'Russia')!;
  assert.deepEqual(byName(l, 'Kremlin')!.actsFor, { state: russia.id, stateName: 'Russia', role: 'GOV', code: 'RUSGOV' });
  assert.equal(byName(l, 'Igor Tomanov')!.actsFor?.role, 'DIP');
  const v = l.events.find((e) => e.trigger.text === 'warned')!;
  assert.equal(v.sourceAgent?.entity, byName(l, 'Kremlin')!.id);
  assert.equal(v.sourceAgent?.code, 'RUSGOV');
});

test('an agent phrase that describes a person, or a former office, is no act of the state', () => {
  // Written for this test.
  const l = run('Tomas Kerbel, a former French foreign minister, spoke first. Ana Brisk, a Brazilian diplomat, agreed.');
  assert.equal(byName(l, 'France'), undefined, 'a former minister acts for no state');
  assert.equal(byName(l, 'Brazil'), undefined, 'the diplomat is the person named, not Brazil');
  assert.equal(byName(l, 'Ana Brisk')?.actsFor?.stateName, 'Brazil');
});

test('"the Government" capitalised the British way is the state the passage is about; a name stays a name', () => {
  const l = run('Serbia held an election on Sunday. The minister said the Government was studying the count.');
  const serbia = byName(l, 'Serbia')!;
  assert.ok(serbia.mentions.some((m) => m.text === 'Government'), JSON.stringify(serbia.mentions));
  const named = run('Serbia held an election on Sunday. The minister said the Government Office will reply.');
  assert.ok(!byName(named, 'Serbia')!.mentions.some((m) => m.text.startsWith('Government')));
});

test('an arrest told in the passive with no agent is the act of the authority the sentence cites for it', () => {
  const l = run('Three men were arrested in the north on Sunday, Serbian police said.');
  const arrest = l.events.find((e) => e.trigger.text === 'arrested');
  assert.equal(arrest?.source, byName(l, 'Serbia')?.id);
  // A person cited names no jailer.
  const lawyer = run('He was jailed in 2019, according to his lawyer Ivo Brenk.');
  assert.equal(lawyer.events.find((e) => e.trigger.text === 'jailed')?.source ?? null, null);
});
