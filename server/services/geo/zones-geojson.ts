import type { FeatureCollection } from "geojson";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { derivedAreas } from "./internal/map-geometry";

/** GET /api/map/zones.geojson: one cell per place, to be coloured by who holds the place. */
export async function zonesGeoJson(ctx: AppContext, actor: Actor | null): Promise<FeatureCollection> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return (await derivedAreas(ctx)).zones;
}
