/**
 * `POST /api/webhooks` (admin; issue #17): a receiver for a situation's feed entries matching a filter.
 * Refused with a 400 naming the field: a target on a loopback or private address (unless
 * WEBHOOK_ALLOW_HOSTS lists its host), a situation or a filter value the desk does not have. It starts at
 * the situation's last seq: entries from now on, none of the history.
 */
import { filterQueryString } from "../../../lib/analyst/filter-params";
import type { CreateWebhookInput, Webhook } from "../../../lib/schemas/webhooks";
import type { ErrorDetail } from "../../../lib/api-error";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid, isAppError } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { readLastSeq } from "../feed/internal/read-feed";
import { situationContext } from "../situations/situation-context";
import { targetProblem } from "./internal/target-address";
import { toWebhook } from "./internal/webhook-view";

export async function createWebhook(ctx: AppContext, actor: Actor | null, input: CreateWebhookInput): Promise<Webhook> {
  const admin = requireRole(actor, "admin");
  let situation: AppContext;
  try {
    situation = await situationContext(ctx, input.situation);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found")
      throw invalid(`There is no situation '${input.situation}'; GET /api/situations lists them.`, [
        { path: "situation", message: "is not a situation's slug" },
      ]);
    throw error;
  }
  const filter = input.filter ?? {};
  const problems: ErrorDetail[] = [];
  const [regions, factions] = await Promise.all([
    filter.region ? situation.db.region.findMany({ where: { slug: { in: filter.region } }, select: { slug: true } }) : [],
    filter.faction ? situation.db.faction.findMany({ where: { slug: { in: filter.faction } }, select: { slug: true } }) : [],
  ]);
  for (const [field, asked, found] of [
    ["region", filter.region, regions],
    ["faction", filter.faction, factions],
  ] as const) {
    const known = new Set(found.map((row) => row.slug));
    asked?.forEach((slug, i) => {
      if (!known.has(slug))
        problems.push({
          path: `filter.${field}${Array.isArray(input.filter?.[field]) ? `.${i}` : ""}`,
          message: `is not a ${field} of ${situation.situation.slug}`,
        });
    });
  }
  const target = await targetProblem(input.url, ctx.env.WEBHOOK_ALLOW_HOSTS);
  if (target) problems.unshift({ path: "url", message: target });
  if (problems.length > 0) throw invalid(`The webhook was not created: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}.`, problems);

  const now = ctx.now();
  const cursor = await readLastSeq(situation.db);
  const row = await ctx.accounts.$transaction(async (tx) => {
    const made = await tx.webhook.create({
      data: { url: input.url, situation: situation.situation.slug, filter, secret: input.secret, createdById: admin.id, createdAt: now, cursor },
    });
    await recordAudit(tx, admin, now, {
      action: "webhook.created",
      subjectType: "webhook",
      subjectId: made.id,
      // The audit trail shows details as text: the filter as a query string ("type=strike&faction=hts").
      details: { url: input.url, situation: situation.situation.slug, filter: filterQueryString(filter) || "everything" },
    });
    return made;
  });
  void ctx.webhooks?.refresh();
  return toWebhook(row);
}
