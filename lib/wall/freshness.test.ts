import { describe, expect, it } from "vitest";
import { freshness, STALL_AFTER_MS, watchdogVerdict } from "./freshness";

const MIN = 60_000;

describe("freshness", () => {
  it("is live when connected and a report came within the limit", () => {
    expect(freshness({ connection: "live", lastReportAt: 100 * MIN, now: 105 * MIN, staleAfterMs: 10 * MIN })).toEqual({ level: "live", ageMs: 5 * MIN });
  });
  it("is quiet when connected but no report for longer than the limit, or none at all", () => {
    expect(freshness({ connection: "live", lastReportAt: 100 * MIN, now: 111 * MIN, staleAfterMs: 10 * MIN }).level).toBe("quiet");
    expect(freshness({ connection: "live", lastReportAt: null, now: 111 * MIN, staleAfterMs: 10 * MIN }).level).toBe("quiet");
  });
  it("is offline whenever the socket is down, however recent the last report", () => {
    expect(freshness({ connection: "offline", lastReportAt: 100 * MIN, now: 100 * MIN, staleAfterMs: 10 * MIN }).level).toBe("offline");
    expect(freshness({ connection: "connecting", lastReportAt: 100 * MIN, now: 100 * MIN, staleAfterMs: 10 * MIN }).level).toBe("connecting");
  });
  it("never reports a negative age when the clocks disagree", () => {
    expect(freshness({ connection: "live", lastReportAt: 100 * MIN, now: 99 * MIN, staleAfterMs: 10 * MIN }).ageMs).toBe(0);
  });
});

describe("watchdogVerdict", () => {
  const base = { now: 1000 * MIN, heartbeatAt: 1000 * MIN - 1000, reloadAfterMs: 10 * MIN };
  it("leaves a live, ticking page alone", () => {
    expect(watchdogVerdict({ ...base, notLiveSince: null })).toBe("ok");
  });
  it("waits out a short outage", () => {
    expect(watchdogVerdict({ ...base, notLiveSince: base.now - 9 * MIN })).toBe("ok");
  });
  it("reloads after the socket has not been live for longer than the limit", () => {
    expect(watchdogVerdict({ ...base, notLiveSince: base.now - 11 * MIN })).toBe("not-live-too-long");
  });
  it("reloads when the render loop stopped ticking", () => {
    expect(watchdogVerdict({ ...base, notLiveSince: null, heartbeatAt: base.now - STALL_AFTER_MS - 1 })).toBe("stalled");
  });
});
