import { z } from "zod";
import { isoInstantSchema } from "./common";

const featureSchema = z.looseObject({
  type: z.literal("Feature"),
  geometry: z.looseObject({ type: z.string() }).nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});

/** The map layers and the GeoJSON export: a FeatureCollection (geometries are standard GeoJSON, RFC 7946). */
export const featureCollectionSchema = z.looseObject({ type: z.literal("FeatureCollection"), features: z.array(featureSchema) });

/** GET /api/events.geojson: Points, with the filter, as-of time and feed seq it was made for. */
export const eventsGeoJsonSchema = featureCollectionSchema.extend({
  properties: z.object({ filter: z.string(), asOf: isoInstantSchema, lastSeq: z.number().int().min(0) }),
});
