/**
 * The application context of one situation: the same services, routes and pages, working on that
 * situation's database, statistics thread and feed (docs/decisions/0024-situation-per-database.md). The
 * v1 paths and the pages without /s/:slug get the default situation's.
 */
import type { AppContext, SituationRef } from "../../context";
import { AppError } from "../../errors";
import type { SituationRow } from "./internal/situation-registry";

const ref = (row: SituationRow): SituationRef => ({ slug: row.slug, store: row.store, archived: row.archived, countries: row.countries, bounds: row.bounds });

/** The context of the situation `slug`, or of the default situation; 404 for a slug no situation has. */
export async function situationContext(root: AppContext, slug?: string): Promise<AppContext> {
  const registry = root.situations.registry;
  const row = slug === undefined ? await registry.defaultSituation() : await registry.find(slug);
  if (!row) throw unknownSituation(slug ?? "");
  const situation = ref(row);
  if (row.store === root.situation.store) return { ...root, situation };
  const store = await root.situations.stores.open(row.store);
  return {
    ...root,
    db: store.db,
    stats: store.stats,
    situation,
    realtime: { ...root.realtime, publish: (entry) => root.realtime.publishTo(situation.slug, entry) },
  };
}

/** 404 for a slug no situation has (the API's paths, the socket's `auth.situation`, the admin's PATCH). */
export const unknownSituation = (slug: string) =>
  new AppError("not_found", `There is no situation '${slug}'; GET /api/situations lists them.`, [{ path: "situation", message: "is not a situation's slug" }]);

/** Writes to an archived situation are refused: it is kept as it stood when it was archived. */
export function requireActiveSituation(ctx: AppContext): void {
  if (ctx.situation.archived)
    throw new AppError(
      "conflict",
      `The situation '${ctx.situation.slug}' is archived: it takes no more changes. An admin can reopen it (PATCH /api/situations/${ctx.situation.slug} {"archived": false}).`,
      [{ path: "situation", message: "is archived" }],
    );
}
