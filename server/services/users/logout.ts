import { deleteSession, hashToken } from "../../auth/sessions";
import type { AppContext } from "../../context";

/** Ends one session or token: later requests with it are anonymous, and its open sockets close. */
export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, token);
  ctx.realtime.disconnectSession(hashToken(token));
}
