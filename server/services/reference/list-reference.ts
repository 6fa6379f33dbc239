import type { Faction, Place, Region } from "../../../lib/schemas/reference";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";

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

export async function listFactions(ctx: AppContext, actor: Actor | null): Promise<Faction[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const rows = await ctx.db.faction.findMany({ orderBy: { slug: "asc" } });
  return rows.map((row) => ({ slug: row.slug, name: row.name, kind: row.kind as Faction["kind"], color: row.color }));
}

export async function listRegions(ctx: AppContext, actor: Actor | null): Promise<Region[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return ctx.db.region.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true } });
}

export async function listPlaces(ctx: AppContext, actor: Actor | null, query: { region?: string }): Promise<Place[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  if (query.region && !(await ctx.db.region.findUnique({ where: { slug: query.region } }))) {
    throw invalid(`Unknown region '${query.region}'.`, [{ path: "region", message: `unknown region '${query.region}'` }]);
  }
  const rows = await ctx.db.place.findMany({ where: query.region ? { regionSlug: query.region } : {}, orderBy: { slug: "asc" } });
  return rows.map(toPlace);
}
