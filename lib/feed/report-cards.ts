/**
 * One card per report: the feed as readers see it. Every feed entry carries the whole report as it
 * was after that change, so the newest entry of a report is its current truth. The fold keeps one
 * entry per report id (a correction or retraction replaces the report's earlier entry and comes
 * first, newest change first); what a card says about the report's standing (corrected, retracted,
 * with the reason and the time) is derived from the report itself. Pure: the query cache, the pages'
 * first render and the tests all use these.
 */
import type { FeedEntry } from "../schemas/feed";
import type { Report } from "../schemas/reports";

/** Reports kept on screen; older ones stay readable through the API. */
export const FEED_VISIBLE_MAX = 200;
/** Feed entries a page's first render carries (the page's size must not grow with a busy desk); live entries add up to FEED_VISIBLE_MAX. */
export const FEED_FIRST_RENDER = 50;

export interface FeedState {
  /** One entry per report, its newest: newest change first. */
  entries: FeedEntry[];
  /** The last seq folded in: the socket resumes from here. */
  lastSeq: number;
  /** True when an entry arrived after a gap, so the list must be reloaded. */
  gap?: boolean;
}

/** Entries (newest first) reduced to the newest per report, in the same order, at most `max`. */
export function latestPerReport(entriesNewestFirst: readonly FeedEntry[], max = FEED_VISIBLE_MAX): FeedEntry[] {
  const seen = new Set<string>();
  const out: FeedEntry[] = [];
  for (const entry of entriesNewestFirst) {
    if (out.length >= max) break;
    if (seen.has(entry.report.id)) continue;
    seen.add(entry.report.id);
    out.push(entry);
  }
  return out;
}

/** The state a page starts from: entries as GET /api/feed lists them (oldest first) and the last seq. */
export function feedStateFrom(entriesOldestFirst: readonly FeedEntry[], lastSeq: number): FeedState {
  return { entries: latestPerReport([...entriesOldestFirst].reverse()), lastSeq };
}

/**
 * Folds one entry into the state, keyed by report id: the report's earlier entry is replaced (not
 * kept beside it), the new one comes first. Duplicates are ignored; a gap flags the state for a reload.
 */
export function applyFeedEntry(state: FeedState, entry: FeedEntry): FeedState {
  if (entry.seq <= state.lastSeq) return state;
  const gap = entry.seq !== state.lastSeq + 1;
  const others = state.entries.filter((e) => e.report.id !== entry.report.id);
  return { entries: [entry, ...others].slice(0, FEED_VISIBLE_MAX), lastSeq: entry.seq, gap: state.gap || gap };
}

export type Standing = { state: "published" } | { state: "corrected"; reason: string; at: string } | { state: "retracted"; reason: string | null; at: string };

/** The report fields a standing is read from (a feed entry's Report or an event list's report). */
export interface StandingFields {
  status: string;
  correctionReason?: string;
  retractionReason?: string;
  retractedAt?: string;
  updatedAt?: string;
}

/**
 * What a card says about a report beside its content: retracted (the reason, when), corrected (the
 * reason of the latest correction, when) or nothing. A retraction outranks an earlier correction.
 */
export function reportStanding(report: StandingFields): Standing {
  if (report.status === "retracted") return { state: "retracted", reason: report.retractionReason ?? null, at: report.retractedAt ?? report.updatedAt ?? "" };
  if (report.correctionReason) return { state: "corrected", reason: report.correctionReason, at: report.updatedAt ?? "" };
  return { state: "published" };
}

/** Earlier versions readers saw (published ones, newest first): drafts before publication are not shown. */
export function earlierPublishedVersions(report: Pick<Report, "version" | "revisions">): NonNullable<Report["revisions"]> {
  return (report.revisions ?? []).filter((r) => r.report.status === "published" && r.version < report.version).sort((a, b) => b.version - a.version);
}
