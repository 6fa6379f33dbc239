import { describe, expect, it } from "vitest";
import reference from "../../prisma/seed/reference.json";
import type { Place } from "../schemas/reference";
import {
  changedPaths,
  draftFromReport,
  emptyEvent,
  emptyReport,
  errorsByField,
  eventInput,
  hasUnsavedChanges,
  placeResolver,
  reportInput,
  validateDraft,
} from "./report-form";

type Tuple = [string, string, string, string, string | null, number, number, string, string | null];
const PLACES: Place[] = (reference.places as Tuple[]).map(([slug, name, nl, ar, region, lat, lon, kind]) => ({
  slug,
  name,
  names: { en: name, nl, ar },
  region,
  lat,
  lon,
  kind: kind as Place["kind"],
}));
const FACTIONS = reference.factions;

const NOW = Date.parse("2024-12-07T09:30:45Z");

describe("the report form", () => {
  it("turns a filled draft into the API body, with times in UTC and empty optionals left out", () => {
    const draft = emptyReport(NOW);
    draft.title = "  Homs falls ";
    draft.sources = [
      { name: "Reuters", url: "" },
      { name: "", url: "" },
    ];
    draft.events = [
      { ...emptyEvent(NOW), faction: "hts", place: "homs" },
      { ...emptyEvent(NOW, "advance"), faction: "hts", toward: "damascus", distanceKm: "7,5" },
      { ...emptyEvent(NOW, "withdrawal"), faction: "government", fromList: "daraa, as-suwayda,", to: "" },
      { ...emptyEvent(NOW, "evacuation"), faction: "iran", personnel: "diplomats", from: "damascus", to: "beirut", mode: "land" },
    ];
    expect(reportInput(draft)).toEqual({
      title: "  Homs falls ",
      body: "",
      key: false,
      sources: [{ name: "Reuters" }],
      events: [
        { type: "control_change", occurredAt: "2024-12-07T09:30:00Z", confidence: "reported", faction: "hts", place: "homs" },
        { type: "advance", occurredAt: "2024-12-07T09:30:00Z", confidence: "reported", faction: "hts", toward: "damascus", distanceKm: 7.5 },
        { type: "withdrawal", occurredAt: "2024-12-07T09:30:00Z", confidence: "reported", faction: "government", from: ["daraa", "as-suwayda"] },
        {
          type: "evacuation",
          occurredAt: "2024-12-07T09:30:00Z",
          confidence: "reported",
          faction: "iran",
          personnel: "diplomats",
          from: "damascus",
          to: "beirut",
          mode: "land",
        },
      ],
    });
    expect(validateDraft(draft)).toEqual([]);
  });

  it("reports problems with the API's paths, one message per field", () => {
    const draft = emptyReport(NOW);
    draft.events = [
      { ...emptyEvent(NOW, "withdrawal"), faction: "government", fromList: "daraa, Not A Slug" },
      { ...emptyEvent(NOW, "advance"), faction: "hts", toward: "damascus", distanceKm: "far" },
    ];
    const problems = validateDraft(draft);
    const byField = errorsByField(problems);
    expect(byField.title).toBe("must not be empty");
    expect(byField["events.0.from"]).toMatch(/slug/);
    expect(byField["events.1.distanceKm"]).toBeDefined();
    expect(byField["events.0.faction"]).toBeUndefined();
  });

  it("round-trips a stored report for a correction", () => {
    const report = {
      title: "Iran evacuates",
      body: "Embassy staff leave.",
      key: true,
      sources: [{ name: "NYT", url: "https://example.org/a" }],
      events: [
        {
          id: "e1",
          type: "evacuation" as const,
          occurredAt: "2024-12-06T18:00:00.000Z",
          confidence: "reported" as const,
          faction: "iran",
          personnel: "diplomats" as const,
          from: "damascus",
          to: "beirut",
          mode: "land" as const,
        },
        {
          id: "e2",
          type: "control_change" as const,
          occurredAt: "2024-12-07T10:00:00.000Z",
          confidence: "reported" as const,
          faction: "hts",
          place: "homs",
          contested: true,
        },
      ],
    };
    const draft = draftFromReport(report);
    expect(draft.events[1]).toMatchObject({ type: "control_change", place: "homs", contested: true, occurredAt: "2024-12-07T10:00" });
    expect(reportInput(draft)).toEqual({
      title: "Iran evacuates",
      body: "Embassy staff leave.",
      key: true,
      sources: [{ name: "NYT", url: "https://example.org/a" }],
      events: report.events.map(({ id: _id, ...event }) => ({ ...event, occurredAt: event.occurredAt.replace(".000Z", "Z") })),
    });
  });

  it("keeps what was typed when the type changes, and sends only the new type's fields", () => {
    const event = { ...emptyEvent(NOW), faction: "hts", place: "homs", toward: "damascus" };
    expect(eventInput({ ...event, type: "advance" })).toEqual({
      type: "advance",
      occurredAt: "2024-12-07T09:30:00Z",
      confidence: "reported",
      faction: "hts",
      toward: "damascus",
    });
    expect(eventInput({ ...event, type: "strike" })).toEqual({
      type: "strike",
      occurredAt: "2024-12-07T09:30:00Z",
      confidence: "reported",
      faction: "hts",
      place: "homs",
    });
  });
});

describe("names typed in place fields", () => {
  it("sends the slug of the one place a name means, in any language or spelling", () => {
    const draft = emptyReport(NOW);
    draft.title = "Names";
    draft.events = [
      { ...emptyEvent(NOW), faction: "hts", place: "Hama" },
      { ...emptyEvent(NOW, "withdrawal"), faction: "government", fromList: "Sweida, درعا ,al-Qusayr", to: "Damascus" },
      { ...emptyEvent(NOW, "advance"), faction: "hts", toward: "حمص", from: "" },
    ];
    const input = reportInput(draft, placeResolver(PLACES));
    expect(input.events).toMatchObject([{ place: "hama" }, { from: ["as-suwayda", "daraa", "qusayr"], to: "damascus" }, { toward: "homs" }]);
    expect(input.events[2]).not.toHaveProperty("from");
    expect(validateDraft(draft, { places: PLACES, factions: FACTIONS, now: NOW })).toEqual([]);
  });

  it("says every problem at once: the schema's, unknown names with the nearest places, unknown factions, future dates", () => {
    const draft = emptyReport(NOW);
    draft.sources = [{ name: "Wire", url: "ftp://x" }];
    draft.events = [
      { ...emptyEvent(NOW), faction: "", place: "Hamma" },
      { ...emptyEvent(NOW, "withdrawal"), faction: "government", fromList: "Daraa, Atlantis", occurredAt: "2099-01-01T00:00" },
    ];
    const problems = validateDraft(draft, { places: PLACES, factions: FACTIONS, now: NOW });
    expect(problems.map((p) => p.path)).toEqual(["title", "sources.0.url", "events.0.place", "events.0.faction", "events.1.from.1", "events.1.occurredAt"]);
    expect(problems[2]!.message).toBe("unknown place 'Hamma'; did you mean Hama (hama)?");
    expect(problems[4]!.message).toBe("unknown place 'Atlantis'");
    expect(errorsByField(problems)["events.1.from"]).toBe("unknown place 'Atlantis'");
  });

  it("refuses a name that several places share, naming them", () => {
    const twins = [...PLACES, { ...PLACES.find((p) => p.slug === "homs")!, slug: "homs-lake" }];
    const draft = { ...emptyReport(NOW), title: "x", events: [{ ...emptyEvent(NOW), faction: "hts", place: "Homs" }] };
    expect(validateDraft(draft, { places: twins, factions: FACTIONS, now: NOW })).toEqual([
      { path: "events.0.place", message: "'Homs' names several places: Homs (homs), Homs (homs-lake); pick one" },
    ]);
  });
});

describe("a draft kept in the browser", () => {
  it("is news only when it holds something: not an empty form opened earlier, not an unchanged edit", () => {
    expect(hasUnsavedChanges(emptyReport(NOW - 86_400_000), emptyReport(NOW))).toBe(false);
    expect(hasUnsavedChanges({ ...emptyReport(NOW - 1000), title: "H" }, emptyReport(NOW))).toBe(true);
    const report = {
      title: "T",
      body: "",
      key: false,
      sources: [],
      events: [{ id: "e", type: "strike" as const, occurredAt: "2024-12-07T10:00:00Z", confidence: "reported" as const, faction: "hts", place: "homs" }],
    };
    expect(hasUnsavedChanges(draftFromReport(report), draftFromReport(report))).toBe(false);
    const moved = draftFromReport(report);
    moved.events[0]!.occurredAt = "2024-12-07T11:00";
    expect(hasUnsavedChanges(moved, draftFromReport(report))).toBe(true);
  });
});

describe("changedPaths", () => {
  it("names the fields that changed as the API's error paths, so their messages can be cleared", () => {
    const before = emptyReport(NOW);
    before.events = [{ ...emptyEvent(NOW, "withdrawal"), faction: "government" }];
    const after = { ...before, title: "New", events: [{ ...before.events[0]!, fromList: "daraa", to: "homs" }] };
    expect(changedPaths(before, after)).toEqual(["title", "events.0.from", "events.0.to"]);
    expect(changedPaths(before, { ...before, events: [{ ...before.events[0]!, type: "advance" }] })).toEqual(["events.0"]);
    expect(changedPaths(before, { ...before, events: [...before.events, emptyEvent(NOW)] })).toEqual(["events.1", "events"]);
  });
});
