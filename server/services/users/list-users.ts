import type { User } from "../../../lib/schemas/users";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { toUser } from "./internal/user-view";

export async function listUsers(ctx: AppContext, actor: Actor | null): Promise<User[]> {
  requireRole(actor, "admin");
  const rows = await ctx.db.user.findMany({ where: { passwordHash: { not: null } }, orderBy: { createdAt: "asc" } });
  return rows.map(toUser);
}
