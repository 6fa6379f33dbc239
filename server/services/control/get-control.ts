import { controlAt, type BaselineHolding, type ControlChange } from "../../../lib/control/control-at";
import type { PlaceControl } from "../../../lib/schemas/control";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";

export interface ControlQuery {
  at?: string;
  known?: string;
  region?: string;
}

/**
 * Who holds each place at `at` (default now): the fold of published, non-retracted control changes over
 * the baseline. With `known`, only what had been published (and not yet retracted) by then counts.
 */
export async function getControl(ctx: AppContext, actor: Actor | null, query: ControlQuery): Promise<{ at: string; known?: string; places: PlaceControl[] }> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const at = query.at ? new Date(query.at) : ctx.now();
  const known = query.known ? new Date(query.known) : undefined;
  if (query.region && !(await ctx.db.region.findUnique({ where: { slug: query.region } }))) {
    throw invalid(`Unknown region '${query.region}'.`, [{ path: "region", message: `unknown region '${query.region}'` }]);
  }
  const placeFilter = query.region ? { regionSlug: query.region } : {};

  const [places, events] = await Promise.all([
    ctx.db.place.findMany({ where: { ...placeFilter, baselineFaction: { not: null } }, select: { slug: true, baselineFaction: true, baselineSince: true } }),
    ctx.db.event.findMany({
      where: {
        type: "control_change",
        occurredAt: { lte: at },
        report: known
          ? { publishedAt: { lte: known }, OR: [{ retractedAt: null }, { retractedAt: { gt: known } }] }
          : { status: "published" },
        ...(query.region ? { places: { some: { role: "place", place: placeFilter } } } : {}),
      },
      select: { placeSlug: true, factionSlug: true, contested: true, occurredAt: true, position: true, report: { select: { publishedAt: true } } },
    }),
  ]);

  const baseline: BaselineHolding[] = places.map((p) => ({ place: p.slug, faction: p.baselineFaction!, since: (p.baselineSince ?? new Date(0)).getTime() }));
  const changes: ControlChange[] = events.map((e) => ({
    place: e.placeSlug,
    faction: e.factionSlug,
    contested: e.contested,
    occurredAt: e.occurredAt.getTime(),
    // Same instant: the later publication wins; within one report, the later event.
    order: (e.report.publishedAt?.getTime() ?? 0) * 1000 + e.position,
  }));
  return { at: at.toISOString(), ...(known ? { known: known.toISOString() } : {}), places: controlAt(baseline, changes, at.getTime()) };
}
