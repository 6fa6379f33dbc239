/** The demo scenario on a fresh database reproduces the article's state on 7 December 2024. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { DEMO_DATA: "full" } });
});
afterAll(async () => server?.stop());

const holders = async (query: string) => {
  const response = await call(server.url, "GET", `/api/control?${query}`);
  expect(response.status).toBe(200);
  return Object.fromEntries(response.body.places.map((p: { place: string }) => [p.place, p]));
};

describe("demo scenario", () => {
  it("loads the reference data", async () => {
    expect((await call(server.url, "GET", "/api/factions")).body).toHaveLength(13);
    expect((await call(server.url, "GET", "/api/regions")).body).toHaveLength(14);
    const places = (await call(server.url, "GET", "/api/places")).body;
    expect(places.find((p: { slug: string }) => p.slug === "as-suwayda")).toEqual({
      slug: "as-suwayda",
      name: "As-Suwayda",
      names: { en: "As-Suwayda", nl: "Sweida", ar: "السويداء" },
      kind: "city",
      lat: 32.709,
      lon: 36.566,
      region: "as-suwayda",
      baseline: { faction: "government", since: "2024-11-26T00:00:00.000Z" },
    });
    expect((await call(server.url, "GET", "/api/places?region=homs")).body.map((p: { slug: string }) => p.slug).sort()).toEqual([
      "al-tanf",
      "homs",
      "palmyra",
      "qusayr",
      "rastan",
      "talbiseh",
    ]);
  });

  it("shows the state of the article (7 Dec 2024, 13:17 CET)", async () => {
    const state = await holders("at=2024-12-07T12:17:00Z");
    expect(state.aleppo).toMatchObject({ faction: "hts", contested: false });
    expect(state.hama).toMatchObject({ faction: "hts" });
    expect(state["deir-ez-zor"]).toMatchObject({ faction: "sdf" });
    expect(state.daraa).toMatchObject({ faction: "southern-rebels" });
    expect(state["as-suwayda"]).toMatchObject({ faction: "southern-rebels" });
    expect(state.quneitra).toMatchObject({ faction: "southern-rebels" });
    expect(state.homs).toMatchObject({ faction: "government", contested: true, attacker: "hts" });
    expect(state.damascus).toMatchObject({ faction: "government", contested: false });
    expect(state["tel-rifaat"]).toMatchObject({ faction: "sna" });
  });

  it("shows Aleppo held by the government on 28 Nov and contested on 29 Nov", async () => {
    expect((await holders("at=2024-11-28T12:00:00Z")).aleppo).toMatchObject({ faction: "government", contested: false });
    expect((await holders("at=2024-11-29T18:00:00Z")).aleppo).toMatchObject({ faction: "government", contested: true, attacker: "hts" });
  });

  it("filters control by region and answers 'what we knew then'", async () => {
    const homs = await call(server.url, "GET", "/api/control?at=2024-12-07T12:00:00Z&region=homs");
    expect(homs.body.places.map((p: { place: string }) => p.place).sort()).toEqual(["al-tanf", "homs", "palmyra", "qusayr", "rastan", "talbiseh"]);
    // Hama fell at 13:00 on 5 Dec, published at 14:00: at 13:30 the desk did not know yet.
    expect((await holders("at=2024-12-05T13:30:00Z&known=2024-12-05T13:30:00Z")).hama.faction).toBe("government");
    expect((await holders("at=2024-12-05T13:30:00Z&known=2024-12-05T14:00:00Z")).hama.faction).toBe("hts");
  });

  it("stops counting a retracted report's events", async () => {
    const token = await login(server.url);
    const posted = await call(server.url, "POST", "/api/reports", {
      token,
      body: {
        title: "Damascus falls",
        sources: [{ name: "Rumour" }],
        events: [{ type: "control_change", occurredAt: "2024-12-07T11:30:00Z", confidence: "claimed", faction: "hts", place: "damascus" }],
      },
    });
    expect((await holders("at=2024-12-07T12:00:00Z")).damascus.faction).toBe("hts");
    await call(server.url, "POST", `/api/reports/${posted.body.id}/retract`, { token, body: { reason: "Unverified rumour" } });
    expect((await holders("at=2024-12-07T12:00:00Z")).damascus.faction).toBe("government");
    const report = await call(server.url, "GET", `/api/reports/${posted.body.id}`);
    expect(report.body).toMatchObject({ status: "retracted", retractionReason: "Unverified rumour" });
    expect(report.body.revisions).toHaveLength(1);
  });

  it("feeds the 16 demo reports in publication order", async () => {
    const feed = await call(server.url, "GET", "/api/feed?after=0&limit=16");
    expect(feed.body.entries.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const times = feed.body.entries.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(feed.body.entries[0].report.title).toBe("HTS-led rebels launch offensive toward Aleppo");
  });

  it.skipIf(Boolean(process.env.TEST_POSTGRES_URL))("commits durably: SQLite runs with synchronous=FULL", () => {
    const loaded = server.logs
      .map((line) => {
        try {
          return JSON.parse(line);
        } catch {
          return null;
        }
      })
      .find((r) => r?.msg === "data loaded");
    expect(loaded?.synchronous).toBe("2");
  });
});
