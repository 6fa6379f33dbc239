/** Reference data as the browser caches it (one copy, in the TanStack Query cache). */
import { queryOptions } from "@tanstack/react-query";
import type { FeatureCollection } from "geojson";
import type { Faction, Place } from "../schemas/reference";
import { api as getJson } from "./api";

export const placesQuery = () => queryOptions({ queryKey: ["places"] as const, queryFn: () => getJson<Place[]>("/api/places"), staleTime: Infinity });
export const factionsQuery = () => queryOptions({ queryKey: ["factions"] as const, queryFn: () => getJson<Faction[]>("/api/factions"), staleTime: Infinity });
export const zonesQuery = () =>
  queryOptions({ queryKey: ["map", "zones"] as const, queryFn: () => getJson<FeatureCollection>("/api/map/zones.geojson"), staleTime: Infinity });
export const regionsShapeQuery = () =>
  queryOptions({ queryKey: ["map", "regions"] as const, queryFn: () => getJson<FeatureCollection>("/api/regions.geojson"), staleTime: Infinity });
