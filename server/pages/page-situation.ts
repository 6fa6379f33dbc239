/**
 * The situation a server-rendered page shows: `/s/:slug/...` names it (an unknown slug is the page's
 * 404), the pages without a slug show the default one. Gives the page that situation's context (its
 * database, statistics and feed) and what the browser needs of it (PageSituation).
 */
import { notFound } from "next/navigation";
import type { PageSituation } from "../../lib/situations/page-situation";
import type { AppContext } from "../context";
import { isAppError } from "../errors";
import { situationContext } from "../services/situations/situation-context";
import type { SituationRow } from "../services/situations/internal/situation-registry";

const choice = (row: SituationRow) => ({ slug: row.slug, name: row.name, names: row.names, archived: row.archived });

export async function pageSituation(root: AppContext, slug?: string): Promise<{ ctx: AppContext; situation: PageSituation }> {
  const rows = await root.situations.registry.list();
  const row = slug === undefined ? await root.situations.registry.defaultSituation() : rows.find((r) => r.slug === slug);
  if (!row) notFound();
  let ctx: AppContext;
  try {
    ctx = await situationContext(root, row.slug);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const choices = [...rows].sort((a, b) => Number(a.archived) - Number(b.archived) || a.createdAt.getTime() - b.createdAt.getTime()).map(choice);
  return {
    ctx,
    situation: {
      ...choice(row),
      isDefault: row.isDefault,
      gazetteerPlaces: row.store !== "",
      countries: row.countries,
      bounds: row.bounds,
      base: slug === undefined ? "" : `/s/${row.slug}`,
      choices,
    },
  };
}
