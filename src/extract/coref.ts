/**
 * Coreference within a document, over the entities recognition found. Every resolved mention keeps its own span
 * and says how it names the entity (`kind`): surnames to the full name introduced earlier, role nominals to the
 * office holder at the document date, speaker pronouns to the nearest compatible person, capitals used as actors
 * to their state, definite descriptions ("the alliance") to the organisation named before them, agents of a state
 * ("Serbian police", "the Russian embassy") to the state with their role (actors/agents.ts), interview labels
 * to the interviewer and interviewee, "the country" and "it" to the state or organisation named before them
 * (actors/anaphora.ts). The order matters: labels and surnames settle who the people are before pronouns look for
 * them, and "the country's defence ministry" is an agent of the state only once "the country" is resolved.
 */
import type { Extractor } from './pipeline.js';
import { EntityTable } from './actors/table.js';
import { resolveInterviewLabels } from './actors/labels.js';
import { resolveSurnames } from './actors/surnames.js';
import { resolveRoleNominals } from './actors/roles.js';
import { resolveCapitals } from './actors/capitals.js';
import { resolveSpeakerPronouns } from './actors/pronouns.js';
import { resolveNominals } from './actors/nominals.js';
import { applyLinks, resolveAgents } from './actors/agents.js';
import { resolveActorPronouns, resolveGroupDescriptions, resolvePlaceDescriptions, resolveStateDescriptions } from './actors/anaphora.js';
import { insideMarkedQuote } from './quote/marks.js';

export const resolveCoreference: Extractor<'entities'> = (doc, ctx, prior) => {
  const table = new EntityTable(doc, prior.entities ?? []);
  resolveInterviewLabels(doc, table);
  resolveSurnames(table);
  resolveRoleNominals(doc, ctx.kb, ctx.date, table);
  resolveCapitals(doc, ctx.kb, table, ctx.date);
  resolveNominals(doc, table);
  // One reading of the quote marks for every rule that must not resolve a word inside a quotation.
  const inQuote = insideMarkedQuote(doc.text);
  resolveStateDescriptions(doc, ctx.kb, table, inQuote);
  resolvePlaceDescriptions(doc, ctx.kb, table, inQuote);
  resolveGroupDescriptions(doc, ctx.kb, table, inQuote);
  const links = resolveAgents(doc, ctx.kb, ctx.date, table);
  resolveSpeakerPronouns(doc, ctx.kb, table, inQuote);
  resolveActorPronouns(doc, table, inQuote);
  const entities = table.finish();
  applyLinks(links, entities);
  return entities;
};
