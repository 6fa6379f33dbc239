/**
 * A feature of our own events export (`GET …/events.geojson`: one Point per event at its main place, the
 * CSV's columns as properties, a movement's ends as fromLon/fromLat/toLon/toLat) as an event to import
 * (issue #18): an export of one situation imports into another and gives the same events. Pure.
 * Each event becomes a report of its own, titled and sourced as the report it came from.
 */
import { MULTI_VALUE_SEPARATOR } from "../events/export-row";
import { BODY_MAX, SOURCES_MAX, TITLE_MAX, type Source } from "../schemas/reports";
import type { ImportDraft, ImportRow, PlaceRef } from "./import-draft";

export interface GeoJsonContext {
  /** The situation's faction slugs. */
  factions: ReadonlySet<string>;
  /** The actor map: a file's faction (its name or slug) that is not one of the situation's. */
  actorMap: Readonly<Record<string, string>>;
}

type Properties = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");
const number = (value: unknown) => (typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : undefined);
const position = (lon: unknown, lat: unknown) => {
  const [x, y] = [number(lon), number(lat)];
  return x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y) ? { lon: x, lat: y } : {};
};
/** "damascus-airport" → "Damascus Airport": a name for a place the file names by slug only. */
const nameOfSlug = (slug: string) => slug.replace(/-/g, " ").replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** "Reuters <https://…>; AFP" (the export's form) → sources. */
export function parseSources(cell: string): Source[] {
  return cell
    .split(MULTI_VALUE_SEPARATOR.trim())
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, SOURCES_MAX)
    .map((part) => {
      const link = /^(.*?)\s*<(https?:\/\/[^>]+)>$/.exec(part);
      return link?.[1] ? { name: link[1].slice(0, 200), url: link[2]! } : { name: part.slice(0, 200) };
    });
}

export function eventsGeoJsonRow(feature: unknown, context: GeoJsonContext): ImportRow {
  const f = (feature && typeof feature === "object" ? feature : {}) as {
    id?: unknown;
    properties?: Properties;
    geometry?: { type?: string; coordinates?: unknown };
  };
  const p: Properties = f.properties && typeof f.properties === "object" ? f.properties : {};
  const id = text(f.id) || text(p.id);
  if (!id) return { kind: "error", message: "the feature has no id (our exports give each event's id)" };
  // One key for an event of our exports, whichever of the two files it comes in: imported once.
  const key = `event:${id}`;
  const type = text(p.type);
  const main = text(p.place);
  if (!type || !main) return { kind: "error", message: `${!type ? "type" : "place"} is missing from the feature's properties` };

  const fileFaction = text(p.faction);
  const faction = context.factions.has(fileFaction) ? fileFaction : (context.actorMap[text(p.factionName)] ?? context.actorMap[fileFaction] ?? null);
  if (!faction) {
    return {
      kind: "error",
      message: `faction '${fileFaction}' is not this situation's: add it, or map '${text(p.factionName) || fileFaction}' in the actor map`,
      ...(fileFaction || text(p.factionName) ? { actors: [text(p.factionName) || fileFaction] } : {}),
    };
  }

  const coordinates = f.geometry?.type === "Point" && Array.isArray(f.geometry.coordinates) ? f.geometry.coordinates : [];
  const at = position(coordinates[0], coordinates[1]);
  const start = position(p.fromLon, p.fromLat);
  const end = position(p.toLon, p.toLat);
  const ref = (field: string, slug: string, where: { lat?: number; lon?: number }, name?: string): PlaceRef => ({
    field,
    slug,
    name: name ?? nameOfSlug(slug),
    ...where,
    precision: null,
  });
  const mainName = text(p.placeName) || undefined;
  const event: ImportDraft["event"] = {
    type,
    occurredAt: text(p.occurredAt),
    confidence: text(p.confidence),
    faction,
  };
  const places: PlaceRef[] = [];
  switch (type) {
    case "control_change":
      places.push(ref("place", main, at, mainName));
      if (p.contested === true || p.contested === "true") event.contested = true;
      break;
    case "strike":
      places.push(ref("place", main, at, mainName));
      break;
    case "advance": {
      places.push(ref("toward", text(p.toward) || main, Object.keys(end).length ? end : at, mainName));
      if (text(p.from)) places.push(ref("from", text(p.from), start));
      if (number(p.distanceKm) !== undefined) event.distanceKm = number(p.distanceKm);
      break;
    }
    case "withdrawal": {
      const from = text(p.from)
        .split(MULTI_VALUE_SEPARATOR.trim())
        .map((s) => s.trim())
        .filter(Boolean);
      (from.length ? from : [main]).forEach((slug, i) => places.push(ref(`from.${i}`, slug, i === 0 ? at : {}, i === 0 ? mainName : undefined)));
      if (text(p.to)) places.push(ref("to", text(p.to), end));
      break;
    }
    case "evacuation":
      places.push(ref("from", text(p.from) || main, at, mainName));
      if (text(p.to)) places.push(ref("to", text(p.to), end));
      if (text(p.personnel)) event.personnel = text(p.personnel);
      if (text(p.mode)) event.mode = text(p.mode);
      break;
    default:
      return { kind: "error", message: `type '${type}' is not an event type` };
  }
  const title = (text(p.reportTitle) || text(p.title) || `${type}: ${mainName ?? main}`).slice(0, TITLE_MAX);
  return {
    kind: "event",
    value: {
      key,
      revisedAt: null,
      title,
      body: text(p.body).slice(0, BODY_MAX),
      sources: parseSources(text(p.sources)),
      keyReport: p.key === true || p.key === "true",
      event,
      places,
    },
  };
}
