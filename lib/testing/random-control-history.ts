/**
 * Deterministic pseudo-random data for tests and the benchmark: the same seed gives the same numbers on
 * every run. Not used by the product.
 */
import type { ControlChange } from "../control/control-at";

/** Numbers in [0, 1) from a seed (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` control changes over `places` and `factions`, about 30 % contested, at whole hours from `start`
 * (1 to `hours` hours after it, so that many share an instant and the tie-break matters); `order` is
 * `orderBase + i` plus, unless `plainOrder`, a random multiple of 1,000 below it.
 */
export function randomControlHistory(options: {
  n: number;
  seed: number;
  places: readonly string[];
  factions: readonly string[];
  start: number;
  hours: number;
  orderBase?: number;
  plainOrder?: boolean;
}): ControlChange[] {
  const { n, places, factions, start, hours, orderBase = 0, plainOrder = false } = options;
  const rand = mulberry32(options.seed);
  return Array.from({ length: n }, (_, i) => ({
    place: places[Math.floor(rand() * places.length)]!,
    faction: factions[Math.floor(rand() * factions.length)]!,
    contested: rand() < 0.3,
    occurredAt: start + 3_600_000 * (1 + Math.floor(rand() * hours)),
    order: orderBase + (plainOrder ? 0 : Math.floor(rand() * 1000) * 1000) + i,
  }));
}
