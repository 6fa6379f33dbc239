/**
 * snapshot.txt (issue #17): the text alternative of a situation at a moment, over the demo's history (the
 * fall of Syria's government, Nov–Dec 2024): who held what, as known then, what changed in the 24 hours
 * before, in English and Dutch; bad input refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
const text = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  return response.text();
};

beforeAll(async () => {
  server = await startServer({ env: { DEMO_DATA: "full" } });
});
afterAll(async () => server?.stop());

describe("GET …/snapshot.txt", () => {
  it("says who held what on 7 December 2024 and what changed the day before", async () => {
    const snapshot = await text("/api/situations/syria/snapshot.txt?at=2024-12-07T12:00:00Z");
    const lines = snapshot.trimEnd().split("\n");
    expect(lines[0]).toBe("Syria: who holds what on 7 Dec 2024, 12:00 UTC.");
    // Each holder once, with a count and its most important places; the biggest holder first.
    const holders = lines.filter((line) => /^[^-].*: \d+ places? \(.+\)\.$/.test(line));
    expect(holders.length).toBeGreaterThanOrEqual(3);
    const counts = holders.map((line) => Number(/: (\d+) place/.exec(line)![1]));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(snapshot).toMatch(/Hayat Tahrir al-Sham-led rebels \(Military Operations Command\): \d+ places \(.*Aleppo/);
    expect(snapshot).toContain("In the 24 hours before:");
    expect(snapshot).toMatch(/^- \d\d:\d\d UTC: .+ \((claimed|reported|confirmed)\)$/m);
    // The v1 path is the default situation's.
    expect(await text("/api/snapshot.txt?at=2024-12-07T12:00:00Z")).toBe(snapshot);
  });

  it("differs as known earlier, speaks Dutch, and says when nothing changed", async () => {
    const now = await text("/api/situations/syria/snapshot.txt?at=2024-12-05T12:00:00Z");
    const known = await text("/api/situations/syria/snapshot.txt?at=2024-12-05T12:00:00Z&known=2024-11-28T00:00:00Z");
    expect(known.split("\n")[0]).toBe("Syria: who held what on 5 Dec 2024, 12:00 UTC, as known on 28 Nov 2024, 00:00 UTC.");
    expect(known).not.toBe(now);
    const dutch = await text("/api/situations/syria/snapshot.txt?at=2024-12-07T12:00:00Z&lang=nl");
    expect(dutch.split("\n")[0]).toBe("Syrië: wie wat in handen heeft op 7 dec 2024, 12:00 UTC.");
    expect(dutch).toContain("In de 24 uur ervoor:");
    expect(await text("/api/situations/syria/snapshot.txt?at=2024-11-01T12:00:00Z")).toContain("Nothing changed in the 24 hours before.");
  });

  it("is kept until a report changes it: the same text again, a new one after a control change", async () => {
    const before = await text("/api/situations/syria/snapshot.txt");
    expect(await text("/api/situations/syria/snapshot.txt")).toBe(before);
    const holders = (snapshot: string) => Number(/^Hayat Tahrir al-Sham-led rebels \(Military Operations Command\): (\d+) places/m.exec(snapshot)?.[1]);
    const posted = await call(server.url, "POST", "/api/situations/syria/reports", {
      token: await login(server.url),
      body: {
        title: "HTS takes Latakia",
        sources: [{ name: "Test wire" }],
        events: [{ type: "control_change", occurredAt: "2024-12-08T06:00:00Z", confidence: "reported", faction: "hts", place: "latakia" }],
      },
    });
    expect(posted.status).toBe(201);
    const after = await text("/api/situations/syria/snapshot.txt");
    expect(holders(after)).toBe(holders(before) + 1);
  });

  it("refuses bad input with the contract's error", async () => {
    for (const query of ["view=globe", "at=yesterday", "lang=fr", "region=atlantis"]) {
      const refused = await call(server.url, "GET", `/api/situations/syria/snapshot.txt?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.code).toBe("invalid_request");
    }
    expect((await call(server.url, "GET", "/api/situations/atlantis/snapshot.txt")).status).toBe(404);
  });
});
