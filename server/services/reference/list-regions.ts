import type { Region } from "../../../lib/schemas/reference";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";

/** GET /api/regions: every region, by slug. */
export async function listRegions(ctx: AppContext, actor: Actor | null): Promise<Region[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return ctx.db.region.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true } });
}
