/** Placeholder until this extractor lands. */
import type { Extractor } from './pipeline.js';

export const extractEvents: Extractor<'events'> = (_doc, _ctx, prior) => [];
