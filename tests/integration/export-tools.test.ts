/**
 * The exports as outside tools read them, with the tools' defaults (docs/decisions/0015-exports.md):
 * csvkit (csvstat, csvcut) on GET /api/events.csv and GDAL's ogrinfo on GET /api/events.geojson.
 * Each check is skipped, saying so, where its tool is not installed (`apt-get install gdal-bin csvkit`;
 * .ci/run installs both).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_COLUMNS } from "../../lib/events/export-row";
import { call, login, reportBody } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

const installed = (tool: string) => spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
const HAS_CSVKIT = installed("csvstat") && installed("csvcut");
const HAS_GDAL = installed("ogrinfo");
if (!HAS_CSVKIT) console.warn("export-tools.test.ts: csvkit is not installed (apt-get install csvkit): the csvkit checks are skipped");
if (!HAS_GDAL) console.warn("export-tools.test.ts: GDAL is not installed (apt-get install gdal-bin): the ogrinfo checks are skipped");

let server: RunningServer;
let dir: string;
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

// A control change (with a comma and a would-be formula in the title), an advance, a withdrawal from
// several places and an evacuation abroad: four events, points and movements.
const EVENTS = [
  { type: "control_change", occurredAt: "2024-12-07T12:00:00Z", confidence: "reported", faction: "hts", place: "homs", contested: true },
  { type: "advance", occurredAt: "2024-12-06T08:30:00Z", confidence: "confirmed", faction: "hts", from: "hama", toward: "homs", distanceKm: 40.5 },
  { type: "withdrawal", occurredAt: "2024-12-06T20:00:00Z", confidence: "reported", faction: "government", from: ["daraa", "izra"], to: "damascus" },
  {
    type: "evacuation",
    occurredAt: "2024-12-07T09:00:00Z",
    confidence: "claimed",
    faction: "russia",
    personnel: "diplomats",
    from: "damascus",
    to: "moscow",
    mode: "air",
  },
];

async function download(pathAndQuery: string, file: string): Promise<string> {
  const response = await fetch(server.url + pathAndQuery);
  expect(response.status).toBe(200);
  const target = path.join(dir, file);
  fs.writeFileSync(target, await response.text());
  return target;
}

beforeAll(async () => {
  server = await startServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-export-tools-"));
  const token = await login(server.url);
  for (const [n, event] of EVENTS.entries()) {
    const title = n === 0 ? "=HYPERLINK(1), Homs taken" : `Export tools ${n}`;
    const posted = await call(server.url, "POST", "/api/reports", { token, body: reportBody(n, { title, events: [event] }) });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  }
  // A draft's event is not exported.
  expect((await call(server.url, "POST", "/api/reports", { token, body: reportBody(9, { status: "draft" }) })).status).toBe(201);
});
afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("csvkit reads the CSV export (comment=false, as the analyst workbench downloads it) with its defaults", () => {
  it.skipIf(!HAS_CSVKIT)("csvcut lists the columns, names beside slugs; csvstat counts one row per event", async () => {
    const file = await download("/api/events.csv?comment=false", "events.csv");
    const columns = run("csvcut", ["-n", file])
      .trim()
      .split("\n")
      .map((line) => line.replace(/^\s*\d+:\s/, ""));
    expect(columns).toEqual([...EXPORT_COLUMNS]);
    expect(columns).toEqual(expect.arrayContaining(["placeName", "placeNameNl", "placeNameAr", "factionName", "regionName"]));
    expect(run("csvstat", ["--count", file]).trim()).toBe(String(EVENTS.length));
    // csvstat without --count parses every row into a table (it fails on a row of the wrong width).
    expect(run("csvstat", [file])).toMatch(new RegExp(`^Row count: ${EVENTS.length}$`, "m"));

    const names = run("csvcut", ["-c", "place,placeName,placeNameAr,regionName,reportTitle", file]).trim().split("\n");
    expect(names).toContain(`homs,Homs,حمص,Homs,"'=HYPERLINK(1), Homs taken"`);
  });

  it.skipIf(!HAS_CSVKIT)("a filtered export is read the same way; its statement is in the headers", async () => {
    const response = await fetch(`${server.url}/api/events.csv?comment=false&type=advance,withdrawal`);
    expect(response.headers.get("x-export-filter")).toBe("type=advance,withdrawal");
    expect(response.headers.get("x-export-as-of")).toMatch(/Z$/);
    const file = path.join(dir, "filtered.csv");
    fs.writeFileSync(file, await response.text());
    expect(run("csvstat", [file])).toMatch(/^Row count: 2$/m);
  });

  it.skipIf(!HAS_CSVKIT)("the contract's default form, with its comment line, is what csvkit cannot read without options", async () => {
    const file = await download("/api/events.csv", "comment.csv");
    const plain = spawnSync("csvstat", [file], { encoding: "utf8" });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toMatch(/Row 0 has \d+ values, but Table only has \d+ columns/);
    expect(run("csvstat", ["--skip-lines", "1", file])).toMatch(new RegExp(`^Row count: ${EVENTS.length}$`, "m"));
  });
});

describe("GDAL reads the GeoJSON export as one Point layer", () => {
  it.skipIf(!HAS_GDAL)("ogrinfo -al -so: geometry Point, one feature per event, the CSV's columns as fields", async () => {
    const file = await download("/api/events.geojson", "events.geojson");
    const summary = run("ogrinfo", ["-ro", "-al", "-so", file]);
    expect(summary).toMatch(/^Geometry: Point$/m);
    expect(summary).toMatch(new RegExp(`^Feature Count: ${EVENTS.length}$`, "m"));
    for (const field of [
      "occurredAt",
      "type",
      "faction",
      "factionName",
      "place",
      "placeName",
      "placeNameAr",
      "regionName",
      "fromLon",
      "toLat",
      "reportTitle",
    ]) {
      expect(summary).toMatch(new RegExp(`^${field}: `, "m"));
    }
  });
});
