/**
 * How fresh the wall is, and when it must reload itself. Pure, so the rules are unit-tested; the wall
 * evaluates them on a timer.
 */

export type Connection = "connecting" | "live" | "offline";
export type FreshnessLevel = "live" | "quiet" | "connecting" | "offline";

export interface FreshnessInput {
  connection: Connection;
  /** Server time of the newest feed entry the wall holds (ms), null when the feed is empty. */
  lastReportAt: number | null;
  /** Now, on the server's clock (ms). */
  now: number;
  staleAfterMs: number;
}

/**
 * `offline`: the socket is down (the data may be behind). `quiet`: connected, but no new report for
 * `staleAfterMs` (the screen is current, the news is not). `live`: connected and recent.
 */
export function freshness({ connection, lastReportAt, now, staleAfterMs }: FreshnessInput): { level: FreshnessLevel; ageMs: number | null } {
  const ageMs = lastReportAt === null ? null : Math.max(0, now - lastReportAt);
  if (connection !== "live") return { level: connection, ageMs };
  if (ageMs === null || ageMs > staleAfterMs) return { level: "quiet", ageMs };
  return { level: "live", ageMs };
}

/** The render loop must tick at least this often; a wall that stops ticking is stuck. */
export const STALL_AFTER_MS = 2 * 60_000;

export type WatchdogVerdict = "ok" | "not-live-too-long" | "stalled";

/**
 * Decides whether the page should reload: it has not been live for `reloadAfterMs` (the socket never
 * came back) or its render loop stopped ticking (`heartbeatAt` too old). The caller still checks that
 * the server answers before reloading, so a server outage never leaves a browser error page on screen.
 */
export function watchdogVerdict(input: {
  now: number;
  notLiveSince: number | null;
  heartbeatAt: number;
  reloadAfterMs: number;
  stallAfterMs?: number;
}): WatchdogVerdict {
  const { now, notLiveSince, heartbeatAt, reloadAfterMs, stallAfterMs = STALL_AFTER_MS } = input;
  if (now - heartbeatAt > stallAfterMs) return "stalled";
  if (notLiveSince !== null && now - notLiveSince > reloadAfterMs) return "not-live-too-long";
  return "ok";
}
