/**
 * What the drawn map needs of a situation at a moment (issue #17), read as the live map reads it and
 * bounded whatever the history (docs/decisions/0019-bounded-pages.md): control at the moment (as known
 * then, when asked), the movements of the MOVEMENT_WINDOW_MS before it (at most MOVEMENTS_MAX, newest
 * first; "now" ends the window at the newest event, as the live dashboard does), and the reference
 * data: places, factions, zones, regions and the countries around, which do not grow with the history.
 */
import { MOVEMENT_WINDOW_MS, MOVEMENTS_MAX } from "../../../../lib/dashboard/view-limits";
import { regionBounds, type Bounds } from "../../../../lib/geo/map-views";
import type { SnapshotImageQuery } from "../../../../lib/schemas/snapshot";
import type { SnapshotMapData } from "../../../../lib/snapshot/map-svg";
import type { Actor } from "../../../auth/sessions";
import type { AppContext } from "../../../context";
import { getControl } from "../../control/get-control";
import { listEvents } from "../../events/list-events";
import { basemapCountries, derivedAreas } from "../../geo/internal/map-geometry";
import { listPlaces } from "../../reference/list-places";

const DAY_MS = 86_400_000;
/** Movements ending this long before "now" are said to end when they do ("the 3 days to 8 Dec 2024"). */
const STALE_MOVEMENTS_MS = 3_600_000;

export interface MapSnapshot {
  map: Omit<SnapshotMapData, "legend">;
  /** How far back the movements drawn go. */
  movementDays: number;
  /** When the movements end well before the moment (now, with no news since): the newest event's time. */
  movementsUntil?: string;
  /** The places come from a bundled gazetteer (GeoNames): its credit is drawn. */
  gazetteer: boolean;
}

export async function mapSnapshotData(
  ctx: AppContext,
  actor: Actor | null,
  query: SnapshotImageQuery,
  moment: Date,
  live: boolean,
  factions: readonly { slug: string; name: string; color: string }[],
): Promise<MapSnapshot> {
  const [control, places, areas, newest] = await Promise.all([
    getControl(ctx, actor, { at: moment.toISOString(), known: query.known, region: query.region }),
    listPlaces(ctx, actor, {}),
    derivedAreas(ctx),
    live ? listEvents(ctx, actor, { to: moment.toISOString(), order: "desc", limit: 1 }) : undefined,
  ]);
  // "Now" shows the movements before the newest event, however old the news (lib/client/view-queries.ts).
  const newestAt = newest?.events[0] ? Date.parse(newest.events[0].occurredAt) : undefined;
  const until = live && newestAt !== undefined ? Math.min(newestAt, moment.getTime()) : moment.getTime();
  const movements = await listEvents(ctx, actor, {
    from: new Date(until - MOVEMENT_WINDOW_MS + 1).toISOString(),
    to: new Date(until).toISOString(),
    order: "desc",
    limit: MOVEMENTS_MAX,
    ...(query.region ? { region: query.region } : {}),
  });
  // As known then: what had not been published by `known` was not on the map. (A later correction shows as corrected.)
  const known = query.known ? Date.parse(query.known) : undefined;
  const recent =
    known === undefined ? movements.events : movements.events.filter((event) => event.report.publishedAt && Date.parse(event.report.publishedAt) <= known);

  const names = new Map(places.map((place) => [place.slug, (query.lang === "nl" && place.names.nl) || place.name]));
  return {
    map: {
      bounds: query.bounds ?? framed(ctx.situation.bounds, places, query.region),
      basemap: basemapCountries(ctx.situation.countries, ctx.situation.bounds),
      zones: areas.zones,
      regions: areas.regions,
      places,
      control: control.places,
      recent,
      factions,
      placeName: (slug) => names.get(slug) ?? slug,
    },
    movementDays: Math.round(MOVEMENT_WINDOW_MS / DAY_MS),
    ...(until < moment.getTime() - STALE_MOVEMENTS_MS ? { movementsUntil: new Date(until).toISOString() } : {}),
    gazetteer: ctx.situation.store !== "",
  };
}

/** The situation's own frame, or the box around the asked regions' places (the wall's region view). */
function framed(bounds: Bounds, places: readonly { lat: number; lon: number; region: string | null }[], regions: readonly string[] | undefined): Bounds {
  const boxes = (regions ?? []).map((region) => regionBounds(places, region)).filter((box) => box !== null);
  if (boxes.length === 0) return bounds;
  return [
    [Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1]))],
    [Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))],
  ];
}
