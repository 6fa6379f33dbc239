import { describe, expect, it } from "vitest";
import { parseWallParams, WALL_DEFAULT_PANELS } from "./wall";

const known = { regions: ["aleppo", "homs"], factions: ["hts", "government", "sna"], fallbackLocale: "en" as const };

describe("parseWallParams", () => {
  it("gives a dark, unfiltered, non-rotating wall without parameters", () => {
    const { config, ignored } = parseWallParams({}, known);
    expect(ignored).toEqual([]);
    expect(config).toMatchObject({
      region: null,
      factions: null,
      panels: WALL_DEFAULT_PANELS,
      views: ["country"],
      rotateMs: 0,
      theme: "dark",
      locale: "en",
      token: null,
    });
    expect(config.breakingMs).toBe(60_000);
    expect(config.staleAfterMs).toBe(30 * 60_000);
    expect(config.reloadAfterMs).toBe(10 * 60_000);
  });

  it("reads every parameter", () => {
    const { config, ignored } = parseWallParams(
      {
        region: "aleppo",
        factions: "hts,sna",
        panels: "map,ticker,distance",
        rotate: "30",
        views: "routes,region",
        breaking: "20",
        stale: "5",
        reload: "2",
        lang: "nl",
        theme: "light",
        token: "abc",
      },
      known,
    );
    expect(ignored).toEqual([]);
    expect(config).toEqual({
      region: "aleppo",
      factions: ["hts", "sna"],
      panels: ["map", "ticker", "distance"],
      views: ["routes", "region"],
      rotateMs: 30_000,
      breakingMs: 20_000,
      staleAfterMs: 5 * 60_000,
      reloadAfterMs: 2 * 60_000,
      locale: "nl",
      theme: "light",
      token: "abc",
    });
  });

  it("rotates through the region, the country and the routes by default when a region is set", () => {
    expect(parseWallParams({ region: "homs", rotate: "60" }, known).config.views).toEqual(["region", "country", "routes"]);
    expect(parseWallParams({ rotate: "60" }, known).config.views).toEqual(["country", "routes"]);
    expect(parseWallParams({ region: "homs" }, known).config.views).toEqual(["region"]);
  });

  it("ignores each bad value on its own, says why, and keeps the default", () => {
    const { config, ignored } = parseWallParams(
      { region: "atlantis", factions: "hts,martians", panels: "map,radar", rotate: "3", stale: "-1", lang: "fr", theme: "pink", breaking: "x" },
      known,
    );
    expect(config).toMatchObject({
      region: null,
      factions: null,
      panels: WALL_DEFAULT_PANELS,
      rotateMs: 0,
      staleAfterMs: 30 * 60_000,
      locale: "en",
      theme: "dark",
      breakingMs: 60_000,
    });
    expect(ignored.map((i) => i.param)).toEqual(["region", "factions", "panels", "rotate", "breaking", "stale", "lang", "theme"]);
    expect(ignored.map((i) => i.reason)).toEqual([
      { kind: "unknown", what: "region", item: "atlantis" },
      { kind: "unknown", what: "faction", item: "martians" },
      { kind: "unknown", what: "panel", item: "radar" },
      { kind: "zeroOrRange", min: 10, max: 3600 },
      { kind: "range", min: 5, max: 3600 },
      { kind: "range", min: 1, max: 10080 },
      { kind: "oneOf", options: "en, nl" },
      { kind: "oneOf", options: "dark, light" },
    ]);
    expect(parseWallParams({ factions: " , " }, known).ignored).toEqual([{ param: "factions", value: " , ", reason: { kind: "emptyList", what: "faction" } }]);
  });

  it("drops the region view when no region is chosen", () => {
    const { config, ignored } = parseWallParams({ views: "region,routes", rotate: "60" }, known);
    expect(config.views).toEqual(["routes"]);
    expect(config.rotateMs).toBe(0); // one view left: nothing to rotate
    expect(ignored).toEqual([{ param: "views", value: "region", reason: { kind: "needsRegion" } }]);
  });
});
