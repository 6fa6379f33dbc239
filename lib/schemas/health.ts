import { z } from "zod";

/**
 * GET /api/health: liveness and the feed position. Open to further fields (`nodes` when several nodes
 * run, what is down on a 503): monitors read `ok` and `lastSeq`.
 */
export const healthSchema = z.looseObject({
  ok: z.boolean(),
  lastSeq: z.number().int().min(0),
  db: z.enum(["sqlite", "postgresql"]),
  /** Present while the install has no user who can sign in: open the setup link from the server's log. */
  setup: z.literal("required").optional().describe("Present while no one can sign in: open the setup link from the server's log."),
  nodes: z.unknown().optional().describe("When several nodes run: the cluster's nodes."),
});
