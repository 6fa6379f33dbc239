import { describe, expect, it } from "vitest";
import { zodDetails } from "./zod-details";
import { createReportSchema } from "./reports";
import { mergeDetails, referencedSlugs, referenceProblems } from "./event-references";

const NOW = Date.parse("2024-12-08T00:00:00Z");
const known = { faction: (s: string) => ["hts", "government"].includes(s), place: (s: string) => ["homs", "hama", "daraa"].includes(s) };

/** Five problems: two the schema sees, three only the reference data can tell. */
const body = {
  title: "",
  sources: [{ name: "Reuters", url: "ftp://x" }],
  events: [
    { type: "control_change", occurredAt: "2024-12-07T10:00:00Z", confidence: "reported", faction: "rebels", place: "hamma" },
    { type: "withdrawal", occurredAt: "2099-01-01T00:00:00Z", confidence: "reported", faction: "government", from: ["daraa", "Not A Slug"] },
  ],
};

describe("reference problems of a raw body", () => {
  it("reads the slugs and dates of events the schema refuses too", () => {
    expect(referencedSlugs(body)).toEqual({ factions: ["rebels", "government"], places: ["hamma", "daraa"] });
    expect(referenceProblems(body, known, NOW)).toEqual([
      { path: "events.0.faction", message: "unknown faction 'rebels'" },
      { path: "events.0.place", message: "unknown place 'hamma'" },
      { path: "events.1.occurredAt", message: "lies more than a day in the future" },
    ]);
  });

  it("merges them with the schema's, once per field, report fields first then event by event", () => {
    const schema = zodDetails(createReportSchema.safeParse(body).error!);
    const merged = mergeDetails(schema, referenceProblems(body, known, NOW));
    expect(merged.map((d) => d.path)).toEqual(["title", "sources.0.url", "events.0.faction", "events.0.place", "events.1.from.1", "events.1.occurredAt"]);
  });

  it("ignores what is not a body", () => {
    for (const junk of [null, 3, "x", [], { events: "homs" }, { events: [null, 4, { type: "nope", faction: 5 }] }]) {
      expect(referenceProblems(junk, known, NOW)).toEqual([]);
    }
  });
});
