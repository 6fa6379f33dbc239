import { filterQueryString } from "../../../../lib/analyst/filter-params";
import type { ExportNames, ExportStatement } from "../../../../lib/events/export-row";
import type { EventFilter } from "../../../../lib/schemas/event-query";
import { requireReader } from "../../../auth/require-role";
import type { Actor } from "../../../auth/sessions";
import { readLastSeq } from "../../feed/internal/read-feed";
import type { AppContext } from "../../../context";
import { checkFilterSlugs } from "./check-filter-slugs";

export interface ExportHeader extends ExportStatement {
  /** A file name for downloads, e.g. `events-20241207T120000Z`. */
  basename: string;
}

/** Checks the reader and the filter before anything is streamed, so bad input still gets a clean 400. */
export async function prepareExport(ctx: AppContext, actor: Actor | null, filter: EventFilter): Promise<ExportHeader> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, filter);
  const lastSeq = await readLastSeq(ctx.db);
  const asOf = ctx.now().toISOString();
  return { filter: filterQueryString(filter), asOf, lastSeq, basename: `events-${asOf.replace(/[-:]|\.\d+/g, "")}` };
}

export interface ExportReference extends ExportNames {
  /** [lon, lat] of a place. */
  position(slug: string): [number, number] | undefined;
}

/** The names (and place positions) exports write beside slugs: the reference tables are small, read once. */
export async function loadExportReference(ctx: AppContext): Promise<ExportReference> {
  const [factions, regions, places] = await Promise.all([
    ctx.db.faction.findMany({ select: { slug: true, name: true } }),
    ctx.db.region.findMany({ select: { slug: true, name: true } }),
    ctx.db.place.findMany({ select: { slug: true, name: true, nameNl: true, nameAr: true, lat: true, lon: true } }),
  ]);
  const factionNames = new Map(factions.map((f) => [f.slug, f.name]));
  const regionNames = new Map(regions.map((r) => [r.slug, r.name]));
  const placeRows = new Map(places.map((p) => [p.slug, p]));
  return {
    faction: (slug) => factionNames.get(slug),
    region: (slug) => regionNames.get(slug),
    place: (slug) => placeRows.get(slug),
    position: (slug) => {
      const p = placeRows.get(slug);
      return p ? [p.lon, p.lat] : undefined;
    },
  };
}
