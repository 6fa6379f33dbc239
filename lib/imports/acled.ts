/**
 * ACLED export rows as typed events (issue #18, contract v2 "Imports"). Pure: the import workflow
 * (server/services/imports) gives it each row as the CSV parser read it, and the actor map and the
 * situation's factions; it answers the event to store, or why the row is not one. Where the place is
 * comes from the row's coordinates; which place of the gazetteer that is, the workflow decides.
 *
 * ACLED's columns and codes: its codebook (acleddata.com, "ACLED Codebook", 2024 edition); exports of
 * earlier years lack some of the later columns (`disorder_type`, `civilian_targeting`, `tags`), and
 * dated events as "07 December 2024" instead of "2024-12-07". Both are read.
 */
import type { Faction } from "../schemas/reference";
import { BODY_MAX, SOURCES_MAX, TITLE_MAX, type Source } from "../schemas/reports";
import type { ImportRow, Precision } from "./import-draft";

/** The columns an ACLED file must have for any row to become an event. */
export const ACLED_REQUIRED_COLUMNS = ["event_id_cnty", "event_date", "sub_event_type", "actor1", "location", "latitude", "longitude"] as const;

/** ACLED's sub-event types that are a change of who holds a place. */
export const ACLED_TERRITORY = ["Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"] as const;
/** ACLED's sub-event types that are a strike on a place. */
export const ACLED_STRIKES = ["Air/drone strike", "Shelling/artillery/missile attack"] as const;

export interface AcledContext {
  /** The situation's actor → faction table (`PUT …/actor-map`). */
  actorMap: Readonly<Record<string, string>>;
  factions: readonly Pick<Faction, "slug" | "kind">[];
  /** What every imported report names as its source besides ACLED's own sources (the attribution). */
  attribution: Source;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "2024-12-07", "07 December 2024", "7-Dec-2024" → "2024-12-07T12:00:00Z" (the day's middle: no time zone moves it), else null. */
export function acledDate(text: string): string | null {
  const value = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const named = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named) {
    const month = MONTHS.findIndex((name) => name.startsWith(named[2]!.toLowerCase()) && named[2]!.length >= 3);
    if (month < 0) return null;
    [y, m, d] = [Number(named[3]), month + 1, Number(named[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().replace(".000Z", "Z");
}

const precisionOf = (text: string | undefined): Precision | null => (text === "1" || text === "2" || text === "3" ? (Number(text) as Precision) : null);
const cell = (row: Record<string, string | undefined>, column: string) => (row[column] ?? "").trim();
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const STATE_KINDS = new Set(["state", "foreign_state"]);

/**
 * The faction a row's event is. A row has two sides: actor1 with its associated actors, actor2 with
 * its; a side's faction is its actor's in the actor map, else its first mapped associate's. ACLED gives
 * the sides no order, so the sub-event has to say which acted: a government regains (a `state` or
 * `foreign_state` faction), a non-state actor overtakes (any other kind). A transfer or a strike is the
 * one mapped side's only when the other side names no actor left out of the map (civilians never
 * strike). Otherwise the row is refused, naming the actors: the desk adds the missing actor to the map,
 * or maps only the side it means.
 */
function factionOf(
  row: Record<string, string | undefined>,
  subEvent: string,
  context: AcledContext,
): { faction: string } | { error: string; actors?: string[] } {
  const kinds = new Map(context.factions.map((f) => [f.slug, f.kind]));
  const factionOfActor = (actor: string) => {
    const slug = context.actorMap[actor];
    return slug && kinds.has(slug) ? slug : undefined;
  };
  const sides = ([1, 2] as const).map((n) => {
    const actor = cell(row, `actor${n}`);
    const associates = cell(row, `assoc_actor_${n}`)
      .split(";")
      .map((a) => a.trim())
      .filter(Boolean);
    const faction = [actor, ...associates].map(factionOfActor).find(Boolean);
    return { actor, faction, unmapped: Boolean(actor) && !faction && !/^Civilians\b/.test(actor) };
  });
  const mapped = sides.filter((side) => side.faction);
  /** The actors whose mapping would let the row in (the desk's actor-map editor lists them). */
  const missing = sides.filter((side) => side.unmapped).map((side) => side.actor);
  if (mapped.length === 0) {
    const actors = sides.flatMap((side) => (side.actor ? [`'${side.actor}'`] : [])).join(" and ") || "no actor";
    return { error: `no faction for ${actors}: add the actor to the actor map`, actors: missing };
  }
  const isState = (f: string) => STATE_KINDS.has(kinds.get(f) ?? "");
  const did = subEvent === "Air/drone strike" || subEvent.startsWith("Shelling") ? "struck" : "took the place";
  const byKind = subEvent === "Government regains territory" ? isState : subEvent === "Non-state actor overtakes territory" ? (f: string) => !isState(f) : null;
  if (byKind) {
    const fitting = [...new Set(mapped.map((side) => side.faction!).filter(byKind))];
    if (fitting.length === 1) return { faction: fitting[0]! };
    if (fitting.length === 0)
      return {
        error: `'${subEvent}', but the actors map to ${mapped.map((side) => side.faction).join(" and ")}: the side that took the place is not in the actor map`,
        actors: missing,
      };
    return { error: `the actors map to ${fitting.join(" and ")}, and ACLED does not say which one took the place: map only one of them` };
  }
  const factions = [...new Set(mapped.map((side) => side.faction!))];
  if (factions.length > 1) return { error: `the actors map to ${factions.join(" and ")}, and ACLED does not say which one ${did}: map only one of them` };
  const other = sides.find((side) => side.unmapped);
  if (other)
    return {
      error: `the actors map to ${factions[0]} and '${other.actor}' is not in the actor map: ACLED does not say which one ${did}`,
      actors: [other.actor],
    };
  return { faction: factions[0]! };
}

/** One ACLED row (its columns by name, as the CSV parser read them) as an event, an unmapped row or an error. */
export function acledRow(row: Record<string, string | undefined>, context: AcledContext): ImportRow {
  const id = cell(row, "event_id_cnty");
  if (!id) return { kind: "error", message: "event_id_cnty is empty" };
  const key = `acled:${id}`;
  const subEvent = cell(row, "sub_event_type");
  const type = (ACLED_TERRITORY as readonly string[]).includes(subEvent)
    ? "control_change"
    : (ACLED_STRIKES as readonly string[]).includes(subEvent)
      ? "strike"
      : null;
  if (!type) {
    const sourceType = subEvent || cell(row, "event_type") || "no sub_event_type";
    return { kind: "unmapped", key, sourceType, message: `not imported: '${sourceType}' is not a control change or a strike` };
  }

  const occurredAt = acledDate(cell(row, "event_date"));
  if (!occurredAt) return { kind: "error", message: `event_date '${cell(row, "event_date")}' is not a date (YYYY-MM-DD or '07 December 2024')` };
  const lat = Number(cell(row, "latitude"));
  const lon = Number(cell(row, "longitude"));
  if (!cell(row, "latitude") || !cell(row, "longitude") || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
    return { kind: "error", message: `latitude/longitude '${cell(row, "latitude")}', '${cell(row, "longitude")}' is not a position` };
  }
  const location = cell(row, "location");
  if (!location) return { kind: "error", message: "location is empty" };
  const faction = factionOf(row, subEvent, context);
  if ("error" in faction) return { kind: "error", message: faction.error, ...(faction.actors?.length ? { actors: faction.actors } : {}) };

  const timestamp = cell(row, "timestamp");
  const revisedAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : null;
  const named = [
    ...new Set(
      cell(row, "source")
        .split(";")
        .map((s) => clip(s.trim(), 200))
        .filter(Boolean),
    ),
  ];
  const sources = [...named.slice(0, SOURCES_MAX - 1).map((name) => ({ name })), context.attribution];
  const geo = precisionOf(cell(row, "geo_precision"));
  const time = precisionOf(cell(row, "time_precision"));
  const fatalities = Number(cell(row, "fatalities"));
  const notes = cell(row, "notes");
  const body = [notes, fatalities > 0 ? `Fatalities (ACLED): ${fatalities}.` : ""].filter(Boolean).join("\n\n");
  return {
    kind: "event",
    value: {
      key,
      revisedAt,
      title: clip(`${subEvent}: ${location}`, TITLE_MAX),
      body: clip(body, BODY_MAX),
      sources,
      keyReport: false,
      event: {
        type,
        occurredAt,
        confidence: "reported",
        faction: faction.faction,
        precision: { ...(geo ? { geo } : {}), ...(time ? { time } : {}) },
      },
      places: [{ field: "place", name: clip(location, 120), lat, lon, region: cell(row, "admin1"), precision: geo }],
    },
  };
}

/** The required columns a file's header lacks (BOM and surrounding spaces ignored). */
export function missingAcledColumns(header: readonly string[]): string[] {
  const present = new Set(header.map((name) => name.replace(/^\uFEFF/, "").trim()));
  return ACLED_REQUIRED_COLUMNS.filter((column) => !present.has(column));
}
