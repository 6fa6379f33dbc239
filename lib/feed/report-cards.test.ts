import { describe, expect, it } from "vitest";
import type { FeedEntry, FeedKind } from "../schemas/feed";
import type { Report, Revision } from "../schemas/reports";
import { applyFeedEntry, earlierPublishedVersions, FEED_VISIBLE_MAX, feedStateFrom, latestPerReport, reportStanding, type FeedState } from "./report-cards";

const report = (id: string, fields: Partial<Report> = {}): Report => ({
  id,
  status: "published",
  title: `Report ${id}`,
  body: "",
  sources: [],
  key: false,
  version: 1,
  createdAt: "2024-12-07T10:00:00.000Z",
  publishedAt: "2024-12-07T10:00:00.000Z",
  updatedAt: "2024-12-07T10:00:00.000Z",
  author: { id: "u1", name: "Editor" },
  lastChangedBy: { id: "u1", name: "Editor" },
  events: [],
  ...fields,
});
const entry = (seq: number, kind: FeedKind = "report.published", r: Report = report(`r${seq}`)): FeedEntry => ({
  seq,
  kind,
  at: `2024-12-07T10:${String(seq).padStart(2, "0")}:00.000Z`,
  situation: "syria",
  report: r,
});

const corrected = report("r1", { title: "Homs retaken", version: 2, correctionReason: "Wrong town", updatedAt: "2024-12-07T11:00:00.000Z" });
const retracted = report("r2", {
  status: "retracted",
  version: 2,
  retractionReason: "Source withdrew it",
  retractedAt: "2024-12-07T12:00:00.000Z",
  updatedAt: "2024-12-07T12:00:00.000Z",
});

describe("applyFeedEntry", () => {
  const start: FeedState = { entries: [entry(2), entry(1)], lastSeq: 2 };

  it("puts a new report first and advances lastSeq", () => {
    const next = applyFeedEntry(start, entry(3));
    expect(next.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(next.lastSeq).toBe(3);
    expect(next.gap).toBe(false);
  });

  it("replaces a corrected report's card instead of adding one beside it", () => {
    const next = applyFeedEntry(start, entry(3, "report.corrected", corrected));
    expect(next.entries.map((e) => [e.report.id, e.report.title])).toEqual([
      ["r1", "Homs retaken"],
      ["r2", "Report r2"],
    ]);
    expect(next.lastSeq).toBe(3);
  });

  it("replaces a retracted report's card: its claim is no longer on the list as current", () => {
    const next = applyFeedEntry(start, entry(3, "report.retracted", retracted));
    expect(next.entries.filter((e) => e.report.id === "r2")).toEqual([entry(3, "report.retracted", retracted)]);
    expect(next.entries.filter((e) => e.report.status === "published").map((e) => e.report.id)).toEqual(["r1"]);
  });

  it("ignores an entry it already has", () => {
    expect(applyFeedEntry(start, entry(2))).toBe(start);
    expect(applyFeedEntry(start, entry(1, "report.corrected", corrected))).toBe(start);
  });

  it("flags a gap so the list is reloaded", () => {
    expect(applyFeedEntry(start, entry(5)).gap).toBe(true);
  });

  it("keeps at most FEED_VISIBLE_MAX reports", () => {
    let state: FeedState = { entries: [], lastSeq: 0 };
    for (let seq = 1; seq <= FEED_VISIBLE_MAX + 10; seq++) state = applyFeedEntry(state, entry(seq));
    expect(state.entries).toHaveLength(FEED_VISIBLE_MAX);
    expect(state.entries[0]!.seq).toBe(FEED_VISIBLE_MAX + 10);
  });
});

describe("feedStateFrom and latestPerReport", () => {
  // As GET /api/feed lists them: oldest first; r1 published, r2 published, r1 corrected, r2 retracted.
  const listed = [
    entry(1, "report.published", report("r1")),
    entry(2, "report.published", report("r2")),
    entry(3, "report.corrected", corrected),
    entry(4, "report.retracted", retracted),
  ];

  it("starts a page from the newest entry of each report, newest change first", () => {
    const state = feedStateFrom(listed, 4);
    expect(state.entries.map((e) => [e.seq, e.report.id, e.kind])).toEqual([
      [4, "r2", "report.retracted"],
      [3, "r1", "report.corrected"],
    ]);
    expect(state.lastSeq).toBe(4);
  });

  it("gives the same cards as folding the entries one by one (a reload shows what a live page shows)", () => {
    const live = listed.reduce(applyFeedEntry, { entries: [], lastSeq: 0 } as FeedState);
    expect(live.entries).toEqual(feedStateFrom(listed, 4).entries);
  });

  it("stops at max reports", () => {
    expect(latestPerReport([entry(3), entry(2), entry(1)], 2).map((e) => e.seq)).toEqual([3, 2]);
  });
});

describe("reportStanding", () => {
  it("says nothing about a report as first published", () => {
    expect(reportStanding(report("r1"))).toEqual({ state: "published" });
  });
  it("marks a correction with its reason and time", () => {
    expect(reportStanding(corrected)).toEqual({ state: "corrected", reason: "Wrong town", at: "2024-12-07T11:00:00.000Z" });
  });
  it("marks a retraction with its reason and time, over an earlier correction", () => {
    expect(reportStanding({ ...retracted, correctionReason: "Wrong town" })).toEqual({
      state: "retracted",
      reason: "Source withdrew it",
      at: "2024-12-07T12:00:00.000Z",
    });
  });
});

describe("earlierPublishedVersions", () => {
  const revision = (version: number, status: Report["status"]): Revision => ({
    version,
    reason: version === 2 ? "Wrong town" : null,
    createdAt: "2024-12-07T11:00:00.000Z",
    author: { id: "u1", name: "Editor" },
    report: report("r1", { version, status }),
  });
  it("lists the versions readers saw, newest first, without drafts", () => {
    const versions = earlierPublishedVersions({ version: 3, revisions: [revision(1, "draft"), revision(2, "published"), revision(3, "published")] });
    expect(versions.map((v) => v.version)).toEqual([2]);
  });
});
