import type { FeatureCollection } from "geojson";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { basemapCountries } from "./internal/map-geometry";

/** GET /api/map/basemap.geojson: the countries around the situation's, its own the focus, for the offline map. */
export function basemapGeoJson(ctx: AppContext, actor: Actor | null): FeatureCollection {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return basemapCountries(ctx.situation.countries, ctx.situation.bounds);
}
