/**
 * POST /api/factions and PATCH /api/factions/:faction (editor; also under /api/situations/:slug/): the
 * sides a situation's events name. A faction's slug is fixed once events use it; its name, kind and
 * colour can change (the map and charts read them on each request).
 */
import type { CreateFactionInput, Faction, UpdateFactionInput } from "../../../lib/schemas/reference";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";

const view = (row: { slug: string; name: string; kind: string; color: string }): Faction => ({ ...row, kind: row.kind as Faction["kind"] });

export async function createFaction(ctx: AppContext, actor: Actor | null, input: CreateFactionInput): Promise<Faction> {
  const editor = requireRole(actor, "editor");
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.faction.create({ data: input });
      await recordAudit(tx, editor, ctx.now(), { action: "faction.created", subjectType: "faction", subjectId: input.slug, details: { ...input } });
      return created;
    });
    return view(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A faction '${input.slug}' already exists.`, [{ path: "slug", message: "is taken" }]);
    throw error;
  }
}

export async function updateFaction(ctx: AppContext, actor: Actor | null, slug: string, patch: UpdateFactionInput): Promise<Faction> {
  const editor = requireRole(actor, "editor");
  const row = await ctx.db.$transaction(async (tx) => {
    if (!(await tx.faction.findUnique({ where: { slug } }))) throw new AppError("not_found", `There is no faction '${slug}'; GET /api/factions lists them.`);
    const updated = await tx.faction.update({ where: { slug }, data: patch });
    await recordAudit(tx, editor, ctx.now(), { action: "faction.updated", subjectType: "faction", subjectId: slug, details: { ...patch } });
    return updated;
  });
  return view(row);
}
