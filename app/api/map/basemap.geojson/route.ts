import { apiHandler, json } from "@/server/http/api-handler";
import { basemapGeoJson } from "@/server/services/geo/basemap-geojson";

/** Country borders for the offline basemap (Natural Earth via world-atlas). */
export const GET = apiHandler(async ({ ctx, actor }) =>
  json(basemapGeoJson(ctx, actor), 200, { "content-type": "application/geo+json", "cache-control": "public, max-age=86400" }),
);
