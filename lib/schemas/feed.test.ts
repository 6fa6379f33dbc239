import { describe, expect, it } from "vitest";
import { feedEntrySchema, type FeedEntry } from "./feed";

const entry: FeedEntry = {
  seq: 7,
  kind: "report.corrected",
  at: "2024-12-07T12:00:00.000Z",
  situation: "syria",
  report: {
    id: "r1",
    status: "published",
    title: "Homs retaken",
    body: "",
    sources: [{ name: "Wire", url: "https://example.org/a" }],
    key: true,
    version: 2,
    createdAt: "2024-12-07T10:00:00.000Z",
    publishedAt: "2024-12-07T10:00:00.000Z",
    updatedAt: "2024-12-07T12:00:00.000Z",
    correctionReason: "Wrong town",
    author: { id: "u1", name: "Editor" },
    lastChangedBy: { id: "u2", name: "Second editor" },
    events: [
      { id: "e1", type: "control_change", occurredAt: "2024-12-07T09:00:00.000Z", confidence: "reported", faction: "hts", place: "homs", contested: false },
    ],
  },
};

describe("feedEntrySchema (what the cluster accepts from other nodes)", () => {
  it("accepts an entry as the server sends it, events with their ids", () => {
    expect(feedEntrySchema.parse(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
  });

  it("refuses what the hub cannot order or show", () => {
    for (const bad of [
      { ...entry, seq: 0 },
      { ...entry, seq: 1.5 },
      { ...entry, kind: "report.deleted" },
      { ...entry, report: null },
      { ...entry, report: { ...entry.report, events: [{ type: "strike" }] } },
      null,
      "entry",
    ]) {
      expect(feedEntrySchema.safeParse(bad).success, JSON.stringify(bad)?.slice(0, 60)).toBe(false);
    }
  });
});
