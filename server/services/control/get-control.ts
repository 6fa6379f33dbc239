import { controlAtByPlace, controlAtFromCheckpoints } from "../../../lib/control/control-fold";
import type { ControlState } from "../../../lib/schemas/control";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import type { Db } from "../../db/client";
import {
  baselineHoldings,
  changesByPlaceOf,
  controlIndex,
  controlIndexLoaded,
  currentCheckpoints,
  knownFrom,
  restoreControlIndex,
  wasKnownAt,
} from "./internal/control-index";
import { controlFromRecentChanges, RECENT_PLACES_MAX } from "./internal/recent-changes";

export interface ControlQuery {
  at?: string;
  known?: string;
  region?: string[];
}

/**
 * Who holds each place at `at` (default now): the fold of published, non-retracted control changes over
 * the baseline. With `known`, only what had been published (and not yet retracted) by then counts.
 * The changes come from the in-memory control index (internal/control-index.ts); the current state is folded
 * from the nearest checkpoint. Until the index has loaded after a start, from each place's newest changes
 * (internal/recent-changes.ts) where those suffice.
 */
export async function getControl(ctx: AppContext, actor: Actor | null, query: ControlQuery): Promise<ControlState> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const at = query.at ? new Date(query.at) : ctx.now();
  const known = query.known ? new Date(query.known) : undefined;
  const [places, regions] = await Promise.all([
    ctx.db.place.findMany({ select: { slug: true, regionSlug: true, baselineFaction: true, baselineSince: true } }),
    query.region ? ctx.db.region.findMany({ where: { slug: { in: query.region } }, select: { slug: true } }) : [],
  ]);
  const unknown = (query.region ?? []).filter((slug) => !regions.some((r) => r.slug === slug));
  if (unknown.length > 0)
    throw invalid(
      `Unknown region${unknown.length > 1 ? "s" : ""} ${unknown.map((s) => `'${s}'`).join(", ")}.`,
      unknown.map((slug) => ({ path: "region", message: `unknown region '${slug}'` })),
    );

  const baseline = baselineHoldings(places);
  const inRegion = query.region ? new Set(places.filter((p) => p.regionSlug && query.region!.includes(p.regionSlug)).map((p) => p.slug)) : undefined;
  // Before the index has loaded (just after a start): from each place's newest changes, when they suffice
  // (places are independent in the fold, so a region's places alone are read).
  const counted = inRegion ? [...inRegion] : places.map((p) => p.slug);
  const quick =
    !controlIndexLoaded(ctx.db) && counted.length <= RECENT_PLACES_MAX
      ? await controlFromRecentChanges(ctx.db, counted, baseline, at.getTime(), known?.getTime())
      : undefined;
  // Now: fold from the nearest checkpoint. As known then: per place, back from `at` to where its holder's run began.
  const index = quick ? undefined : await controlIndex(ctx.db);
  const state =
    quick ??
    (known
      ? controlAtByPlace(baseline, changesByPlaceOf(index!), at.getTime(), wasKnownAt(known.getTime()), knownFrom(known.getTime()))
      : controlAtFromCheckpoints(currentCheckpoints(index!, baseline), at.getTime()));
  return { at: at.toISOString(), ...(known ? { known: known.toISOString() } : {}), places: inRegion ? state.filter((p) => inRegion.has(p.place)) : state };
}

/**
 * At a server's start: the control index from its stored snapshot (docs/decisions/0031-control-index-snapshot.md)
 * and the current state's checkpoints folded from it, so that the first control request is answered as fast
 * as the rest. False when there was no snapshot to start from (the index is read later, in paced slices).
 */
export async function restoreControl(db: Db): Promise<boolean> {
  if (!(await restoreControlIndex(db))) return false;
  const places = await db.place.findMany({ select: { slug: true, baselineFaction: true, baselineSince: true } });
  currentCheckpoints(await controlIndex(db), baselineHoldings(places));
  return true;
}
