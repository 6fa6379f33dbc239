/** `GET /api/webhooks` and `GET /api/webhooks/:id/deliveries` (admin): the webhooks, and one's last attempts, newest first. */
import type { Webhook, WebhookDelivery } from "../../../lib/schemas/webhooks";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { notFound } from "../../errors";
import { DELIVERIES_KEPT } from "./webhook-dispatcher";
import { toDelivery, toWebhook } from "./internal/webhook-view";

export async function listWebhooks(ctx: AppContext, actor: Actor | null): Promise<Webhook[]> {
  requireRole(actor, "admin");
  const rows = await ctx.accounts.webhook.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map(toWebhook);
}

export async function listDeliveries(ctx: AppContext, actor: Actor | null, id: string): Promise<WebhookDelivery[]> {
  requireRole(actor, "admin");
  if (!(await ctx.accounts.webhook.findUnique({ where: { id }, select: { id: true } }))) throw notFound(`Webhook '${id.slice(0, 100)}'`);
  const rows = await ctx.accounts.webhookDelivery.findMany({ where: { webhookId: id }, orderBy: [{ at: "desc" }, { id: "desc" }], take: DELIVERIES_KEPT });
  return rows.map(toDelivery);
}
