/**
 * snapshot.png and snapshot.svg (issue #17) over the demo's history (the fall of Syria's government,
 * Nov–Dec 2024), drawn by the real server without a browser: the PNG is a PNG of the asked size whose
 * pixels hold the holders' colours in proportion to what they hold; the dark theme is dark; the SVG is
 * read by a real XML parser (Python's ElementTree) and carries the stamp (also in Dutch, and as known
 * then) and snapshot.txt's text as its description; pictures are kept until a new report; bad input is
 * refused with the contract's error.
 */
import { execFileSync } from "node:child_process";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUtc } from "../../lib/format/time";
import { call, login, reportBody, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
const AT = "2024-12-07T12:00:00Z";
/** The demo's holders' colours (prisma/seed/reference.json) and places held at AT (snapshot.txt says so too). */
const HOLDERS = { government: "#D55E00", hts: "#009E73", sdf: "#F0E442", sna: "#56B4E9", "southern-rebels": "#0072B2" } as const;

async function image(path: string, type: string): Promise<{ bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.status, `${path}: ${bytes.toString().slice(0, 300)}`).toBe(200);
  expect(response.headers.get("content-type")).toBe(type);
  return { bytes, headers: response.headers };
}

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
/** Share of the picture's pixels within `tolerance` of `rgb` on every channel. */
function share(png: PNG, rgb: number[], tolerance = 4): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - rgb[0]!) <= tolerance && Math.abs(png.data[i + 1]! - rgb[1]!) <= tolerance && Math.abs(png.data[i + 2]! - rgb[2]!) <= tolerance)
      n++;
  }
  return n / (png.width * png.height);
}
/** A zone's colour as drawn: the holder's colour at the zone opacity over the situation's land (components/map/map-style.ts). */
const zoneColor = (color: string, land: string, opacity: number) => hex(color).map((c, i) => Math.round(opacity * c + (1 - opacity) * hex(land)[i]!));
function meanLuminance(png: PNG): number {
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) sum += 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!;
  return sum / (png.width * png.height);
}

const PARSE = String.raw`
import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
S = "{http://www.w3.org/2000/svg}"
texts = {}
for e in root.iter(S + "text"):
    if e.get("data-role"): texts[e.get("data-role")] = "".join(e.itertext())
legend = [[e.get("data-faction"), "".join(e.itertext())] for e in root.iter(S + "text") if e.get("data-faction")]
print(json.dumps({"width": root.get("width"), "height": root.get("height"), "viewBox": root.get("viewBox"),
  "title": getattr(root.find(S + "title"), "text", None), "desc": getattr(root.find(S + "desc"), "text", None), "texts": texts, "legend": legend,
  "arabic": [e.text for e in root.iter(S + "text") if e.get("data-label-ar")]}))
`;
interface SvgDoc {
  width: string;
  height: string;
  viewBox: string;
  title: string;
  desc: string;
  texts: Record<string, string>;
  legend: [string, string][];
  arabic: string[];
}
const parseSvg = (svg: Buffer): SvgDoc => JSON.parse(execFileSync("python3", ["-c", PARSE], { input: svg }).toString()) as SvgDoc;

beforeAll(async () => {
  server = await startServer({ env: { DEMO_DATA: "full" } });
});
afterAll(async () => server?.stop());

describe("GET …/snapshot.png", () => {
  it("draws the map at 1200×800: a real PNG of that size, the holders' colours in proportion, the stamp's legend counts those of snapshot.txt", async () => {
    const { bytes, headers } = await image(`/api/situations/syria/snapshot.png?at=${AT}`, "image/png");
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 800]);
    expect(headers.get("cache-control")).toBe("public, max-age=60");
    expect(headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(headers.get("cross-origin-resource-policy")).toBe("cross-origin");

    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1200, 800]);
    // Not blank: light ground, but far from one colour.
    expect(meanLuminance(png)).toBeGreaterThan(180);
    expect(share(png, hex("#f5f6f8"), 2)).toBeLessThan(0.5);
    // The zones: every holder of four places or more has its colour on the map; together they are the country.
    const zones = Object.fromEntries(Object.entries(HOLDERS).map(([slug, color]) => [slug, share(png, zoneColor(color, "#fbfaf7", 0.3))]));
    for (const [slug, part] of Object.entries(zones)) expect(part, slug).toBeGreaterThan(0.002);
    const total = Object.values(zones).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0.15);
    expect(total).toBeLessThan(0.7);
    // The government held the most places (24 of the demo's 59) and the most land; HTS (11) less.
    expect(Math.max(...Object.values(zones))).toBe(zones.government);
    expect(zones.government).toBeGreaterThan(zones.hts! * 3);
    // The dots and the legend's swatches: each holder's own colour, unblended.
    for (const [slug, color] of Object.entries(HOLDERS)) expect(share(png, hex(color), 3), slug).toBeGreaterThan(0.00005);
  });

  it("draws the dark theme dark, the same map", async () => {
    const png = PNG.sync.read((await image(`/api/situations/syria/snapshot.png?at=${AT}&theme=dark`, "image/png")).bytes);
    expect(meanLuminance(png)).toBeLessThan(70);
    // The Mediterranean at the left edge, below the legend, is the dark theme's water.
    const corner = (png.width * 520 + 6) * 4;
    expect([...png.data.subarray(corner, corner + 3)]).toEqual(hex("#0a121b"));
    expect(share(png, zoneColor(HOLDERS.government, "#222b37", 0.34))).toBeGreaterThan(0.03);
  });

  it("draws the charts too, and other sizes", async () => {
    const control = PNG.sync.read((await image(`/api/situations/syria/snapshot.png?view=control&at=${AT}&width=800&height=500`, "image/png")).bytes);
    expect([control.width, control.height]).toEqual([800, 500]);
    expect(share(control, hex(HOLDERS.government), 3)).toBeGreaterThan(0.0005);
    expect(share(control, hex(HOLDERS.hts), 3)).toBeGreaterThan(0.0003);
    const events = PNG.sync.read((await image(`/api/situations/syria/snapshot.png?view=events&at=${AT}&width=320&height=240`, "image/png")).bytes);
    expect([events.width, events.height]).toEqual([320, 240]);
    // Control changes, the most frequent type: Tol's light blue bars.
    expect(share(events, hex("#88CCEE"), 3)).toBeGreaterThan(0.002);
  });

  it("keeps a picture until a new report: the same ETag (304 when sent back), then a new one", async () => {
    const path = `/api/situations/syria/snapshot.png?at=${AT}&width=640&height=480`;
    const first = await image(path, "image/png");
    const again = await image(path, "image/png");
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const unchanged = await fetch(`${server.url}${path}`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");

    const editor = (await tokenFor(server.url, await login(server.url), "editor")).token;
    const posted = await call(server.url, "POST", "/api/reports", { token: editor, body: { ...reportBody(1), status: "published" } });
    expect(posted.status).toBe(201);
    const after = await image(path, "image/png");
    expect(after.headers.get("etag")).not.toBe(first.headers.get("etag"));
  });
});

describe("GET …/snapshot.svg", () => {
  it("is well-formed SVG with the stamp, the legend and snapshot.txt's text as its description", async () => {
    const { bytes, headers } = await image(`/api/situations/syria/snapshot.svg?at=${AT}`, "image/svg+xml; charset=utf-8");
    const doc = parseSvg(bytes);
    expect([doc.width, doc.height, doc.viewBox]).toEqual(["1200", "800", "0 0 1200 800"]);
    expect(doc.texts.stamp).toBe("As of 7 Dec 2024, 12:00 UTC");
    expect(doc.texts.heading).toBe("Syria");
    expect(doc.title).toBe("Syria: As of 7 Dec 2024, 12:00 UTC");
    expect(doc.texts.attribution).toBe("Situation Desk · borders: Natural Earth");
    const text = await (await fetch(`${server.url}/api/situations/syria/snapshot.txt?at=${AT}`)).text();
    expect(doc.desc).toBe(text.trim());
    // The legend's holders and counts are those of the text ("…: 24 places (…)"), biggest first.
    const counts = doc.legend.map(([slug]) => slug);
    expect(counts.slice(0, 2)).toEqual(["government", "hts"]);
    expect(text).toMatch(/: 24 places/);
    expect(doc.arabic).toContain("دمشق");
    expect(headers.get("etag")).toBeTruthy();
    // The v1 path is the default situation's.
    expect((await image(`/api/snapshot.svg?at=${AT}`, "image/svg+xml; charset=utf-8")).bytes.equals(bytes)).toBe(true);
  });

  it("draws now, to the minute, with the movements before the newest event (the demo's news is old)", async () => {
    const before = Date.now();
    const live = parseSvg((await image("/api/situations/syria/snapshot.svg", "image/svg+xml; charset=utf-8")).bytes);
    const minutes = new Set([before, Date.now()].map((at) => `As of ${formatUtc(Math.floor(at / 60_000) * 60_000, "en")}`));
    expect(minutes).toContain(live.texts.stamp);
    expect(live.texts.movements).toMatch(/^Arrows and strikes: the 3 days to \d+ Dec 2024$/);
  });

  it("speaks Dutch and says as known when, for the map and the charts", async () => {
    const dutch = parseSvg((await image(`/api/situations/syria/snapshot.svg?at=${AT}&lang=nl`, "image/svg+xml; charset=utf-8")).bytes);
    expect(dutch.texts.stamp).toBe("Stand op 7 dec 2024, 12:00 UTC");
    expect(dutch.texts.heading).toBe("Syrië");
    expect(dutch.texts.attribution).toBe("Situation Desk · grenzen: Natural Earth");
    const known = parseSvg(
      (await image(`/api/situations/syria/snapshot.svg?at=2024-12-05T12:00:00Z&known=2024-11-28T00:00:00Z&lang=nl`, "image/svg+xml; charset=utf-8")).bytes,
    );
    expect(known.texts.stamp).toBe("Stand op 5 dec 2024, 12:00 UTC, zoals bekend op 28 nov 2024, 00:00 UTC");
    const chart = parseSvg((await image(`/api/situations/syria/snapshot.svg?view=events&at=${AT}`, "image/svg+xml; charset=utf-8")).bytes);
    expect(chart.texts.heading).toBe("Syria · Events per day");
    expect(chart.texts.stamp).toBe("As of 7 Dec 2024, 12:00 UTC · the 30 days before");
  });
});

describe("the live map's first picture (frame=none)", () => {
  it("is the map alone at the box's size (a wall's, over the PNG's bound), framed as asked, with the framed snapshot's places", async () => {
    const path = `/api/situations/syria/snapshot.svg?frame=none&at=${AT}&width=3000&height=1500&theme=dark&padding=10,20,30,40&scale=1.5`;
    const doc = parseSvg((await image(path, "image/svg+xml; charset=utf-8")).bytes);
    // A wall's size (over the PNG's 2400), no heading, stamp, legend or credits: the page has those.
    expect([doc.width, doc.height]).toEqual(["3000", "1500"]);
    expect(doc.texts).toEqual({});
    expect(doc.legend).toEqual([]);
    expect(doc.title).toBeNull();
    expect(doc.arabic).toContain("دمشق");
    // The same places as the framed snapshot draws.
    const framed = (await image(`/api/situations/syria/snapshot.svg?at=${AT}`, "image/svg+xml; charset=utf-8")).bytes.toString();
    const bare = (await image(path, "image/svg+xml; charset=utf-8")).bytes.toString();
    const dots = (svg: string) => [...svg.matchAll(/data-place="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(dots(bare)).toEqual(dots(framed));
    // bounds frames another box: Damascus's dot moves.
    const damascus = (svg: string) =>
      svg
        .match(/<circle[^>]*cx="([\d.]+)" cy="([\d.]+)"[^>]*data-place="damascus"/)!
        .slice(1)
        .map(Number);
    const zoomed = (await image(`${path}&bounds=35.5,32.5,37.5,34.5`, "image/svg+xml; charset=utf-8")).bytes.toString();
    expect(damascus(zoomed)).not.toEqual(damascus(bare));
    // A narrow embed's map box (a 320 px frame): the map alone goes below the framed picture's 320 × 240.
    const narrow = parseSvg((await image(`/api/situations/syria/snapshot.svg?frame=none&at=${AT}&width=298&height=200`, "image/svg+xml; charset=utf-8")).bytes);
    expect([narrow.width, narrow.height]).toEqual(["298", "200"]);
  });

  it("refuses what it cannot draw, naming the parameter", async () => {
    for (const [query, path] of [
      ["frame=none&view=control", "frame"],
      ["padding=10", "padding"],
      ["frame=none&padding=10,20", "padding"],
      ["frame=none&padding=-1", "padding"],
      ["frame=none&bounds=40,33,36,36", "bounds"],
      ["frame=none&bounds=36,-89,40,36", "bounds"],
      ["frame=none&bounds=a,b,c,d", "bounds"],
      ["frame=none&scale=0.1", "scale"],
      ["frame=none&width=100", "width"],
      ["width=300&height=200", "width"],
      ["width=300&height=200", "height"],
      ["frame=full2", "frame"],
    ] as const) {
      const refused = await call(server.url, "GET", `/api/situations/syria/snapshot.svg?${query}`);
      expect(refused.status, query).toBe(400);
      expect(
        refused.body.error.details.map((d: { path: string }) => d.path),
        query,
      ).toContain(path);
    }
  });
});

describe("refusals", () => {
  it("answers bad input with the contract's error, naming the parameter; an unknown situation with 404", async () => {
    for (const [query, path] of [
      ["width=5000", "width"],
      ["width=4097", "width"],
      ["height=100", "height"],
      ["width=12.5", "width"],
      ["view=globe", "view"],
      ["theme=sepia", "theme"],
      ["at=yesterday", "at"],
      ["region=atlantis", "region"],
    ] as const) {
      for (const format of ["png", "svg"]) {
        const refused = await call(server.url, "GET", `/api/situations/syria/snapshot.${format}?${query}`);
        expect(refused.status, `${format} ${query}`).toBe(400);
        expect(refused.body.error.code).toBe("invalid_request");
        expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
    }
    expect((await call(server.url, "GET", "/api/situations/atlantis/snapshot.png")).status).toBe(404);
    // A PNG is rasterised in memory: 2400 px at most; an SVG goes to 4096 (a 4K wall's map).
    const png = await call(server.url, "GET", "/api/situations/syria/snapshot.png?width=3000&height=1500");
    expect(png.status).toBe(400);
    expect(png.body.error.details).toEqual([{ path: "width", message: "must be at most 2400 for a PNG" }]);
  });
});
