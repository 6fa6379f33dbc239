import { execFileSync } from "node:child_process";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { Place } from "../schemas/reference";
import { mapPictureSvg } from "./map-picture";
import { MAP_PICTURE_BOOT_SCRIPT, mapPicturePrefix, mapPictureSrc } from "./map-picture-url";

/** Python's ElementTree reads the picture: its size, its texts, and where each place's dot is. */
const PARSE = String.raw`
import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
S = "{http://www.w3.org/2000/svg}"
print(json.dumps({
  "width": root.get("width"), "height": root.get("height"),
  "texts": ["".join(e.itertext()) for e in root.iter(S + "text")],
  "dots": {c.get("data-place"): [float(c.get("cx")), float(c.get("cy"))] for c in root.iter(S + "circle") if c.get("data-place")},
}))
`;
const parse = (svg: string) =>
  JSON.parse(execFileSync("python3", ["-c", PARSE], { input: svg }).toString()) as {
    width: string;
    height: string;
    texts: string[];
    dots: Record<string, [number, number]>;
  };

const place = (slug: string, kind: Place["kind"], lon: number, lat: number): Place => ({ slug, name: slug, names: { en: slug }, kind, lon, lat, region: "r" });
/** Two towns on the corners of the box the map is framed on, one city in the middle; all held (unheld places are not drawn). */
const data = {
  bounds: [
    [36, 33],
    [40, 36],
  ] as [[number, number], [number, number]],
  places: [place("sw", "town", 36, 33), place("ne", "town", 40, 36), place("mid", "city", 38, 34.5)],
  control: ["sw", "ne", "mid"].map((slug) => ({ place: slug, faction: "hts", since: "2024-12-01T00:00:00Z", contested: false })),
  recent: [],
  factions: [{ slug: "hts", name: "HTS", color: "#009e73" }],
  placeName: (slug: string) => `Name of ${slug}`,
};

describe("the map's first picture", () => {
  it("frames the box as MapLibre's fitBounds does with the same padding: its corners on the padded edges", () => {
    // 1000 × 600 with padding 40/16/16/230 (the dashboard's): the box is 4° wide and ~3.6° tall in Mercator,
    // so the height decides; the box is centred across.
    const padding = { top: 40, right: 16, bottom: 16, left: 230 };
    const { dots, width, height } = parse(mapPictureSvg(data, { width: 1000, height: 600, scale: 1, theme: "dark", padding }));
    expect([width, height]).toEqual(["1000", "600"]);
    expect(dots.ne![1]).toBeCloseTo(40, 0);
    expect(dots.sw![1]).toBeCloseTo(600 - 16, 0);
    const centreX = (dots.sw![0] + dots.ne![0]) / 2;
    expect(centreX).toBeCloseTo(230 + (1000 - 230 - 16) / 2, 0);
    // Web Mercator: the box's width over its height, in pixels, is its projected aspect.
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const aspect = ((40 - 36) * Math.PI) / 180 / (merc(36) - merc(33));
    expect((dots.ne![0] - dots.sw![0]) / (dots.sw![1] - dots.ne![1])).toBeCloseTo(aspect, 2);
  });

  it("draws no legend: the page has its own", () => {
    const { texts } = parse(mapPictureSvg(data, { width: 800, height: 500, scale: 1, theme: "light", padding: 16 }));
    expect(texts).toContain("Name of mid");
    expect(texts.some((t) => /HTS|Contested|Strike/.test(t))).toBe(false);
  });
});

describe("the first picture's URL", () => {
  it("has a fixed part for the page (moment, framing, feed position) and the box's theme, size and scale", () => {
    const prefix = mapPicturePrefix({
      slug: "syria",
      lang: "nl",
      at: Date.parse("2024-12-01T12:00:00Z"),
      fit: { bounds: data.bounds, padding: { top: 24, right: 24, bottom: 24, left: 24 } },
      seq: 16,
    });
    expect(prefix).toBe(
      "/api/situations/syria/snapshot.svg?frame=none&lang=nl&at=2024-12-01T12%3A00%3A00.000Z&bounds=36%2C33%2C40%2C36&padding=24%2C24%2C24%2C24&v=16",
    );
    expect(mapPictureSrc(prefix, "dark", 952, 536)).toBe(`${prefix}&theme=dark&width=952&height=536`);
    expect(mapPictureSrc(prefix, "light", 952, 536, 0.7499)).toBe(`${prefix}&theme=light&width=952&height=536&scale=0.75`);
    // Within what the endpoint draws: sizes 120–4096 (a narrow embed's map is under 320), scale 0.5–4.
    expect(mapPictureSrc(prefix, "dark", 298, 240)).toBe(`${prefix}&theme=dark&width=298&height=240`);
    expect(mapPictureSrc(prefix, "dark", 100, 536)).toBeNull();
    expect(mapPictureSrc(prefix, "dark", 952, 5000)).toBeNull();
    expect(mapPictureSrc(prefix, "dark", 952, 536, 9)).toBe(`${prefix}&theme=dark&width=952&height=536&scale=4`);
  });

  it("is built alike by the boot script, which runs before the page's JavaScript", () => {
    // The boot script against a stand-in document: one picture in a 952 × 536 box on a wall whose type is 15 px.
    const image = {
      dataset: { mapPicture: "/p?frame=none", mapPictureFont: "20" } as Record<string, string>,
      parentElement: { clientWidth: 952.4, clientHeight: 536 },
      src: "",
    };
    const document = {
      readyState: "complete",
      documentElement: { dataset: { theme: "light" } },
      querySelectorAll: () => [image],
    };
    const getComputedStyle = () => ({ fontSize: "15px" });
    const matchMedia = () => ({ matches: true });
    runInNewContext(MAP_PICTURE_BOOT_SCRIPT, { document, getComputedStyle, matchMedia });
    expect(image.src).toBe(mapPictureSrc("/p?frame=none", "light", 952, 536, 15 / 20));
  });

  it("while the page is parsed: asks once the parser has passed the picture and the stylesheets have loaded, else at DOMContentLoaded", () => {
    const boot = (stylesheetLoaded: boolean) => {
      const image = {
        dataset: { mapPicture: "/p?frame=none" } as Record<string, string>,
        parentElement: { clientWidth: 800, clientHeight: 500 },
        src: "",
        // The script the parser has reached follows the picture (Node.DOCUMENT_POSITION_FOLLOWING).
        compareDocumentPosition: () => 4,
      };
      const listeners: (() => void)[] = [];
      let observed: (() => void) | undefined;
      const document = {
        readyState: "loading",
        documentElement: { dataset: { theme: "dark" } },
        querySelector: () => image,
        querySelectorAll: (selector: string) =>
          selector.startsWith("img")
            ? [image]
            : selector === "body script"
              ? [{}]
              : selector.startsWith("link")
                ? [{ sheet: stylesheetLoaded ? {} : null }]
                : [],
        addEventListener: (_: string, listener: () => void) => listeners.push(listener),
      };
      class MutationObserver {
        constructor(callback: () => void) {
          observed = callback;
        }
        observe() {}
        disconnect() {}
      }
      runInNewContext(MAP_PICTURE_BOOT_SCRIPT, {
        document,
        getComputedStyle: () => ({ fontSize: "16px" }),
        matchMedia: () => ({ matches: false }),
        MutationObserver,
      });
      expect(image.src).toBe("");
      observed!();
      return { image, contentLoaded: () => listeners.forEach((listener) => listener()) };
    };
    const expected = mapPictureSrc("/p?frame=none", "dark", 800, 500);
    const early = boot(true);
    expect(early.image.src).toBe(expected);
    early.contentLoaded();
    expect(early.image.src).toBe(expected);
    const late = boot(false);
    expect(late.image.src).toBe("");
    late.contentLoaded();
    expect(late.image.src).toBe(expected);
  });
});
