/**
 * Writes a situation's gazetteer (regions and places) into its new store, in one transaction with
 * multi-row INSERTs (Ukraine's ~3,900 places in well under a second; Prisma's createMany costs ~1 ms a
 * row). A store left half made by a setup that failed after filling it is filled again; a store that
 * already holds reports is never touched.
 */
import type { Db } from "../../../db/client";
import { insertStatements } from "../../../db/insert-rows";
import { dialectOf, execute } from "../../../db/sql";
import { AppError } from "../../../errors";
import type { Gazetteer } from "../../gazetteer/build-gazetteer";

export async function fillGazetteer(db: Db, gazetteer: Gazetteer, now: Date): Promise<void> {
  if ((await db.report.count()) > 0)
    throw new AppError("conflict", "A store of that name already holds reports; choose another slug.", [{ path: "slug", message: "is taken" }]);
  const dialect = dialectOf(db);
  const regions = gazetteer.regions.map((region) => ({ slug: region.slug, name: region.name }));
  const places = gazetteer.places.map((place) => ({
    slug: place.slug,
    name: place.name,
    kind: place.kind,
    lat: place.lat,
    lon: place.lon,
    regionSlug: place.region,
    createdAt: now,
  }));
  await db.$transaction(async (tx) => {
    await tx.place.deleteMany();
    await tx.region.deleteMany();
    for (const statement of [...insertStatements("Region", regions, dialect), ...insertStatements("Place", places, dialect)]) await execute(tx, statement);
  });
}
