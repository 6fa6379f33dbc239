/**
 * The pages' bounded view of the history (issue #14): GET /api/timeline equals what the browser used to
 * derive from every event (the time axis of their times, the control series folded on it, events per
 * day, the distances), exactly, through corrections and retractions and a gap that breaks the axis;
 * `region` scopes it. Then a history of 15,000 events posted through the API: the dashboard, the wall,
 * the desk, the embeds and the snapshots ship well under 1 MB (the pages shipped every event before:
 * ~7 MB at this size).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlChanges, controlSeries, controlSeriesOnAxis, eventCountSeries } from "../../lib/dashboard/series";
import { packTimeline, unpackTimeline } from "../../lib/dashboard/packed-timeline";
import { timeAxis } from "../../lib/dashboard/time-axis";
import type { ListedEvent } from "../../lib/schemas/event-query";
import type { Place } from "../../lib/schemas/reference";
import type { Timeline } from "../../lib/schemas/timeline";
import { call, login, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let editor: string;

const ev = (type: string, occurredAt: string, faction: string, fields: Record<string, unknown>) => ({
  type,
  occurredAt,
  confidence: "reported",
  faction,
  ...fields,
});
const post = async (title: string, events: unknown[]) => {
  const response = await call(server.url, "POST", "/api/reports", {
    token: editor,
    body: { title, body: "Timeline test.", sources: [{ name: "Wire" }], events },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
};

async function allEvents(query = ""): Promise<ListedEvent[]> {
  const events: ListedEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(server.url, "GET", `/api/events?limit=1000${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    events.push(...page.body.events);
    cursor = page.body.next;
  } while (cursor);
  return events;
}

// Whole days come from the tallies (EventCount, EventSpan for a region through other places), part days and q from the events: each
// must equal counting the listed events, through the retraction and the correction below (read before them too: the statistics
// thread keeps the tallies it has read until a day's TallyVersion moves).
const COUNT_FILTERS = [
  "",
  "type=control_change",
  "faction=hts,russia&confidence=reported,claimed",
  "from=2024-12-06T00:00:00Z",
  "to=2024-12-06T23:59:59.999Z",
  "to=2024-12-06T23:59:59.998Z",
  "from=2024-12-06T09:00:00Z&to=2024-12-07T12:00:00Z",
  "from=2024-12-06T09:00:00Z&to=2024-12-06T19:00:00Z",
  "from=2024-12-05T15:00:00.001Z&type=control_change,strike",
  "region=homs",
  // A region through an event's other places (its main place elsewhere), once for several regions.
  "region=hama",
  "region=homs,hama,idlib",
  "region=daraa",
  "region=idlib&from=2024-11-15T00:00:00Z&to=2025-02-01T00:00:00Z",
  "region=hama,aleppo&from=2024-12-03T09:00:00Z&type=withdrawal,advance",
  "q=Homs",
  // Whole months from their sums, the days around them, the part days.
  "from=2024-11-15T00:00:00Z&to=2025-02-01T00:00:00Z",
  "from=2024-12-01T00:00:00Z&to=2025-01-31T23:59:59.999Z&confidence=reported",
  "to=2025-01-20T08:30:00Z",
  "from=2024-12-02T10:00:00Z&type=control_change,advance",
  // More than half of each end day in the range: the whole day from the tally, the rest of it taken away.
  "from=2024-12-04T09:00:00Z&to=2024-12-06T18:30:00Z",
  "from=2024-12-02T07:00:00Z&to=2024-12-06T13:00:00Z&region=hama,homs",
];

/** What the dashboard computed in the browser from every published event before issue #14. */
async function expectedTimeline(region: string | null) {
  const places = (await call<Place[]>(server.url, "GET", "/api/places")).body;
  const events = await allEvents();
  const baseline = places.flatMap((p) => (p.baseline ? [{ place: p.slug, faction: p.baseline.faction, since: Date.parse(p.baseline.since) }] : []));
  const axis = timeAxis([...baseline.map((b) => b.since), ...events.map((e) => Date.parse(e.occurredAt))], 0);
  const inRegion = (e: ListedEvent) => !region || e.place.region === region;
  const regionOf = new Map(places.map((p) => [p.slug, p.region]));
  const scopedBaseline = baseline.filter((b) => !region || regionOf.get(b.place) === region);
  const perDay = eventCountSeries(events.filter(inRegion), axis.start, axis.end, "day").filter((row) => Object.values(row.counts).some((n) => n > 0));
  return {
    axis,
    control: controlSeriesOnAxis(scopedBaseline, controlChanges(events.filter(inRegion)), axis),
    days: perDay.map((row) => ({ day: row.t.slice(0, 10), counts: Object.fromEntries(Object.entries(row.counts).filter(([, n]) => n > 0)) })),
    edges: dayEdges(events),
    distances: events
      .filter((e) => e.type === "advance" && e.distanceKm !== undefined && inRegion(e))
      .map((e) => (e.type === "advance" ? [e.toward, e.distanceKm] : [])),
  };
}

/** Each UTC day's earliest and latest event, oldest day first. */
function dayEdges(events: readonly ListedEvent[]) {
  const days = new Map<string, { day: string; first: string; last: string }>();
  for (const event of events) {
    const at = new Date(event.occurredAt).toISOString();
    const day = days.get(at.slice(0, 10)) ?? { day: at.slice(0, 10), first: at, last: at };
    if (at < day.first) day.first = at;
    if (at > day.last) day.last = at;
    days.set(day.day, day);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

beforeAll(async () => {
  server = await startServer();
  editor = (await tokenFor(server.url, await login(server.url), "editor")).token;
  await post("Homs falls", [
    ev("control_change", "2024-12-07T12:00:00Z", "hts", { place: "homs" }),
    ev("control_change", "2024-12-06T10:00:00Z", "hts", { place: "rastan" }),
  ]);
  await post("Hama", [
    ev("control_change", "2024-12-05T15:00:00Z", "hts", { place: "hama" }),
    ev("advance", "2024-12-06T08:00:00Z", "hts", { toward: "homs", from: "hama", distanceKm: 20 }),
  ]);
  await post("Strike", [ev("strike", "2024-12-02T09:00:00Z", "russia", { place: "idlib" })]);
  // Other confidences, one on the last millisecond of a day (the counts' whole days end there).
  await post("Claims", [
    { ...ev("strike", "2024-12-07T06:00:00Z", "russia", { place: "homs" }), confidence: "claimed" },
    { ...ev("strike", "2024-12-06T23:59:59.999Z", "government", { place: "hama" }), confidence: "confirmed" },
  ]);
  // A month later, after a quiet spell: the axis breaks.
  await post("January", [
    ev("advance", "2025-01-20T08:00:00Z", "hts", { toward: "damascus", distanceKm: 12 }),
    ev("control_change", "2025-01-20T09:00:00Z", "government", { place: "rastan" }),
  ]);
  // Events with places in several regions (a region filter counts them once, from any of their places):
  // a withdrawal from Aleppo and Idlib to Hama (drawn at Aleppo), kept; an advance from Daraa on
  // Damascus, retracted below.
  await post("Withdrawal north", [ev("withdrawal", "2024-12-03T10:00:00Z", "government", { from: ["aleppo", "idlib"], to: "hama" })]);
  const retractedSpan = await post("Daraa push", [
    ev("advance", "2024-12-04T08:00:00Z", "southern-rebels", { toward: "damascus", from: "daraa", distanceKm: 30 }),
  ]);
  const retracted = await post("Qusayr", [ev("control_change", "2024-12-06T00:00:00Z", "hezbollah", { place: "qusayr" })]);
  const corrected = await post("Daraa", [ev("control_change", "2024-12-06T18:00:00Z", "southern-rebels", { place: "daraa" })]);
  // Corrected below into a report without any control change: the control index must drop its change.
  const noLongerControl = await post("Saraqib", [ev("control_change", "2024-12-05T10:00:00Z", "hts", { place: "saraqib" })]);
  // The timeline is read (and cached) before the retraction and the corrections: they must show.
  expect((await call(server.url, "GET", "/api/timeline")).status).toBe(200);
  for (const filter of COUNT_FILTERS) expect((await call(server.url, "GET", `/api/stats/counts?${filter}`)).status).toBe(200);
  for (const id of [retracted, retractedSpan]) {
    expect((await call(server.url, "POST", `/api/reports/${id}/retract`, { token: editor, body: { reason: "Not confirmed." } })).status).toBe(200);
  }
  const current = await call(server.url, "GET", `/api/reports/${corrected}`, { token: editor });
  const patch = await call(server.url, "PATCH", `/api/reports/${corrected}`, {
    token: editor,
    body: {
      version: current.body.version,
      reason: "It was Izra.",
      events: [ev("control_change", "2024-12-06T19:00:00Z", "southern-rebels", { place: "izra" })],
    },
  });
  expect(patch.status, JSON.stringify(patch.body)).toBe(200);
  // Read again, so that this correction alone is the next feed entry the control index catches up on.
  expect((await call(server.url, "GET", "/api/timeline")).status).toBe(200);
  const strikeOnly = await call(server.url, "PATCH", `/api/reports/${noLongerControl}`, {
    token: editor,
    body: { version: 1, reason: "It was a strike.", events: [ev("strike", "2024-12-05T10:00:00Z", "russia", { place: "saraqib" })] },
  });
  expect(strikeOnly.status, JSON.stringify(strikeOnly.body)).toBe(200);
}, 60_000);
afterAll(async () => server?.stop());

describe("GET /api/timeline", () => {
  for (const region of [null, "homs"]) {
    it(`equals the fold of every event${region ? ` (region ${region})` : ""}`, async () => {
      const response = await call<Timeline>(server.url, "GET", `/api/timeline${region ? `?region=${region}` : ""}`);
      expect(response.status).toBe(200);
      const expected = await expectedTimeline(region);
      expect(expected.axis.segments.length).toBe(2);
      expect(response.body.control).toEqual(expected.control);
      expect(response.body.days.filter((d) => Object.keys(d.counts).length > 0).map((d) => ({ day: d.day, counts: d.counts }))).toEqual(expected.days);
      // Each day's first and last event anywhere, also after the retraction and the correction took events away.
      expect(response.body.days.map((d) => ({ day: d.day, first: d.first, last: d.last }))).toEqual(expected.edges);
      expect(response.body.distances.map((d) => [d.toward, d.distanceKm])).toEqual(expected.distances);
      expect(response.body.lastSeq).toBe((await call(server.url, "GET", "/api/health")).body.lastSeq);
      // As a page's first render carries it, packed, and as the browser unpacks it: the same, key order too.
      expect(JSON.stringify(unpackTimeline(packTimeline(response.body)))).toBe(JSON.stringify(response.body));
    });
  }

  it("keeps its distances only while no report with an advance changed", async () => {
    const distances = async () => (await call<Timeline>(server.url, "GET", "/api/timeline")).body.distances.map((d) => [d.toward, d.distanceKm]);
    const expected = async () => (await expectedTimeline(null)).distances;
    const before = await distances();
    expect(before).toEqual(await expected());
    // A strike cannot change them (the kept reading is used).
    const strike = await post("Kept distances: strike", [ev("strike", "2024-12-06T12:00:00Z", "russia", { place: "idlib" })]);
    expect(await distances()).toEqual(before);
    // A new report with an advance: not among those read, but it has an advance now.
    const advance = await post("Kept distances: advance", [ev("advance", "2024-12-06T12:30:00Z", "hts", { toward: "homs", distanceKm: 7 })]);
    const withAdvance = await distances();
    expect(withAdvance).toContainEqual(["homs", 7]);
    expect(withAdvance).toEqual(await expected());
    // Corrected into a strike: no advance now, but it was among those read.
    const patch = await call(server.url, "PATCH", `/api/reports/${advance}`, {
      token: editor,
      body: { version: 1, reason: "It was a strike.", events: [ev("strike", "2024-12-06T12:30:00Z", "russia", { place: "homs" })] },
    });
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    expect(await distances()).toEqual(before);
    // The later tests count the fixture above: take these two away again.
    for (const id of [strike, advance])
      expect((await call(server.url, "POST", `/api/reports/${id}/retract`, { token: editor, body: { reason: "Test report." } })).status).toBe(200);
  });

  it("refuses an unknown region, naming the field", async () => {
    const response = await call(server.url, "GET", "/api/timeline?region=atlantis");
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ path: "region", message: "unknown region 'atlantis'" }]);
  });
});

describe("GET /api/stats/counts", () => {
  for (const filter of COUNT_FILTERS) {
    it(`equals counting the listed events: ${filter || "no filter"}`, async () => {
      const events = await allEvents(filter ? `&${filter}` : "");
      const expected = { total: 0, byRegion: {}, byFaction: {}, byType: {}, byConfidence: {} } as Record<string, any>;
      const add = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);
      for (const event of events) {
        expected.total++;
        add(expected.byRegion, event.place.region ?? "none");
        add(expected.byFaction, event.faction);
        add(expected.byType, event.type);
        add(expected.byConfidence, event.confidence);
      }
      const response = await call(server.url, "GET", `/api/stats/counts${filter ? `?${filter}` : ""}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expected);
    });
  }
  it("the list agrees the filters select something (the test would pass on empty answers otherwise)", async () => {
    expect((await allEvents("&to=2024-12-06T23:59:59.999Z")).length).toBe((await allEvents("&to=2024-12-06T23:59:59.998Z")).length + 1);
    expect((await call(server.url, "GET", "/api/stats/counts")).body.total).toBeGreaterThanOrEqual(10);
  });
});

describe("GET /api/stats/events", () => {
  // Day buckets come from the tallies where the filter allows (part days from the events): each
  // series must equal the buckets of the listed events.
  const range = "from=2024-12-02T09:00:00Z&to=2024-12-07T12:00:00Z";
  const queries = [
    `bucket=day&${range}`,
    `bucket=day&from=2024-12-01T00:00:00Z&to=2025-01-31T00:00:00Z&type=control_change,strike`,
    `bucket=day&${range}&faction=hts,government&confidence=reported,confirmed`,
    `bucket=day&from=2024-12-06T00:00:00Z&to=2024-12-06T23:59:59.998Z`,
    `bucket=day&${range}&region=homs`,
    `bucket=day&${range}&region=hama,idlib`,
    `bucket=day&${range}&region=idlib&faction=government`,
    `bucket=hour&from=2024-12-06T00:00:00Z&to=2024-12-07T23:00:00Z`,
  ];
  for (const query of queries) {
    it(`equals the buckets of the listed events: ${query}`, async () => {
      const params = new URLSearchParams(query);
      const bucket = params.get("bucket") as "day" | "hour";
      params.delete("bucket");
      const events = await allEvents(`&${params.toString()}`);
      const types = params.get("type")?.split(",") as ListedEvent["type"][] | undefined;
      const expected = eventCountSeries(events, Date.parse(params.get("from")!), Date.parse(params.get("to")!), bucket, types);
      const response = await call(server.url, "GET", `/api/stats/events?${query}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expected);
      expect(expected.some((row) => Object.values(row.counts).some((n) => n > 0))).toBe(true);
    });
  }
});

describe("GET /api/stats/control", () => {
  // Unfiltered changes start from the control index's checkpoints (a region counts its places of the
  // full fold); each series must equal folding the listed events' control changes.
  const queries = [
    "bucket=hour&from=2024-12-05T00:00:00Z&to=2024-12-08T00:00:00Z",
    "bucket=day&from=2024-11-20T00:00:00Z&to=2025-01-25T00:00:00Z&region=homs",
    "bucket=hour&from=2024-12-06T12:00:00Z&to=2024-12-07T12:00:00Z&faction=hts,government",
    "bucket=day&from=2024-11-20T00:00:00Z&to=2025-01-25T00:00:00Z&confidence=reported",
  ];
  for (const query of queries) {
    it(`equals the fold of the listed control changes: ${query}`, async () => {
      const params = new URLSearchParams(query);
      const places = (await call<Place[]>(server.url, "GET", "/api/places")).body;
      const region = params.get("region");
      const scoped = places.filter((p) => !region || p.region === region);
      const baseline = scoped.flatMap((p) => (p.baseline ? [{ place: p.slug, faction: p.baseline.faction, since: Date.parse(p.baseline.since) }] : []));
      const confidence = params.get("confidence");
      const events = await allEvents(`&type=control_change${region ? `&region=${region}` : ""}${confidence ? `&confidence=${confidence}` : ""}`);
      const series = controlSeries(
        baseline,
        controlChanges(events),
        Date.parse(params.get("from")!),
        Date.parse(params.get("to")!),
        params.get("bucket") as "day" | "hour",
      );
      const factions = params.get("faction")?.split(",");
      const expected = factions
        ? series.map((row) => ({ t: row.t, counts: Object.fromEntries(Object.entries(row.counts).filter(([f]) => factions.includes(f))) }))
        : series;
      const response = await call(server.url, "GET", `/api/stats/control?${query}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expected);
      expect(new Set(expected.map((row) => JSON.stringify(row.counts))).size).toBeGreaterThan(1);
    });
  }
});

describe("pages over a large history", () => {
  const EVENTS = 15_000;
  it(`ship under 1 MB with ${EVENTS.toLocaleString("en")} events posted through the API`, async () => {
    const places = ["homs", "hama", "aleppo", "idlib", "daraa", "raqqa", "rastan", "izra"];
    const body = (n: number) => ({
      title: `Bulk report ${n}`,
      body: "A report of a long war, posted to make the history large.",
      sources: [{ name: "Wire", url: "https://example.org/wire" }],
      events: Array.from({ length: 5 }, (_, i) => {
        const occurredAt = new Date(Date.parse("2023-01-01T00:00:00Z") + (n * 5 + i) * 30 * 60_000).toISOString();
        const place = places[(n + i) % places.length]!;
        return i === 0
          ? ev("control_change", occurredAt, n % 2 ? "hts" : "government", { place })
          : i === 1
            ? ev("advance", occurredAt, "hts", { toward: place, distanceKm: (n % 40) + 1 })
            : ev("strike", occurredAt, "russia", { place });
      }),
    });
    const reports = EVENTS / 5;
    for (let start = 0; start < reports; start += 16) {
      const batch = Array.from({ length: Math.min(16, reports - start) }, (_, i) =>
        call(server.url, "POST", "/api/reports", { token: editor, body: body(start + i) }),
      );
      for (const response of await Promise.all(batch)) expect(response.status).toBe(201);
    }
    // The embeds and the pictures of the situation too (issue #17): an article's readers ask for them.
    const syria = "/api/situations/syria";
    for (const path of [
      "/",
      "/wall",
      "/?t=2023-06-01T00:00:00Z",
      "/embed/s/syria",
      "/embed/s/syria?view=feed&at=2023-06-01T00:00:00Z",
      `${syria}/snapshot.txt`,
      `${syria}/snapshot.svg`,
    ]) {
      const response = await fetch(server.url + path);
      const size = (await response.arrayBuffer()).byteLength;
      expect(response.status, path).toBe(200);
      expect(size, `${path}: ${size} bytes`).toBeLessThan(1_000_000);
    }
    // The map's movements carry each report once however many of its events they hold: the newest report's five events
    // are all in the window, and its title is in the page's markup (its feed card) and in its inline data twice (the feed's
    // entry, the movements' report), not once more per event.
    const newest = "Five movements of one report";
    const now = Date.now();
    await post(
      newest,
      Array.from({ length: 5 }, (_, i) => ev("strike", new Date(now - (i + 1) * 600_000).toISOString(), "russia", { place: places[i]! })),
    );
    const titles = (await (await fetch(server.url + "/")).text()).split(newest).length - 1;
    expect(titles, `"${newest}" written ${titles} times`).toBe(3);
    const timeline = await call<Timeline>(server.url, "GET", "/api/timeline");
    expect(JSON.stringify(timeline.body).length).toBeLessThan(200_000);
    expect(timeline.body.days.reduce((n, d) => n + Object.values(d.counts).reduce((a, b) => a + b, 0), 0)).toBe((await allEvents()).length);
  }, 300_000);
});
