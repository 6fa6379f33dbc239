/**
 * Control at a time before the control index has loaded (issue #14: the first `GET /api/control` after
 * a restart, which waited seconds for every control change to be read at 1,000,000 events), now or as
 * known then. Each place's newest control changes up to `at` are read through the (placeSlug, occurredAt) index, a few
 * per place (more where a place's holder has held it longer); the fold per place from its holder's run start (controlAtFromRecent) is exact when those
 * reach back far enough, and otherwise the caller waits for the index as before.
 */
import type { BaselineHolding } from "../../../../lib/control/control-at";
import { controlAtFromRecent, holderRunStart } from "../../../../lib/control/control-fold";
import type { PlaceControl } from "../../../../lib/schemas/control";
import type { Db } from "../../../db/client";
import { compareControlChanges } from "../../../../lib/control/control-at";
import { count, dialectFor, empty, fetchRows, join, raw, sql, type Sql } from "../../../db/sql";
import { SELECT_CHANGES, toChange, wasKnownAt, type ChangeRow, type IndexedChange } from "./control-index";

/**
 * Changes read per place (newest first): a few for every place, then more for the places whose holder's
 * run reached back beyond those.
 */
export const RECENT_CHANGES_READ = [16, 128] as const;
/** More places than this: wait for the index instead. */
export const RECENT_PLACES_MAX = 500;

export async function controlFromRecentChanges(
  db: Db,
  places: readonly string[],
  baseline: readonly BaselineHolding[],
  at: number,
  known?: number,
): Promise<PlaceControl[] | undefined> {
  if (places.length === 0) return [];
  const until = dialectFor(db).time(new Date(at));
  const [few, more] = RECENT_CHANGES_READ;
  // Now: the current changes, chosen in the query. As known then: every published change, chosen here
  // (a condition on the reports' times would make the query walk a place's history to find enough).
  const keep = known === undefined ? () => true : wasKnownAt(known);
  const current = known === undefined;
  const { byPlace, partial } = await newestChanges(db, places, until, few, current);
  const short = [...partial].filter((place) => holderRunStart(byPlace.get(place) ?? [], byPlace.get(place)?.length ?? 0, keep) === undefined);
  if (short.length > 0) {
    const again = await newestChanges(db, short, until, more, current);
    for (const place of short) {
      byPlace.delete(place);
      partial.delete(place);
      const list = again.byPlace.get(place);
      if (list) byPlace.set(place, list);
      if (again.partial.has(place)) partial.add(place);
    }
  }
  return controlAtFromRecent(baseline, byPlace, at, partial, keep);
}

/**
 * Each place's newest `limit` control changes up to `until` (`current`: of reports published now), in fold order; `partial`: the
 * places that have more (their oldest instant's changes are left out: the LIMIT may have cut them).
 */
async function newestChanges(db: Db, places: readonly string[], until: Sql, limit: number, current: boolean) {
  // One statement (each place's newest changes through the (placeSlug, occurredAt) index), one turn to wait.
  const perPlace = places.map(
    (place, i) =>
      sql`SELECT * FROM (${SELECT_CHANGES} ${current ? sql`AND r."status" = 'published'` : empty} AND e."placeSlug" = ${place} AND e."occurredAt" <= ${until}
        ORDER BY e."occurredAt" DESC LIMIT ${count(limit)}) ${raw(`p${i}`)}`,
  );
  const rows = await fetchRows<ChangeRow>(db, join(perPlace, " UNION ALL "));
  const byPlace = new Map<string, IndexedChange[]>();
  for (const row of rows) {
    const change = toChange(row);
    const list = byPlace.get(change.place);
    if (list) list.push(change);
    else byPlace.set(change.place, [change]);
  }
  const partial = new Set<string>();
  for (const [place, list] of byPlace) {
    list.sort(compareControlChanges);
    if (list.length === limit) {
      const oldest = list[0]!.occurredAt;
      byPlace.set(
        place,
        list.filter((c) => c.occurredAt > oldest),
      );
      partial.add(place);
    }
  }
  return { byPlace, partial };
}
