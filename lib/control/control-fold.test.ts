import { describe, expect, it } from "vitest";
import { compareControlChanges, controlAt, type BaselineHolding, type ControlChange } from "./control-at";
import {
  buildCheckpoints,
  changesByPlace,
  CHECKPOINT_EVERY_CHANGES,
  controlAtByPlace,
  controlAtFromRecent,
  controlAtFromCheckpoints,
  controlAtSorted,
  controlAtTimes,
  controlCountsAtTimes,
  controlCountsFromCheckpoints,
  extendCheckpoints,
} from "./control-fold";
import { randomControlHistory } from "../testing/random-control-history";

const PLACES = ["aleppo", "hama", "homs", "idlib", "damascus"];
const FACTIONS = ["government", "hts", "sna", "sdf"];
const START = Date.parse("2024-11-26T00:00:00Z");
const baseline: BaselineHolding[] = PLACES.slice(0, 4).map((place, i) => ({ place, faction: FACTIONS[i % 2]!, since: START }));

/** A deterministic pseudo-random history, with ties in time and contested changes. */
const history = (n: number, seed = 7): ControlChange[] => randomControlHistory({ n, seed, places: PLACES, factions: FACTIONS, start: START, hours: n * 0.3 });

describe("fast control folds agree with controlAt", () => {
  const changes = history(3 * CHECKPOINT_EVERY_CHANGES + 17);
  const sorted = [...changes].sort(compareControlChanges);
  const last = sorted.at(-1)!.occurredAt;
  const times = [
    START - 1,
    START,
    sorted[0]!.occurredAt,
    sorted[CHECKPOINT_EVERY_CHANGES - 1]!.occurredAt,
    sorted[CHECKPOINT_EVERY_CHANGES]!.occurredAt,
    Math.floor((START + last) / 2),
    last,
    last + 1,
  ];

  it("checkpoints", () => {
    const checkpoints = buildCheckpoints(baseline, sorted);
    expect(checkpoints.states.length).toBe(4);
    expect(checkpoints.states[1]!.withBaseline.size).toBeGreaterThan(0);
    for (const t of times) expect(controlAtFromCheckpoints(checkpoints, t), new Date(t).toISOString()).toEqual(controlAt(baseline, changes, t));
  });

  it("one pass over several times", () => {
    const ascending = [...times].sort((x, y) => x - y);
    expect(controlAtTimes(baseline, changes, ascending)).toEqual(ascending.map((t) => controlAt(baseline, changes, t)));
  });

  it("falls back to the plain fold when a baseline holding starts after the asked time", () => {
    const late: BaselineHolding[] = [...baseline, { place: "damascus", faction: "government", since: START + 10 * 3_600_000 }];
    const checkpoints = buildCheckpoints(late, sorted);
    for (const t of [START + 3_600_000, START + 9 * 3_600_000, START + 10 * 3_600_000, Math.floor((START + last) / 2), last]) {
      expect(controlAtFromCheckpoints(checkpoints, t), new Date(t).toISOString()).toEqual(controlAt(late, changes, t));
    }
    // Every baseline starting after the whole history (the benchmark's case).
    const future = baseline.map((b) => ({ ...b, since: last + 1 }));
    const fc = buildCheckpoints(future, sorted);
    for (const t of times) expect(controlAtFromCheckpoints(fc, t)).toEqual(controlAt(future, changes, t));
    expect(controlAtTimes(late, changes, [START + 3_600_000, last])).toEqual([controlAt(late, changes, START + 3_600_000), controlAt(late, changes, last)]);
  });

  it("one pass over many times when baselines start at different times, some after the history", () => {
    const staggered: BaselineHolding[] = PLACES.map((place, i) => ({
      place,
      faction: FACTIONS[i % FACTIONS.length]!,
      since: i === 4 ? last + 1 : START + i * 40 * 3_600_000,
    }));
    const hourly = Array.from({ length: Math.ceil((last - START) / 3_600_000) + 3 }, (_, k) => START - 3_600_000 + k * 3_600_000).filter((_, k) => k % 7 === 0);
    const expected = hourly.map((t) => controlAt(staggered, changes, t));
    expect(controlAtTimes(staggered, changes, hourly)).toEqual(expected);
    const counted = expected.map((state) =>
      state.reduce<Record<string, number>>((counts, h) => ({ ...counts, [h.faction]: (counts[h.faction] ?? 0) + 1 }), {}),
    );
    expect(controlCountsAtTimes(staggered, changes, hourly)).toEqual(counted);
  });

  it("counts per time from the checkpoints, for every place or a subset, from any first time", () => {
    const staggered: BaselineHolding[] = PLACES.map((place, i) => ({
      place,
      faction: FACTIONS[i % FACTIONS.length]!,
      since: i === 4 ? last + 1 : START + i * 40 * 3_600_000,
    }));
    for (const base of [baseline, staggered]) {
      const checkpoints = buildCheckpoints(base, sorted);
      const hourly = Array.from({ length: Math.ceil((last - START) / 3_600_000) + 3 }, (_, k) => START - 3_600_000 + k * 3_600_000);
      // From the start, from past the second checkpoint, and a late window alone.
      for (const times of [
        hourly.filter((_, k) => k % 5 === 0),
        hourly.filter((t) => t >= sorted[2 * CHECKPOINT_EVERY_CHANGES + 3]!.occurredAt),
        hourly.slice(-40),
      ]) {
        expect(controlCountsFromCheckpoints(checkpoints, times)).toEqual(controlCountsAtTimes(base, changes, times));
        const subset = new Set(["homs", "damascus"]);
        expect(controlCountsFromCheckpoints(checkpoints, times, (place) => subset.has(place))).toEqual(
          controlCountsAtTimes(
            base.filter((b) => subset.has(b.place)),
            changes.filter((c) => subset.has(c.place)),
            times,
          ),
        );
      }
    }
  });
});

describe("controlAtSorted", () => {
  it("agrees with controlAt on sorted changes", () => {
    const changes = history(500, 11);
    const sorted = [...changes].sort(compareControlChanges);
    for (const t of [START, sorted[250]!.occurredAt, sorted.at(-1)!.occurredAt]) {
      expect(controlAtSorted(baseline, sorted, t)).toEqual(controlAt(baseline, changes, t));
      const late: BaselineHolding[] = baseline.map((b, i) => (i % 2 ? { ...b, since: sorted[300]!.occurredAt } : b));
      const keep = (c: ControlChange) => c.order % 2 === 0;
      expect(controlAtSorted(late, sorted, t, keep)).toEqual(controlAt(late, changes.filter(keep), t));
    }
  });
});

describe("controlAtByPlace", () => {
  it("agrees with the full fold at every time, with and without a filter and with late baselines", () => {
    const changes = history(2000, 23);
    const sorted = [...changes].sort(compareControlChanges);
    const byPlace = changesByPlace(sorted);
    const late: BaselineHolding[] = baseline.map((b, i) => (i % 2 ? { ...b, since: sorted[900]!.occurredAt } : b));
    const keeps = [() => true, (c: ControlChange) => c.order % 3 !== 0, (c: ControlChange) => c.contested || c.faction !== "hts"];
    const times = [START - 1, START, ...Array.from({ length: 40 }, (_, i) => sorted[i * 50]!.occurredAt), sorted.at(-1)!.occurredAt + 1];
    for (const t of times) {
      for (const keep of keeps) {
        for (const base of [baseline, late]) {
          expect(controlAtByPlace(base, byPlace, t, keep)).toEqual(controlAtSorted(base, sorted, t, keep));
        }
      }
    }
  });

  it("stops its walk back where nothing earlier is kept (keptFrom), with the same result", () => {
    const changes = history(2000, 29);
    const sorted = [...changes].sort(compareControlChanges);
    const byPlace = changesByPlace(sorted);
    // Like what we knew before a late import: nothing before a point is kept, and every other change after it.
    const cut = sorted[1200]!.occurredAt;
    const keeps = [(c: ControlChange) => c.occurredAt > cut && c.order % 2 === 0, () => false, (c: ControlChange) => c.order % 3 !== 0];
    const firstKept = (keep: (c: ControlChange) => boolean) => (list: readonly ControlChange[]) => {
      const i = list.findIndex(keep);
      return i === -1 ? list.length : i;
    };
    const times = [START, ...Array.from({ length: 20 }, (_, i) => sorted[i * 100]!.occurredAt), sorted.at(-1)!.occurredAt + 1];
    for (const t of times) {
      for (const keep of keeps) {
        expect(controlAtByPlace(baseline, byPlace, t, keep, firstKept(keep))).toEqual(controlAtSorted(baseline, sorted, t, keep));
      }
    }
  });
});

describe("controlAtFromRecent", () => {
  it("from each place's newest changes alone: equal to the full fold, or undefined when they do not reach back far enough", () => {
    const changes = history(4000, 11);
    const sorted = [...changes].sort(compareControlChanges);
    const byPlace = changesByPlace(sorted);
    const last = sorted.at(-1)!.occurredAt;
    let answered = 0;
    for (const keepNewest of [2, 6, 64]) {
      for (const t of [START + 50 * 3_600_000, Math.floor((START + last) / 2), last, last + 1]) {
        // As the server reads them: the newest `keepNewest` changes up to t, without the oldest instant's (maybe cut) group.
        const recent = new Map<string, ControlChange[]>();
        const partial = new Set<string>();
        for (const [place, list] of byPlace) {
          const upTo = list.filter((c) => c.occurredAt <= t);
          if (upTo.length <= keepNewest) {
            recent.set(place, upTo);
            continue;
          }
          const newest = upTo.slice(-keepNewest);
          recent.set(
            place,
            newest.filter((c) => c.occurredAt > newest[0]!.occurredAt),
          );
          partial.add(place);
        }
        const result = controlAtFromRecent(baseline, recent, t, partial);
        if (result === undefined) continue;
        answered++;
        expect(result, `${keepNewest} newest, ${new Date(t).toISOString()}`).toEqual(controlAt(baseline, changes, t));
      }
    }
    // The test means something only if both outcomes occur.
    expect(answered).toBeGreaterThan(2);
    expect(answered).toBeLessThan(12);
  });
});

describe("extendCheckpoints", () => {
  const sorted = [...history(4 * CHECKPOINT_EVERY_CHANGES + 100, 3)].sort(compareControlChanges);
  const before = buildCheckpoints(baseline, sorted);
  const fresh = history(40, 11).map((c) => ({ ...c, order: c.order + 10_000_000 }));
  const cases: [string, ControlChange[]][] = [
    ["changes added at the end", [...sorted, ...fresh.map((c) => ({ ...c, occurredAt: sorted.at(-1)!.occurredAt + c.occurredAt - START }))]],
    ["changes added in the middle", [...sorted, ...fresh.map((c) => ({ ...c, occurredAt: c.occurredAt + 300 * 3_600_000 }))].sort(compareControlChanges)],
    ["a change taken out early", sorted.filter((_, i) => i !== 5)],
    ["a change replaced by an equal copy (a re-read report)", sorted.map((c, i) => (i === 3 * CHECKPOINT_EVERY_CHANGES + 1 ? { ...c } : c))],
    ["the last changes taken out", sorted.slice(0, 2 * CHECKPOINT_EVERY_CHANGES + 3)],
    ["nothing changed", sorted],
  ];
  for (const [name, changes] of cases) {
    it(`equals building them again: ${name}`, () => {
      const extended = extendCheckpoints(before, changes);
      expect(extended.states).toEqual(buildCheckpoints(baseline, changes).states);
      expect(extended.changes).toBe(changes);
    });
  }
  it("keeps the checkpoints before the first difference (the same objects) and folds from there", () => {
    const changes = [...sorted, { ...sorted.at(-1)!, order: sorted.at(-1)!.order + 1 }];
    const extended = extendCheckpoints(before, changes);
    expect(extended.states.slice(0, 4).every((state, k) => state === before.states[k])).toBe(true);
  });
});
