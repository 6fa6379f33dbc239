import reference from "../../prisma/seed/reference.json";
import type { Db } from "../db/client";

type PlaceTuple = [
  slug: string,
  name: string,
  nl: string,
  ar: string,
  region: string | null,
  lat: number,
  lon: number,
  kind: string,
  controller: string | null,
];

/**
 * Loads the default situation's (Syria's) factions, regions and gazetteer into the main database on every
 * start (upserts, so a corrected gazetteer reaches existing databases). What editors own is left as they
 * made it: places they added, factions once they exist, the baseline once a place exists.
 */
export async function loadReferenceData(db: Db): Promise<{ factions: number; regions: number; places: number }> {
  const baselineSince = new Date(reference.baselineAt);
  const places = reference.places as PlaceTuple[];
  await db.$transaction(async (tx) => {
    // Factions are the reference's when new only: editors own their names and colours afterwards (PATCH /api/factions/:faction).
    for (const f of reference.factions) {
      await tx.faction.upsert({ where: { slug: f.slug }, create: f, update: {} });
    }
    for (const r of reference.regions) {
      await tx.region.upsert({ where: { slug: r.slug }, create: r, update: r });
    }
    for (const [slug, name, nl, ar, region, lat, lon, kind, controller] of places) {
      const data = { name, nameNl: nl, nameAr: ar, regionSlug: region, lat, lon, kind };
      // The baseline is the reference's on a new place only: editors own it afterwards (PUT /api/baseline).
      const baseline = { baselineFaction: controller, baselineSince: controller ? baselineSince : null };
      await tx.place.upsert({ where: { slug }, create: { slug, ...data, ...baseline }, update: data });
    }
  });
  return { factions: reference.factions.length, regions: reference.regions.length, places: places.length };
}
