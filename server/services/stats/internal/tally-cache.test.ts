/**
 * The counts' kept tallies (./tally-cache.ts): a day or month is read again exactly when its TallyVersion
 * moved, and otherwise answered from what was read before. A fake database counts the reads; the real
 * ones are compared with counting the events in tests/integration/timeline.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Sql } from "../../../db/sql";
import type { Db } from "../../../db/client";
import { cachedTallyGroups, type TallyGroup } from "./tally-cache";

type Row = { key: string; regionSlug: string; factionSlug: string; type: string; confidence: string; n: number };

/** TallyVersion, EventCount and EventCountMonth as plain data; `reads` counts the tally statements. */
function fakeTallies() {
  const state = {
    versions: new Map<string, number>(),
    days: [] as Row[],
    months: [] as Row[],
    reads: { versions: 0, days: 0, months: 0 },
    /** The days and months read, in order. */
    readKeys: [] as string[],
  };
  const db = {
    $queryRaw: async (statement: Sql) => {
      const text = statement.sql;
      const values = statement.values as string[];
      if (text.includes(`FROM "TallyVersion"`)) {
        state.reads.versions++;
        const [from, to] = [text.includes(`"day" >=`) ? values[0]! : "", text.includes(`"day" <=`) ? values.at(-1)! : "\uffff"];
        return [...state.versions].filter(([day]) => day >= from && day <= to).map(([day, version]) => ({ day, version }));
      }
      const monthly = text.includes(`"EventCountMonth"`);
      state.reads[monthly ? "months" : "days"]++;
      state.readKeys.push(...values.filter((value) => value !== ";"));
      // One row per day or month, its groups packed as "region|faction|type|confidence|n;…".
      const packed = new Map<string, string[]>();
      for (const row of monthly ? state.months : state.days)
        if (values.includes(row.key))
          packed.set(row.key, [...(packed.get(row.key) ?? []), [row.regionSlug, row.factionSlug, row.type, row.confidence, row.n].join("|")]);
      return [...packed].map(([key, rows]) => ({ key, packed: rows.join(";") }));
    },
  } as unknown as Db;
  return { db, state };
}

const row = (key: string, faction: string, n: number): Row => ({ key, regionSlug: "homs", factionSlug: faction, type: "strike", confidence: "reported", n });
const byFaction = (groups: TallyGroup[]) => Object.fromEntries(groups.map((g) => [g.factionSlug, g.n]));
const DAY = 86_400_000;
const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

describe("the counts' kept tallies", () => {
  it("reads a day again only after its version moved", async () => {
    const { db, state } = fakeTallies();
    state.versions.set("2024-12-05", 1).set("2024-12-06", 1);
    state.days.push(row("2024-12-05", "hts", 2), row("2024-12-06", "hts", 3), row("2024-12-06", "russia", 1));
    const days: [number, number] = [at("2024-12-05"), at("2024-12-06") + DAY];

    expect(byFaction(await cachedTallyGroups(db, null, [days]))).toEqual({ hts: 5, russia: 1 });
    expect(state.reads.days).toBe(1);

    // A change to the rows that did not raise the version is not seen: the kept rows answer.
    state.days[0]!.n = 10;
    expect(byFaction(await cachedTallyGroups(db, null, [days]))).toEqual({ hts: 5, russia: 1 });
    expect(state.reads.days).toBe(1);

    // Its version raised (as the report's transaction does): that day, and only it, is read again.
    state.versions.set("2024-12-05", 2);
    state.readKeys.length = 0;
    expect(byFaction(await cachedTallyGroups(db, null, [days]))).toEqual({ hts: 13, russia: 1 });
    expect(state.readKeys).toEqual(["2024-12-05"]);

    // A range of one of the days sums that day alone.
    expect(byFaction(await cachedTallyGroups(db, null, [[at("2024-12-06"), at("2024-12-06") + DAY]]))).toEqual({ hts: 3, russia: 1 });
    expect(state.reads.days).toBe(2);
  });

  it("reads a month again when any of its days' versions moved, and counts a new day's month", async () => {
    const { db, state } = fakeTallies();
    state.versions.set("2024-11-30", 1).set("2024-12-01", 1).set("2024-12-20", 4);
    state.months.push(row("2024-11", "hts", 7), row("2024-12", "hts", 1), row("2024-12", "sdf", 2));
    const months: [number, number] = [at("2024-11-01"), Infinity];

    expect(byFaction(await cachedTallyGroups(db, months, []))).toEqual({ hts: 8, sdf: 2 });
    expect(state.reads.months).toBe(1);
    expect(byFaction(await cachedTallyGroups(db, months, []))).toEqual({ hts: 8, sdf: 2 });
    expect(state.reads.months).toBe(1);

    // A retraction on 2024-12-20 took the sdf events out: December is read again, November is not.
    state.months.splice(2, 1);
    state.versions.set("2024-12-20", 5);
    state.readKeys.length = 0;
    expect(byFaction(await cachedTallyGroups(db, months, []))).toEqual({ hts: 8 });
    expect(state.readKeys).toEqual(["2024-12"]);

    // The first events of a new month: its day's version row appears with them.
    state.versions.set("2025-01-02", 1);
    state.months.push(row("2025-01", "russia", 4));
    expect(byFaction(await cachedTallyGroups(db, months, []))).toEqual({ hts: 8, russia: 4 });
    // Only the whole months asked for: from December on, November is left out.
    expect(byFaction(await cachedTallyGroups(db, [at("2024-12-01"), Infinity], []))).toEqual({ hts: 1, russia: 4 });
  });
});
