import type { Place } from "../../../../lib/schemas/reference";

interface PlaceRow {
  slug: string;
  name: string;
  nameNl: string | null;
  nameAr: string | null;
  kind: string;
  lat: number;
  lon: number;
  regionSlug: string | null;
  baselineFaction?: string | null;
  baselineSince?: Date | null;
}

/** A stored place as the API answers it. */
export const toPlace = (row: PlaceRow): Place => ({
  slug: row.slug,
  name: row.name,
  names: { en: row.name, ...(row.nameNl ? { nl: row.nameNl } : {}), ...(row.nameAr ? { ar: row.nameAr } : {}) },
  kind: row.kind as Place["kind"],
  lat: row.lat,
  lon: row.lon,
  region: row.regionSlug,
  ...(row.baselineFaction ? { baseline: { faction: row.baselineFaction, since: (row.baselineSince ?? new Date(0)).toISOString() } } : {}),
});
