import { buildGazetteer, type Gazetteer } from "./build-gazetteer";
import { readGazetteerRows } from "./internal/gazetteer-rows";

/** The bundled (offline) gazetteer of some countries (ISO 3166-1 alpha-2): see build-gazetteer.ts. */
export async function bundledGazetteer(countries: readonly string[]): Promise<Gazetteer> {
  return buildGazetteer(await readGazetteerRows(countries.map((code) => code.toUpperCase())));
}
