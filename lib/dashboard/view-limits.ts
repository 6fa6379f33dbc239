/**
 * How much of the history a page holds (docs/decisions/0019-bounded-pages.md). A plain module: the
 * browser bundle imports it without zod (lib/events/event-kinds.ts explains why that matters).
 */

/** Movements (advances, withdrawals, evacuations, strikes) stay on the map this long after they happened. */
export const MOVEMENT_WINDOW_MS = 3 * 86_400_000;
/** The newest events of a window a page draws at most (a map of more arrows reads as noise anyway; 500 made a 1 MB page). */
export const MOVEMENTS_MAX = 300;
/** Most distance points a timeline carries (the newest). */
export const TIMELINE_DISTANCES_MAX = 200;
