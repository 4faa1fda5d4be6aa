import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { deriveWorld, theatreNames } from '../scripts/derive-world.js';

// The shipped world layer is what the script derives from the shipped tables: no hand edits, no drift.
test('kb/_world/states.yaml is what npm run derive:world gives', () => {
  const { countries } = JSON.parse(readFileSync(new URL('../data/cameo-agents.json', import.meta.url), 'utf8'));
  const shipped = parse(readFileSync(new URL('../kb/_world/states.yaml', import.meta.url), 'utf8')) as { entries: unknown[] };
  assert.deepEqual(JSON.parse(JSON.stringify(deriveWorld(countries, theatreNames()))), shipped.entries);
});

test('demonyms are the dictionary terms word-building gives, not its misspellings or cities', () => {
  const world = deriveWorld([
    { code: 'ZZA', name: 'Arvia', terms: ['arvia', 'arvian', 'arviaa', 'arvopol', 'republic of arvia'] },
  ], new Set());
  assert.deepEqual(world, [{
    id: 'arvia', type: 'GPE', kind: 'state', name: 'Arvia', aliases: ['Republic of Arvia'], demonyms: ['Arvian', 'Arvians'],
    description: 'World layer: CAMEO country ZZA (Phoenix country dictionary).',
  }]);
});
