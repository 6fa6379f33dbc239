/** `DELETE /api/webhooks/:id` (admin): no more deliveries (one under way finishes), its history goes with it. */
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";

export async function deleteWebhook(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  const admin = requireRole(actor, "admin");
  const now = ctx.now();
  await ctx.accounts.$transaction(async (tx) => {
    const row = await tx.webhook.findUnique({ where: { id }, select: { id: true, url: true, situation: true } });
    if (!row) throw notFound(`Webhook '${id.slice(0, 100)}'`);
    await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, admin, now, {
      action: "webhook.deleted",
      subjectType: "webhook",
      subjectId: id,
      details: { url: row.url, situation: row.situation },
    });
  });
  void ctx.webhooks?.refresh();
}
