/** Placeholder until this extractor lands. */
import type { Extractor } from './pipeline.js';

export const extractQuotes: Extractor<'quotes'> = (_doc, _ctx, prior) => [];
