import { describe, expect, it } from "vitest";
import { changedPaths, draftFromReport, emptyEvent, emptyReport, errorsByField, eventInput, reportInput, validateDraft } from "./report-form";

const NOW = Date.parse("2024-12-07T09:30:45Z");

describe("the report form", () => {
  it("turns a filled draft into the API body, with times in UTC and empty optionals left out", () => {
    const draft = emptyReport(NOW);
    draft.title = "  Homs falls ";
    draft.sources = [{ name: "Reuters", url: "" }, { name: "", url: "" }];
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
        { type: "evacuation", occurredAt: "2024-12-07T09:30:00Z", confidence: "reported", faction: "iran", personnel: "diplomats", from: "damascus", to: "beirut", mode: "land" },
      ],
    });
    expect(validateDraft(draft)).toEqual([]);
  });

  it("reports problems with the API's paths, one message per field", () => {
    const draft = emptyReport(NOW);
    draft.events = [{ ...emptyEvent(NOW, "withdrawal"), faction: "government", fromList: "daraa, Not A Slug" }, { ...emptyEvent(NOW, "advance"), faction: "hts", toward: "damascus", distanceKm: "far" }];
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
        { id: "e1", type: "evacuation" as const, occurredAt: "2024-12-06T18:00:00.000Z", confidence: "reported" as const, faction: "iran", personnel: "diplomats" as const, from: "damascus", to: "beirut", mode: "land" as const },
        { id: "e2", type: "control_change" as const, occurredAt: "2024-12-07T10:00:00.000Z", confidence: "reported" as const, faction: "hts", place: "homs", contested: true },
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
    expect(eventInput({ ...event, type: "advance" })).toEqual({ type: "advance", occurredAt: "2024-12-07T09:30:00Z", confidence: "reported", faction: "hts", toward: "damascus" });
    expect(eventInput({ ...event, type: "strike" })).toEqual({ type: "strike", occurredAt: "2024-12-07T09:30:00Z", confidence: "reported", faction: "hts", place: "homs" });
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
