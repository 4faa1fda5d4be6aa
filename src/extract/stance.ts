/** Placeholder until this extractor lands. */
import type { Extractor } from './pipeline.js';

export const extractStances: Extractor<'stances'> = (_doc, _ctx, prior) => [];
