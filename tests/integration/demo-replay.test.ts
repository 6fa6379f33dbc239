/**
 * The newcomer's demo: a first start holds back the scenario's last day, and `npm run demo:replay`
 * posts it to the running server through the public API (Quneitra changes hands again, Homs is
 * contested), once: a second run posts nothing.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./support/api";
import { ADMIN, ROOT, startServer, type RunningServer } from "./support/server-process";

const run = promisify(execFile);
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { DEMO_DATA: "true" } });
});
afterAll(async () => server?.stop());

const replay = () =>
  run(process.execPath, ["--import", "tsx", "scripts/demo-replay.ts", "--every", "0"], {
    cwd: ROOT,
    env: { ...process.env, SD_URL: server.url, SD_EMAIL: ADMIN.email, SD_PASSWORD: ADMIN.password },
  });
const holder = async (place: string) => (await call(server.url, "GET", "/api/control")).body.places.find((p: { place: string }) => p.place === place);

describe("npm run demo:replay", () => {
  it("posts the held-back last day as live reports, once", async () => {
    expect((await call(server.url, "GET", "/api/health")).body.lastSeq).toBe(13);
    expect(await holder("quneitra")).toMatchObject({ faction: "government" });

    const first = await replay();
    expect(first.stdout).toContain("Replaying 3 reports");
    const feed = await call(server.url, "GET", "/api/feed?after=13");
    expect(feed.body.entries.map((entry: { seq: number; kind: string; report: { title: string } }) => [entry.seq, entry.kind, entry.report.title])).toEqual([
      [14, "report.published", "Army leaves the south to reinforce Homs; Quneitra taken"],
      [15, "report.published", "Rebels say they are 20 km from Damascus"],
      [16, "report.published", "Fighting for Homs; government airstrikes"],
    ]);
    expect(await holder("quneitra")).toMatchObject({ faction: "southern-rebels" });
    expect(await holder("homs")).toMatchObject({ contested: true });

    const second = await replay();
    expect(second.stdout).toContain("already on this desk");
    expect((await call(server.url, "GET", "/api/health")).body.lastSeq).toBe(16);
  });

  it("says plainly when it cannot sign in", async () => {
    const failed = await run(process.execPath, ["--import", "tsx", "scripts/demo-replay.ts"], {
      cwd: ROOT,
      env: { ...process.env, SD_URL: server.url, SD_EMAIL: ADMIN.email, SD_PASSWORD: "wrong password" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("POST /api/auth/login → 401");
  });
});
