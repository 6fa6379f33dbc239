import { describe, expect, it } from "vitest";
import { controlAt, placesHeld, type BaselineHolding, type ControlChange } from "./control-at";

const t = (iso: string) => Date.parse(iso);
const BASE = t("2024-11-26T00:00:00Z");
const baseline: BaselineHolding[] = [
  { place: "aleppo", faction: "government", since: BASE },
  { place: "hama", faction: "government", since: BASE },
  { place: "idlib", faction: "hts", since: BASE },
];
const change = (place: string, faction: string, iso: string, extra: Partial<ControlChange> = {}): ControlChange => ({
  place,
  faction,
  occurredAt: t(iso),
  contested: false,
  order: 0,
  ...extra,
});
const holder = (state: ReturnType<typeof controlAt>, place: string) => state.find((p) => p.place === place);

describe("controlAt", () => {
  it("returns the baseline when nothing happened yet", () => {
    const state = controlAt(baseline, [change("aleppo", "hts", "2024-11-30T12:00:00Z")], t("2024-11-28T00:00:00Z"));
    expect(holder(state, "aleppo")).toEqual({ place: "aleppo", faction: "government", since: "2024-11-26T00:00:00.000Z", contested: false });
    expect(state.map((p) => p.place)).toEqual(["aleppo", "hama", "idlib"]);
  });

  it("hands a place over at the moment of the change, inclusive", () => {
    const changes = [change("aleppo", "hts", "2024-11-30T12:00:00Z")];
    expect(holder(controlAt(baseline, changes, t("2024-11-30T11:59:59Z")), "aleppo")?.faction).toBe("government");
    const after = holder(controlAt(baseline, changes, t("2024-11-30T12:00:00Z")), "aleppo");
    expect(after).toMatchObject({ faction: "hts", since: "2024-11-30T12:00:00.000Z", contested: false });
  });

  it("marks a contested place without changing its holder, and clears it on the next plain change", () => {
    const changes = [change("aleppo", "hts", "2024-11-29T15:00:00Z", { contested: true }), change("aleppo", "hts", "2024-11-30T12:00:00Z")];
    expect(holder(controlAt(baseline, changes, t("2024-11-30T00:00:00Z")), "aleppo")).toEqual({
      place: "aleppo",
      faction: "government",
      since: "2024-11-26T00:00:00.000Z",
      contested: true,
      attacker: "hts",
    });
    expect(holder(controlAt(baseline, changes, t("2024-12-01T00:00:00Z")), "aleppo")).toEqual({
      place: "aleppo",
      faction: "hts",
      since: "2024-11-30T12:00:00.000Z",
      contested: false,
    });
  });

  it("a defender holding on ends the fighting but keeps its original since", () => {
    const changes = [change("hama", "hts", "2024-12-03T00:00:00Z", { contested: true }), change("hama", "government", "2024-12-04T00:00:00Z")];
    expect(holder(controlAt(baseline, changes, t("2024-12-05T00:00:00Z")), "hama")).toEqual({
      place: "hama",
      faction: "government",
      since: "2024-11-26T00:00:00.000Z",
      contested: false,
    });
  });

  it("applies events by occurrence time, not by the order they arrive in", () => {
    const changes = [change("hama", "government", "2024-12-06T00:00:00Z", { order: 1 }), change("hama", "hts", "2024-12-05T13:00:00Z", { order: 2 })];
    expect(holder(controlAt(baseline, changes, t("2024-12-07T00:00:00Z")), "hama")).toMatchObject({ faction: "government", since: "2024-12-06T00:00:00.000Z" });
  });

  it("breaks ties at the same instant by publication order: the later word wins", () => {
    const at = "2024-12-06T12:00:00Z";
    const a = change("hama", "hts", at, { order: 5 });
    const b = change("hama", "sna", at, { order: 9 });
    expect(holder(controlAt(baseline, [a, b], t(at)), "hama")?.faction).toBe("sna");
    expect(holder(controlAt(baseline, [b, a], t(at)), "hama")?.faction).toBe("sna");
  });

  it("adds places that had no baseline once someone takes them", () => {
    const changes = [change("new-village", "sdf", "2024-12-01T00:00:00Z")];
    expect(holder(controlAt(baseline, changes, t("2024-11-30T00:00:00Z")), "new-village")).toBeUndefined();
    expect(holder(controlAt(baseline, changes, t("2024-12-02T00:00:00Z")), "new-village")).toMatchObject({ faction: "sdf", contested: false });
  });

  it("does not mutate its inputs", () => {
    const changes = [change("hama", "hts", "2024-12-06T00:00:00Z", { order: 2 }), change("aleppo", "hts", "2024-11-30T00:00:00Z", { order: 1 })];
    const copy = structuredClone(changes);
    controlAt(baseline, changes, t("2024-12-07T00:00:00Z"));
    expect(changes).toEqual(copy);
  });
});

describe("placesHeld", () => {
  it("counts places per faction, largest first, ties by slug", () => {
    expect(
      placesHeld([{ faction: "hts" }, { faction: "government" }, { faction: "sdf" }, { faction: "hts" }, { faction: "government" }, { faction: "isis" }]),
    ).toEqual([
      ["government", 2],
      ["hts", 2],
      ["isis", 1],
      ["sdf", 1],
    ]);
  });
});
