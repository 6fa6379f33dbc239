import type { Situation } from "../../../../lib/schemas/situations";
import type { SituationStores } from "./situation-stores";
import type { SituationRow } from "./situation-registry";
import { readLastEntryAt, readLastSeq } from "../../feed/internal/read-feed";

/** A situation as the API returns it, with its feed's last seq and when its last entry was made. */
export async function situationView(row: SituationRow, stores: SituationStores): Promise<Situation> {
  const { db } = await stores.open(row.store);
  const [lastSeq, lastAt] = await Promise.all([readLastSeq(db), readLastEntryAt(db)]);
  return {
    slug: row.slug,
    name: row.name,
    names: row.names,
    countries: row.countries,
    bounds: row.bounds,
    default: row.isDefault,
    archived: row.archived,
    createdAt: row.createdAt.toISOString(),
    lastSeq,
    ...(lastAt ? { lastReportAt: lastAt.toISOString() } : {}),
  };
}
