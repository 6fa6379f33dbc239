import type { FeatureCollection } from "geojson";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { derivedAreas } from "./internal/map-geometry";

/** GET /api/regions.geojson: governorates, derived from the gazetteer (see lib/geo/zones.ts). */
export async function regionsGeoJson(ctx: AppContext, actor: Actor | null): Promise<FeatureCollection> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return (await derivedAreas(ctx)).regions;
}
