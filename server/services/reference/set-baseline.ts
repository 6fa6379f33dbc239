/**
 * PUT /api/baseline (editor; contract v2, also under /api/situations/:slug/): who held what when the
 * coverage starts, replacing the previous baseline. A region assignment applies to each of its places;
 * a place assignment wins over its region's. The control fold (map, control, timeline, statistics)
 * starts from it: its index rebuilds its checkpoints when the baseline differs
 * (server/services/control/internal/control-index.ts).
 */
import type { ErrorDetail } from "../../../lib/api-error";
import type { Baseline, BaselineInput } from "../../../lib/schemas/reference";
import { requireReader, requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { inChunks } from "../../db/in-chunks";
import { invalid } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";

export async function setBaseline(ctx: AppContext, actor: Actor | null, input: BaselineInput): Promise<Baseline> {
  const editor = requireRole(actor, "editor");
  await checkSlugs(ctx.db, input);
  const at = new Date(input.at);
  // Each place's holder: its region's, then its own (a place assignment wins).
  const regionOf = new Map((await ctx.db.place.findMany({ select: { slug: true, regionSlug: true } })).map((p) => [p.slug, p.regionSlug]));
  const byRegion = new Map(input.assignments.flatMap((a) => (a.region ? [[a.region, a.faction] as const] : [])));
  const holder = new Map<string, string>();
  for (const [place, region] of regionOf) if (region && byRegion.has(region)) holder.set(place, byRegion.get(region)!);
  for (const a of input.assignments) if (a.place) holder.set(a.place, a.faction);
  const byFaction = new Map<string, string[]>();
  for (const [place, faction] of holder) {
    const places = byFaction.get(faction);
    if (places) places.push(place);
    else byFaction.set(faction, [place]);
  }

  await ctx.db.$transaction(async (tx) => {
    await tx.place.updateMany({ where: { baselineFaction: { not: null } }, data: { baselineFaction: null, baselineSince: null } });
    for (const [faction, places] of byFaction)
      for (const chunk of inChunks(places))
        await tx.place.updateMany({ where: { slug: { in: chunk } }, data: { baselineFaction: faction, baselineSince: at } });
    await recordAudit(tx, editor, ctx.now(), {
      action: "baseline.set",
      subjectType: "situation",
      subjectId: ctx.situation.slug,
      details: { at: input.at, assignments: input.assignments.length, places: holder.size },
    });
  });
  return getBaseline(ctx, actor);
}

/** GET /api/baseline: the places with a holder at the start. */
export async function getBaseline(ctx: AppContext, actor: Actor | null): Promise<Baseline> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const rows = await ctx.db.place.findMany({
    where: { baselineFaction: { not: null } },
    select: { slug: true, baselineFaction: true, baselineSince: true },
    orderBy: { slug: "asc" },
  });
  const since = rows.map((row) => row.baselineSince?.getTime() ?? 0);
  return {
    at: rows.length ? new Date(Math.min(...since)).toISOString() : null,
    places: rows.map((row) => ({ place: row.slug, faction: row.baselineFaction! })),
  };
}

/** Every slug named must be the situation's own: 400 naming each one that is not. */
async function checkSlugs(db: Db, input: BaselineInput): Promise<void> {
  const named = (key: "place" | "region" | "faction") => [...new Set(input.assignments.flatMap((a) => (a[key] ? [a[key]] : [])))];
  // Up to BASELINE_ASSIGNMENTS_MAX places: asked for in pieces.
  const findPlaces = async () =>
    (await Promise.all(inChunks(named("place")).map((chunk) => db.place.findMany({ where: { slug: { in: chunk } }, select: { slug: true } })))).flat();
  const [places, regions, factions] = await Promise.all([
    findPlaces(),
    db.region.findMany({ where: { slug: { in: named("region") } }, select: { slug: true } }),
    db.faction.findMany({ where: { slug: { in: named("faction") } }, select: { slug: true } }),
  ]);
  const known = { place: new Set(places.map((p) => p.slug)), region: new Set(regions.map((r) => r.slug)), faction: new Set(factions.map((f) => f.slug)) };
  const details: ErrorDetail[] = [];
  input.assignments.forEach((a, i) => {
    for (const key of ["place", "region", "faction"] as const) {
      const slug = a[key];
      if (slug && !known[key].has(slug)) details.push({ path: `assignments.${i}.${key}`, message: `unknown ${key} '${slug}' in this situation` });
    }
  });
  if (details.length > 0)
    throw invalid(`${details.length} assignment slug${details.length === 1 ? " is" : "s are"} not this situation's.`, details.slice(0, 50));
}
