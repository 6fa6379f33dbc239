import { describe, expect, it } from "vitest";
import { compareControlChanges, type BaselineHolding, type ControlChange } from "../control/control-at";
import { buildCheckpoints, CHECKPOINT_EVERY_CHANGES, extendCheckpoints } from "../control/control-fold";
import { controlSeriesOnAxis, controlSeriesOnAxisFromCheckpoints } from "./series";
import { timeAxis } from "./time-axis";
import { randomControlHistory } from "../testing/random-control-history";

const PLACES = ["aleppo", "hama", "homs", "idlib", "damascus", "daraa"];
const FACTIONS = ["government", "hts", "sna", "sdf"];
const START = Date.parse("2024-01-01T00:00:00Z");
const HOUR = 3_600_000;
const baseline: BaselineHolding[] = PLACES.slice(0, 5).map((place, i) => ({ place, faction: FACTIONS[i % 2]!, since: START }));

const history = (n: number, seed: number, from = START): ControlChange[] =>
  randomControlHistory({ n, seed, places: PLACES, factions: FACTIONS, start: from, hours: 24 * 200, orderBase: seed * 1_000_000, plainOrder: true });

describe("controlSeriesOnAxisFromCheckpoints", () => {
  const sorted = history(3 * CHECKPOINT_EVERY_CHANGES + 50, 5).sort(compareControlChanges);
  const axisOf = (changes: readonly ControlChange[]) => timeAxis([START, ...changes.map((c) => c.occurredAt)], START);
  const inRegion = new Set(["hama", "homs", "daraa"]);
  const regionBaseline = baseline.filter((b) => inRegion.has(b.place));

  it("equals the fold of the changes, for every place and for a region", () => {
    const axis = axisOf(sorted);
    const checkpoints = buildCheckpoints(baseline, sorted);
    expect(controlSeriesOnAxisFromCheckpoints(checkpoints, axis).rows).toEqual(controlSeriesOnAxis(baseline, sorted, axis));
    expect(controlSeriesOnAxisFromCheckpoints(checkpoints, axis, (p) => inRegion.has(p)).rows).toEqual(
      controlSeriesOnAxis(
        regionBaseline,
        sorted.filter((c) => inRegion.has(c.place)),
        axis,
      ),
    );
  });

  const late = history(30, 9, START + 199 * 24 * HOUR);
  const early = history(30, 13, START + 10 * 24 * HOUR).map((c) => ({ ...c, occurredAt: START + 10 * 24 * HOUR + (c.occurredAt % (24 * HOUR)) }));
  for (const [name, next] of [
    ["changes at the end", [...sorted, ...late].sort(compareControlChanges)],
    ["changes early in the history", [...sorted, ...early].sort(compareControlChanges)],
    ["a change taken out", sorted.filter((_, i) => i !== 100)],
  ] as const) {
    it(`after ${name}, starting from the series before equals folding again`, () => {
      const before = controlSeriesOnAxisFromCheckpoints(buildCheckpoints(baseline, sorted), axisOf(sorted), (p) => inRegion.has(p));
      const axis = axisOf(next);
      const after = controlSeriesOnAxisFromCheckpoints(extendCheckpoints(before.checkpoints, next), axis, (p) => inRegion.has(p), before);
      expect(after.rows).toEqual(
        controlSeriesOnAxis(
          regionBaseline,
          next.filter((c) => inRegion.has(c.place)),
          axis,
        ),
      );
    });
  }
});
