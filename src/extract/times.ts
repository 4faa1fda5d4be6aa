/** Placeholder until this extractor lands. */
import type { Extractor } from './pipeline.js';

export const extractTimes: Extractor<'times'> = (_doc, _ctx, prior) => [];
