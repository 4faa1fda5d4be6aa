/** A small invented knowledge base for the actor tests (the bundled KB is data that changes). */
import type { KbEntry, KbOffice, KnowledgeBase } from '../../model/types.js';

const entries: KbEntry[] = [
  { id: 'nato', type: 'ORG', name: 'NATO', aliases: ['the Alliance'], wikidata: 'Q7184', seat: 'brussels' },
  { id: 'eu', type: 'ORG', name: 'European Union', aliases: ['EU'], seat: 'brussels' },
  { id: 'serbia', type: 'GPE', name: 'Serbia', aliases: [], demonyms: ['Serbian'], seat: 'belgrade' },
  { id: 'russia', type: 'GPE', name: 'Russia', aliases: [], demonyms: ['Russian'], seat: 'moscow' },
  { id: 'eulex', type: 'ORG', name: 'EULEX Kosovo', aliases: ['EULEX'] },
  { id: 'kosovo', type: 'GPE', name: 'Kosovo', aliases: [], seat: 'pristina' },
  { id: 'belgium', type: 'GPE', name: 'Belgium', aliases: [], seat: 'brussels' },
  { id: 'belgrade', type: 'GPE', kind: 'city', name: 'Belgrade', aliases: [] },
  { id: 'moscow', type: 'GPE', kind: 'city', name: 'Moscow', aliases: [] },
  { id: 'brussels', type: 'GPE', kind: 'city', name: 'Brussels', aliases: [] },
  { id: 'pristina', type: 'GPE', kind: 'city', name: 'Pristina', aliases: [] },
  {
    id: 'stoltenberg', type: 'PERSON', name: 'Jens Stoltenberg', aliases: ['Stoltenberg'], gender: 'male',
    roles: [{ office: 'secretary-general', of: 'nato', from: '2014-10-01', to: '2024-10-01' }],
  },
  {
    id: 'rutte', type: 'PERSON', name: 'Mark Rutte', aliases: ['Rutte'], gender: 'male',
    roles: [{ office: 'secretary-general', of: 'nato', from: '2024-10-01' }],
  },
  {
    id: 'vulin', type: 'PERSON', name: 'Aleksandar Vulin', aliases: ['Vulin'], gender: 'male',
    roles: [{ office: 'defence-minister', of: 'serbia', from: '2017-06-29', to: '2020-10-28' }],
  },
  {
    id: 'osmani', type: 'PERSON', name: 'Vjosa Osmani', aliases: ['Osmani'], gender: 'female',
    roles: [{ office: 'president', of: 'kosovo', from: '2021-04-04' }],
  },
  { id: 'outlet', type: 'ORG', kind: 'media', name: 'Balkan Security Review', aliases: [] },
];

const offices: KbOffice[] = [
  { id: 'secretary-general', names: ['secretary general', 'secretary-general', 'NATO chief'] },
  { id: 'defence-minister', names: ['defence minister', 'defense minister'] },
  { id: 'president', names: ['president'] },
];

export const TEST_KB: KnowledgeBase = { entries, offices, byId: new Map(entries.map((e) => [e.id, e])) };
