import { apiHandler, json } from "@/server/http/api-handler";
import { regionsGeoJson } from "@/server/services/geo/regions-geojson";

export const GET = apiHandler(async ({ ctx, actor }) => json(await regionsGeoJson(ctx, actor), 200, { "content-type": "application/geo+json" }));
