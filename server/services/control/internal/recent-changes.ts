/**
 * Control at a time before the control index has loaded (issue #14: the first `GET /api/control` after
 * a restart, which waited seconds for every control change to be read at 1,000,000 events). Each place's
 * newest current control changes up to `at` are read through the (placeSlug, occurredAt) index, a few
 * per place; the fold per place from its holder's run start (controlAtFromRecent) is exact when those
 * reach back far enough, and otherwise the caller waits for the index as before.
 */
import type { BaselineHolding } from "../../../../lib/control/control-at";
import { controlAtFromRecent } from "../../../../lib/control/control-fold";
import type { PlaceControl } from "../../../../lib/schemas/control";
import type { Db } from "../../../db/client";
import { compareControlChanges } from "../../../../lib/control/control-at";
import { count, dialectFor, fetchRows, sql } from "../../../db/sql";
import { SELECT_CHANGES, toChange, type ChangeRow, type IndexedChange } from "./control-index";

/** Changes read per place (newest first); a holder's run is rarely longer. */
export const RECENT_CHANGES_PER_PLACE = 64;
/** More places than this (one query each): wait for the index instead. */
export const RECENT_PLACES_MAX = 500;

export async function controlFromRecentChanges(
  db: Db,
  places: readonly string[],
  baseline: readonly BaselineHolding[],
  at: number,
): Promise<PlaceControl[] | undefined> {
  const dialect = dialectFor(db);
  const byPlace = new Map<string, IndexedChange[]>();
  const partial = new Set<string>();
  for (const place of places) {
    const rows = await fetchRows<ChangeRow>(
      db,
      sql`${SELECT_CHANGES} AND r."status" = 'published' AND e."placeSlug" = ${place} AND e."occurredAt" <= ${dialect.time(new Date(at))}
        ORDER BY e."occurredAt" DESC LIMIT ${count(RECENT_CHANGES_PER_PLACE)}`,
    );
    let changes = rows.map(toChange).sort(compareControlChanges);
    if (rows.length === RECENT_CHANGES_PER_PLACE) {
      // The oldest instant's changes may have been cut by the LIMIT: keep only instants read whole.
      changes = changes.filter((c) => c.occurredAt > changes[0]!.occurredAt);
      partial.add(place);
    }
    if (changes.length > 0) byPlace.set(place, changes);
  }
  return controlAtFromRecent(baseline, byPlace, at, partial);
}
