/**
 * `GET` and `PUT /api/situations/:slug/actor-map` (editor): which faction each actor name of an imported
 * source is. ACLED names an event's sides in actor1/actor2 ("Military Forces of Syria (2000-2024)");
 * the desk says once which of its factions each is, and every import reads it.
 */
import type { ActorMap } from "../../../lib/schemas/imports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { isUniqueViolation } from "../../db/errors";
import { AppError, invalid } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";

export async function getActorMap(ctx: AppContext, actor: Actor | null): Promise<ActorMap> {
  requireRole(actor, "editor");
  const rows = await ctx.db.actorMapping.findMany({ orderBy: { actor: "asc" } });
  return Object.fromEntries(rows.map((row) => [row.actor, row.factionSlug]));
}

/** Replaces the table. A faction that is not this situation's: 400 naming every actor that maps to one, nothing changed. */
export async function setActorMap(ctx: AppContext, actor: Actor | null, map: ActorMap): Promise<ActorMap> {
  const editor = requireRole(actor, "editor");
  const factions = new Set((await ctx.db.faction.findMany({ select: { slug: true } })).map((f) => f.slug));
  const unknown = Object.entries(map).filter(([, faction]) => !factions.has(faction));
  if (unknown.length > 0) {
    throw invalid(
      `Unknown faction${unknown.length > 1 ? "s" : ""} in the actor map: ${unknown
        .slice(0, 5)
        .map(([name, faction]) => `'${name}' → '${faction}'`)
        .join(", ")}${unknown.length > 5 ? ", …" : ""}; GET /api/factions lists this situation's.`,
      unknown.map(([name, faction]) => ({ path: name, message: `unknown faction '${faction}'` })),
    );
  }
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.actorMapping.deleteMany({});
      await tx.actorMapping.createMany({ data: Object.entries(map).map(([name, faction]) => ({ actor: name, factionSlug: faction })) });
      await recordAudit(tx, editor, ctx.now(), {
        action: "actor-map.set",
        subjectType: "actor-map",
        subjectId: "actor-map",
        details: { actors: Object.keys(map).length },
      });
    });
  } catch (error) {
    // Two replacements at once (PostgreSQL, read committed): the other one's rows won.
    if (isUniqueViolation(error))
      throw new AppError("conflict", "The actor map was being replaced by someone else at the same time; read it and send yours again.");
    throw error;
  }
  return getActorMap(ctx, editor);
}
