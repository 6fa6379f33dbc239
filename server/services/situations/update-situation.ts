/**
 * PATCH /api/situations/:slug (admin): rename, archive or reopen, or make it the default (the v1 paths
 * and the pages without /s/:slug then show it). Exactly one situation is the default at any time, and
 * the default cannot be archived.
 */
import type { Situation, UpdateSituationInput } from "../../../lib/schemas/situations";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { unknownSituation } from "./situation-context";
import { recordAudit } from "../audit/internal/record-audit";
import { situationView } from "./internal/situation-view";

export async function updateSituation(ctx: AppContext, actor: Actor | null, slug: string, patch: UpdateSituationInput): Promise<Situation> {
  const admin = requireRole(actor, "admin");
  await ctx.accounts.$transaction(async (tx) => {
    const row = await tx.situation.findUnique({ where: { slug } });
    if (!row) throw unknownSituation(slug);
    const archived = patch.archived ?? row.archived;
    const isDefault = patch.default ?? row.isDefault;
    if (archived && isDefault)
      throw new AppError(
        "conflict",
        `'${slug}' is ${row.isDefault ? "" : "to be "}the default situation, which cannot be archived: make another situation the default first.`,
        [{ path: patch.default ? "default" : "archived", message: "the default situation cannot be archived" }],
      );
    if (patch.default && !row.isDefault) await tx.situation.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    await tx.situation.update({
      where: { slug },
      data: { name: patch.name, names: patch.names === undefined ? undefined : { ...(row.names as object), ...patch.names }, archived, isDefault },
    });
    await recordAudit(tx, admin, ctx.now(), { action: "situation.updated", subjectType: "situation", subjectId: slug, details: { ...patch } });
  });
  await ctx.situations.registry.refresh();
  return situationView((await ctx.situations.registry.find(slug))!, ctx.situations.stores);
}
