import { apiHandler, json } from "@/server/http/api-handler";
import { zonesGeoJson } from "@/server/services/geo/zones-geojson";

/** One derived cell per place, clipped to Syria; the dashboard colours each by its controller. */
export const GET = apiHandler(async ({ ctx, actor }) => json(await zonesGeoJson(ctx, actor), 200, { "content-type": "application/geo+json" }));
