/** Reference data as the browser caches it (one copy, in the TanStack Query cache). */
import { queryOptions } from "@tanstack/react-query";
import type { FeatureCollection } from "geojson";
import type { Faction, Place } from "../schemas/reference";
import { api as getJson } from "./api";
import { baseKeys } from "./query-keys";

/**
 * The offline basemap (land, borders), HTTP-cached for a day. Read through the query cache like the
 * shapes below: the map library's own request would come from its web worker, which cannot use the
 * page's preload (the file was downloaded twice).
 */
export const BASEMAP_URL = "/api/map/basemap.geojson";
/** The areas drawn from the gazetteer: one cell per place, and the regions' shapes. */
export const ZONES_URL = "/api/map/zones.geojson";
export const REGION_SHAPES_URL = "/api/regions.geojson";

/**
 * Which of its situation's places a page holds: the public pages those their map draws (`drawn=true`:
 * with events, a holder at the start, or a city, base or place abroad: a few hundred of Ukraine's ~3,900
 * towns), the desk every one (its place field matches any). Set once by the page (SituationProvider),
 * like the situation itself; a page rendered its first list the same way. The list is in the key: a
 * client-side step from the dashboard to the desk must not hand the desk the shorter list.
 */
let placeList: "drawn" | "all" = "drawn";
export function setPlaceList(list: "drawn" | "all"): void {
  placeList = list;
}

export const placesQuery = () =>
  queryOptions({
    queryKey: baseKeys.placeList(placeList),
    queryFn: () => getJson<Place[]>(placeList === "drawn" ? "/api/places?drawn=true" : "/api/places"),
    staleTime: Infinity,
  });
export const factionsQuery = () => queryOptions({ queryKey: baseKeys.factions, queryFn: () => getJson<Faction[]>("/api/factions"), staleTime: Infinity });
export const basemapQuery = () => queryOptions({ queryKey: baseKeys.basemap, queryFn: () => getJson<FeatureCollection>(BASEMAP_URL), staleTime: Infinity });
export const zonesQuery = () => queryOptions({ queryKey: baseKeys.zones, queryFn: () => getJson<FeatureCollection>(ZONES_URL), staleTime: Infinity });
export const regionsShapeQuery = () =>
  queryOptions({ queryKey: baseKeys.regionShapes, queryFn: () => getJson<FeatureCollection>(REGION_SHAPES_URL), staleTime: Infinity });
