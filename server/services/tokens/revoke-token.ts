import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";

/** Revokes a token (admin): requests with it fail at once and sockets opened with it are closed. */
export async function revokeToken(ctx: AppContext, actor: Actor | null, publicId: string): Promise<void> {
  const admin = requireRole(actor, "admin");
  const now = ctx.now();
  const sessionId = await ctx.db.$transaction(async (tx) => {
    const row = await tx.session.findUnique({ where: { publicId }, include: { user: { select: { email: true } } } });
    if (!row || row.kind !== "token") throw notFound(`Token '${publicId}'`);
    await tx.session.delete({ where: { id: row.id } });
    await recordAudit(tx, admin, now, {
      action: "token.revoked",
      subjectType: "token",
      subjectId: publicId,
      details: { label: row.label, user: row.user.email },
    });
    return row.id;
  });
  ctx.realtime.disconnectSession(sessionId);
}
