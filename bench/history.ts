/**
 * The benchmark's large history, built through the write path users use (issue #14): reports posted
 * with POST /api/reports (feed entries, audit, the day tally and the group commit included), ~1 % left
 * as drafts, ~1 % retracted with POST /api/reports/:id/retract. Deterministic: the same count gives the
 * same history. The events span the year before 8 Dec 2024 across the gazetteer's places and 13 factions.
 */
import { mulberry32 } from "../lib/testing/random-control-history";
import { call } from "../tests/integration/support/api";

/** Events per generated report. */
export const EVENTS_PER_REPORT = 5;
/** The generated history spans this long, ending on 8 Dec 2024. */
export const HISTORY_MS = 365 * 86_400_000;
export const HISTORY_END = Date.parse("2024-12-08T00:00:00Z");
/** Reports in flight at once (the group commit batches them). */
const IN_FLIGHT = 32;

const TYPES = [
  ["control_change", 0.3],
  ["advance", 0.2],
  ["withdrawal", 0.15],
  ["evacuation", 0.05],
  ["strike", 0.3],
] as const;
const CONFIDENCES = ["claimed", "reported", "confirmed"] as const;
const FACTIONS = ["government", "hts", "sna", "southern-rebels", "sdf", "sfa", "isis", "russia", "iran", "hezbollah", "turkey", "usa", "israel"];

/** Deterministic pseudo-random numbers, so every run generates the same history. */
export const random = mulberry32;

export interface PlannedReport {
  n: number;
  status: "published" | "draft";
  retract: boolean;
  body: Record<string, unknown>;
  controlChanges: number;
}

export function* plannedReports(count: number, places: { slug: string; region: string | null }[]): Generator<PlannedReport> {
  const syrian = places.filter((p) => p.region).map((p) => p.slug);
  const abroad = places.filter((p) => !p.region).map((p) => p.slug);
  const rand = random(2024);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const pickType = () => {
    let r = rand();
    for (const [type, share] of TYPES) if ((r -= share) < 0) return type;
    return "strike";
  };
  const reports = Math.ceil(count / EVENTS_PER_REPORT);
  let made = 0;
  for (let r = 0; r < reports; r++) {
    const base = HISTORY_END - HISTORY_MS + Math.floor(((r + rand()) / reports) * HISTORY_MS);
    const roll = rand();
    const status = roll < 0.01 ? "draft" : "published";
    const region = pick(syrian);
    const events: Record<string, unknown>[] = [];
    let controlChanges = 0;
    for (let position = 0; position < EVENTS_PER_REPORT && made < count; position++, made++) {
      const type = pickType();
      const common = {
        type,
        occurredAt: new Date(base - Math.floor(rand() * 3_600_000)).toISOString(),
        confidence: pick(CONFIDENCES),
        faction: pick(FACTIONS),
      };
      if (type === "control_change") {
        events.push({ ...common, place: pick(syrian), ...(rand() < 0.2 ? { contested: true } : {}) });
        controlChanges++;
      } else if (type === "strike") events.push({ ...common, place: pick(syrian) });
      else if (type === "advance") events.push({ ...common, toward: pick(syrian), from: pick(syrian), distanceKm: Math.round(rand() * 400) / 10 });
      else if (type === "withdrawal") events.push({ ...common, from: [pick(syrian)], to: pick(syrian) });
      else events.push({ ...common, personnel: "diplomats", from: pick(syrian), to: pick(abroad), mode: "air" });
    }
    yield {
      n: r,
      status,
      retract: status === "published" && roll < 0.02,
      controlChanges: status === "published" && roll >= 0.02 ? controlChanges : 0,
      body: {
        title: `Generated report ${r} near ${region}`,
        body: `Report body ${r}: fighting reported around ${region}.`,
        sources: [{ name: pick(["Reuters", "AP", "AFP", "NOS"]) }],
        key: rand() < 0.05,
        status,
        events,
      },
    };
  }
}

export interface PostedHistory {
  events: number;
  reports: number;
  /** Control changes of reports still published. */
  controlChanges: number;
  seconds: number;
  reportsPerSecond: number;
}

/**
 * A write retried as a desk's client does: a 503 (busy: the group commit holds the writer while 32 posts
 * arrive) is tried again after its Retry-After; the POST's Idempotency-Key makes that safe.
 */
async function retried<T extends { status: number; headers: Headers }>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    if (response.status !== 503 || attempt === 10) return response;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get("retry-after") ?? 1)));
  }
}

/** Posts a history of `count` events to the server at `url` as the editor `token`. */
export async function postHistory(url: string, token: string, count: number, log: (line: string) => void = () => {}): Promise<PostedHistory> {
  const places = (await call<{ slug: string; region: string | null }[]>(url, "GET", "/api/places")).body;
  const plan = plannedReports(count, places);
  const started = performance.now();
  let reports = 0;
  let controlChanges = 0;
  const worker = async () => {
    for (let next = plan.next(); !next.done; next = plan.next()) {
      const report = next.value;
      const created = await retried(() =>
        call<{ id: string }>(url, "POST", "/api/reports", { token, body: report.body, headers: { "idempotency-key": `history-${report.n}` } }),
      );
      if (created.status !== 201) throw new Error(`POST /api/reports → ${created.status} ${JSON.stringify(created.body)}`);
      if (report.retract) {
        const retracted = await retried(() =>
          call(url, "POST", `/api/reports/${created.body.id}/retract`, { token, body: { reason: "Generated retraction." } }),
        );
        if (retracted.status !== 200) throw new Error(`retract → ${retracted.status} ${JSON.stringify(retracted.body)}`);
      }
      controlChanges += report.controlChanges;
      if (++reports % 20_000 === 0)
        log(`  posted ${reports.toLocaleString("en-GB")} reports (${Math.round(reports / ((performance.now() - started) / 1000))}/s)`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { events: count, reports, controlChanges, seconds: Math.round(seconds), reportsPerSecond: Math.round(reports / seconds) };
}
