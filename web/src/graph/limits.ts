/** How much the graph view asks for and draws at once (plain numbers, shared with the browser tests). */

/** Past this many linked actors, or this many links, the whole graph is a hairball: the view starts from one
 * neighbourhood instead. */
export const LARGE = 60;
export const LARGE_EDGES = 300;
/** Actors asked for the whole-store graph, from which the view starts (and the search looks first). */
export const BASE_NODES = 150;
/** Actors asked for around one expanded actor. */
export const NEIGHBOURHOOD_NODES = 60;
