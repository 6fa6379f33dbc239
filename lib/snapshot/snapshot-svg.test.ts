import { execFileSync } from "node:child_process";
import { createTranslator } from "next-intl";
import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nl from "../../messages/nl.json";
import type { Translate } from "../format/describe-event";
import type { ListedEvent } from "../schemas/event-query";
import type { Place } from "../schemas/reference";
import { snapshotSvg, type SnapshotSvgInput } from "./snapshot-svg";

const translate = (locale: "en" | "nl"): Translate => {
  const t = createTranslator({ locale, messages: locale === "nl" ? nl : en });
  return (key, values) => t(key as never, values as never);
};

/** Python's ElementTree reads the document (a real XML parser: any escaping slip fails here) and lists what it holds. */
const PARSE = String.raw`
import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
S = "{http://www.w3.org/2000/svg}"
texts = [{"text": "".join(e.itertext()), "role": e.get("data-role"), "faction": e.get("data-faction"), "label": e.get("data-label"), "ar": e.get("data-label-ar")} for e in root.iter(S + "text")]
print(json.dumps({
  "tag": root.tag, "width": root.get("width"), "height": root.get("height"), "viewBox": root.get("viewBox"),
  "title": root.find(S + "title").text, "desc": root.find(S + "desc").text, "texts": texts,
  "circles": [{"place": c.get("data-place"), "fill": c.get("fill")} for c in root.iter(S + "circle") if c.get("data-place")],
  "paths": [{"fill": p.get("fill"), "d": p.get("d"), "event": p.get("data-event"), "series": p.get("data-series")} for p in root.iter(S + "path")],
  "rects": [r.get("data-series") for r in root.iter(S + "rect") if r.get("data-series")],
}))
`;
interface Parsed {
  tag: string;
  width: string;
  height: string;
  viewBox: string;
  title: string;
  desc: string;
  texts: { text: string; role: string | null; faction: string | null; label: string | null; ar: string | null }[];
  circles: { place: string; fill: string }[];
  paths: { fill: string | null; d: string | null; event: string | null; series: string | null }[];
  rects: string[];
}
const parse = (svg: string): Parsed => JSON.parse(execFileSync("python3", ["-c", PARSE], { input: svg }).toString()) as Parsed;

const place = (slug: string, name: string, kind: Place["kind"], lon: number, lat: number, ar?: string): Place => ({
  slug,
  name,
  names: { en: name, ...(ar ? { ar } : {}) },
  kind,
  lon,
  lat,
  region: kind === "abroad" ? null : "r",
});
const places = [
  place("damascus", "Damascus", "capital", 36.3, 33.5, "دمشق"),
  place("homs", "Homs", "city", 36.7, 34.7, "حمص"),
  place("tal", `Tal <&"> Abyad`, "city", 38.9, 36.7),
  place("rastan", "Rastan", "town", 36.68, 34.93),
  place("moscow", "Moscow", "abroad", 37.6, 55.7),
];
const since = "2024-12-01T00:00:00Z";
/** A square cell around a point, its outer ring counter-clockwise (RFC 7946, as turf writes them). */
const cell = (slug: string, lon: number, lat: number) => ({
  type: "Feature" as const,
  properties: { place: slug },
  geometry: {
    type: "Polygon" as const,
    coordinates: [
      [
        [lon - 0.3, lat - 0.3],
        [lon + 0.3, lat - 0.3],
        [lon + 0.3, lat + 0.3],
        [lon - 0.3, lat + 0.3],
        [lon - 0.3, lat - 0.3],
      ],
    ],
  },
});
const zones: FeatureCollection = { type: "FeatureCollection", features: places.filter((p) => p.kind !== "abroad").map((p) => cell(p.slug, p.lon, p.lat)) };
const basemap: FeatureCollection = {
  type: "FeatureCollection",
  features: [{ ...cell("syria", 38.5, 35), properties: { name: "Syria", focus: true }, geometry: { ...cell("x", 38.5, 35).geometry } }],
};
const report = { id: "r1", title: "t", status: "published" as const, key: false, sources: [] };
const recent = [
  {
    id: "e1",
    type: "advance",
    occurredAt: "2024-12-07T10:00:00Z",
    confidence: "reported",
    faction: "hts",
    toward: "homs",
    from: "rastan",
    distanceKm: 12,
    place: { slug: "homs", region: "r" },
    report,
  },
  {
    id: "e2",
    type: "strike",
    occurredAt: "2024-12-07T09:00:00Z",
    confidence: "claimed",
    faction: "government",
    place: { slug: "rastan", region: "r" },
    report,
  },
] as unknown as ListedEvent[];
const factions = [
  { slug: "government", name: `Government <&"> forces`, color: "#d55e00" },
  { slug: "hts", name: "HTS", color: "#009e73" },
  { slug: "sdf", name: "SDF", color: "#f0e442" },
];

function mapInput(overrides: Partial<SnapshotSvgInput> = {}, lang: "en" | "nl" = "en"): SnapshotSvgInput {
  const names = new Map(places.map((p) => [p.slug, p.name]));
  return {
    width: 1200,
    height: 800,
    theme: "light",
    lang,
    situation: "Syria",
    at: "2024-12-07T12:00:00Z",
    desc: `Syria: who holds what on 7 Dec 2024, 12:00 UTC.\nGovernment <&"> forces: 2 places.`,
    t: translate(lang),
    view: "map",
    movementDays: 3,
    gazetteer: false,
    map: {
      bounds: [
        [35.7, 32.3],
        [42.4, 37.3],
      ],
      basemap,
      zones,
      places,
      control: [
        { place: "damascus", faction: "government", since, contested: false },
        { place: "homs", faction: "government", since, contested: true, attacker: "hts" },
        { place: "rastan", faction: "hts", since, contested: false },
        { place: "tal", faction: "sdf", since, contested: false },
      ],
      recent,
      factions,
      placeName: (slug) => names.get(slug) ?? slug,
    },
    ...overrides,
  } as SnapshotSvgInput;
}

describe("snapshotSvg: the map", () => {
  const svg = snapshotSvg(mapInput());
  const doc = parse(svg);

  it("is a well-formed SVG document of the asked size, with a title and the text alternative as its desc", () => {
    expect(doc.tag).toBe("{http://www.w3.org/2000/svg}svg");
    expect([doc.width, doc.height, doc.viewBox]).toEqual(["1200", "800", "0 0 1200 800"]);
    expect(doc.title).toBe("Syria: As of 7 Dec 2024, 12:00 UTC");
    expect(doc.desc).toBe(`Syria: who holds what on 7 Dec 2024, 12:00 UTC.\nGovernment <&"> forces: 2 places.`);
    expect(svg).toContain('font-family="&apos;Noto Sans&apos;, &apos;Noto Sans Arabic&apos;, sans-serif"');
  });

  it('escapes names: the parser reads them back as written, and no raw `<&"` is left in the markup', () => {
    expect(doc.texts.find((t) => t.faction === "government")?.text).toBe(`Government <&"> forces`);
    expect(doc.texts.find((t) => t.label === "tal")?.text).toBe(`Tal <&"> Abyad`);
    expect(svg).not.toContain(`<&"`);
    expect(svg).toContain("Tal &lt;&amp;&quot;&gt; Abyad");
  });

  it("draws the stamp, the heading, the legend with each holder's count (biggest first) and the attribution", () => {
    expect(doc.texts.find((t) => t.role === "heading")?.text).toBe("Syria");
    expect(doc.texts.find((t) => t.role === "stamp")?.text).toBe("As of 7 Dec 2024, 12:00 UTC");
    const legend = doc.texts.filter((t) => t.faction).map((t) => t.faction);
    expect(legend).toEqual(["government", "hts", "sdf"]);
    const all = doc.texts.map((t) => t.text);
    expect(all).toEqual(expect.arrayContaining(["2", "1", "Contested", "Strike"]));
    expect(doc.texts.find((t) => t.role === "attribution")?.text).toBe("Situation Desk · borders: Natural Earth");
  });

  it("keeps Arabic text: the capital's and cities' Arabic names under their names", () => {
    expect(doc.texts.find((t) => t.ar === "damascus")?.text).toBe("دمشق");
    expect(doc.texts.find((t) => t.ar === "homs")?.text).toBe("حمص");
    expect(doc.texts.find((t) => t.label === "damascus")?.text).toBe("Damascus");
  });

  it("draws the scene: dots in their holders' colours, zones, the advance and the strike", () => {
    expect(doc.circles).toEqual(
      expect.arrayContaining([
        { place: "damascus", fill: "#d55e00" },
        { place: "rastan", fill: "#009e73" },
        { place: "tal", fill: "#f0e442" },
      ]),
    );
    expect(doc.paths.find((p) => p.event === "e1")).toBeDefined();
    expect(svg).toContain('r="14" fill="none" stroke="#d55e00"');
    // A counter-clockwise zone is its own square, not the world around it: its path stays within the canvas.
    const zone = doc.paths.find((p) => p.fill === "#009e73" && !p.event)!;
    const numbers = zone.d!.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(1200);
  });

  it("says as known when, in Dutch, and in the dark theme's colours", () => {
    const dutch = parse(snapshotSvg(mapInput({ known: "2024-11-28T00:00:00Z", theme: "dark" }, "nl")));
    expect(dutch.texts.find((t) => t.role === "stamp")?.text).toBe("Stand op 7 dec 2024, 12:00 UTC, zoals bekend op 28 nov 2024, 00:00 UTC");
    expect(dutch.texts.find((t) => t.role === "attribution")?.text).toBe("Situation Desk · grenzen: Natural Earth");
    expect(snapshotSvg(mapInput({ theme: "dark" }))).toContain('fill="#0a121b"');
  });

  it("says when the movements end when that is well before the moment (now, and no news since)", () => {
    const stale = parse(snapshotSvg({ ...mapInput(), at: "2026-12-02T10:00:00Z", movementsUntil: "2024-12-08T06:00:00Z" } as SnapshotSvgInput));
    expect(stale.texts.find((t) => t.role === "movements")?.text).toBe("Arrows and strikes: the 3 days to 8 Dec 2024");
    expect(doc.texts.find((t) => t.role === "movements")?.text).toBe("Arrows and strikes: the 3 days before");
  });

  it("fits a phone's canvas: still well-formed, the stamp still drawn", () => {
    const small = parse(snapshotSvg(mapInput({ width: 320, height: 240 })));
    expect(small.viewBox).toBe("0 0 320 240");
    expect(small.texts.find((t) => t.role === "stamp")?.text).toMatch(/^As of 7 Dec/);
    expect(small.texts.some((t) => t.faction === "government")).toBe(true);
  });
});

describe("snapshotSvg: the charts", () => {
  const series = (counts: (day: number) => Record<string, number>) =>
    Array.from({ length: 30 }, (_, day) => ({ t: new Date(Date.UTC(2024, 10, 8 + day)).toISOString(), counts: counts(day) }));
  const chartInput = (view: "control" | "events"): SnapshotSvgInput => {
    const common = { from: Date.UTC(2024, 10, 8), to: Date.parse("2024-12-07T12:00:00Z"), bucketMs: 86_400_000, lang: "en" as const };
    return {
      ...mapInput(),
      view,
      windowDays: 30,
      chart:
        view === "control"
          ? { kind: "control", factions, series: series((day) => ({ government: 40 - day, hts: 5 + day, sdf: 0 })), ...common }
          : {
              kind: "events",
              types: [
                { type: "control_change", label: "Control changes" },
                { type: "strike", label: "Strikes" },
              ],
              series: series((day) => ({ control_change: day % 3, strike: day % 2 })),
              ...common,
            },
    };
  };

  it("draws places held per faction: a line per faction that held anything, the legend with the counts at the moment", () => {
    const doc = parse(snapshotSvg(chartInput("control")));
    expect(doc.texts.find((t) => t.role === "heading")?.text).toBe("Syria · Places held per faction");
    expect(doc.texts.find((t) => t.role === "stamp")?.text).toBe("As of 7 Dec 2024, 12:00 UTC · the 30 days before");
    expect(doc.paths.filter((p) => p.series).map((p) => p.series)).toEqual(expect.arrayContaining(["government", "hts"]));
    expect(doc.paths.some((p) => p.series === "sdf")).toBe(false);
    expect(doc.texts.map((t) => t.text)).toEqual(expect.arrayContaining(["34", 'Government <&"> forces']));
  });

  it("draws events per day as stacked bars by type, with each type's total over the window", () => {
    const doc = parse(snapshotSvg(chartInput("events")));
    expect(doc.texts.find((t) => t.role === "heading")?.text).toBe("Syria · Events per day");
    expect(new Set(doc.rects)).toEqual(new Set(["control_change", "strike"]));
    // 0+1+2+0+1+2… over 30 days = 30; strikes every other day = 15.
    expect(doc.texts.map((t) => t.text)).toEqual(expect.arrayContaining(["30", "15"]));
  });
});
