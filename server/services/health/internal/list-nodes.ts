import type { AppContext } from "../../../context";

export interface NodeSeen {
  id: string;
  lastSeen: string;
  /** Seen within three heartbeat intervals. */
  ok: boolean;
}

/** The nodes seen within the last minute (or ten heartbeats, if longer), by name. */
export async function listNodes(ctx: AppContext): Promise<NodeSeen[]> {
  const intervalMs = ctx.env.NODE_HEARTBEAT_S * 1000;
  const now = ctx.now().getTime();
  const rows = await ctx.db.nodeHeartbeat.findMany({ where: { lastSeen: { gte: new Date(now - Math.max(60_000, 10 * intervalMs)) } }, orderBy: { id: "asc" } });
  return rows.map((row) => ({ id: row.id, lastSeen: row.lastSeen.toISOString(), ok: now - row.lastSeen.getTime() <= 3 * intervalMs }));
}
