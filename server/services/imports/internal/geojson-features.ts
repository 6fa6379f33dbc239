/**
 * A GeoJSON upload's features, read as the file arrives (stream-json): a FeatureCollection of any size
 * is never held whole. The features before a break in the file (a cut-off upload) come first, then
 * the break as a `broken` item.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parser } from "stream-json";
import { pick } from "stream-json/filters/pick.js";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { AppError, invalid } from "../../../errors";
import { nulAt } from "../../../http/parse";
import { streamItems } from "./stream-items";

export type FeatureItem = { line: number; values: unknown; broken?: undefined } | { line: number; broken: string };

/** `line`: the feature's position in `features`, from 1 (a JSON file has no rows to count). */
export async function* geojsonFeatures(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<FeatureItem> {
  const items = streamArray.asStream();
  const feeding = pipeline(Readable.from(chunks), parser.asStream(), pick.asStream({ filter: "features" }), items);
  feeding.catch(() => {});
  let count = 0;
  try {
    for await (const { value } of streamItems<{ key: number; value: unknown }>(items)) {
      count++;
      // PostgreSQL's text cannot hold U+0000, and no property needs it.
      const nul = nulAt(value);
      yield nul === null ? { line: count, values: value } : { line: count, broken: `${nul || "the feature"} contains a NUL character (\\u0000)` };
    }
    await feeding;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = (error as Error).message.slice(0, 160);
    if (count === 0) throw invalid(`The file is not a GeoJSON FeatureCollection: ${message}.`);
    yield { line: count + 1, broken: `not valid JSON after feature ${count} (${message}); nothing after it was read` };
    return;
  }
  if (count === 0) throw invalid("The file has no features: send a GeoJSON FeatureCollection (GET …/events.geojson writes one).");
}
