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
 * Loads factions, regions and the gazetteer on every start (upserts, so a corrected gazetteer reaches
 * existing databases). Places added by editors are left as they are.
 */
export async function loadReferenceData(db: Db): Promise<{ factions: number; regions: number; places: number }> {
  const baselineSince = new Date(reference.baselineAt);
  const places = reference.places as PlaceTuple[];
  await db.$transaction(async (tx) => {
    for (const f of reference.factions) {
      await tx.faction.upsert({ where: { slug: f.slug }, create: f, update: f });
    }
    for (const r of reference.regions) {
      await tx.region.upsert({ where: { slug: r.slug }, create: r, update: r });
    }
    for (const [slug, name, nl, ar, region, lat, lon, kind, controller] of places) {
      const data = {
        name,
        nameNl: nl,
        nameAr: ar,
        regionSlug: region,
        lat,
        lon,
        kind,
        baselineFaction: controller,
        baselineSince: controller ? baselineSince : null,
      };
      await tx.place.upsert({ where: { slug }, create: { slug, ...data }, update: data });
    }
  });
  return { factions: reference.factions.length, regions: reference.regions.length, places: places.length };
}
