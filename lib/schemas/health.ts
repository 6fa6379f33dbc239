import { z } from "zod";
import { isoInstantSchema } from "./common";

/**
 * GET /api/health: 200 with `ok: true` while this node can read and write, 503 (Retry-After) with
 * `ok: false` while the database is down or read-only. Open to further fields: monitors read `ok`.
 */
export const healthSchema = z.looseObject({
  /** True when this node can serve reads and writes (the answer is then 200, else 503). */
  ok: z.boolean(),
  /** The feed's last seq; absent when the database could not be read. */
  lastSeq: z.number().int().min(0).optional().describe("The feed's last seq; absent when the database could not be read"),
  db: z.enum(["sqlite", "postgresql"]),
  /** This node's name (NODE_NAME or `<host>:<port>`). */
  node: z.string().describe("This node's name (NODE_NAME or <host>:<port>)"),
  /** Nodes that wrote a heartbeat within the last minute; `ok` when seen within three heartbeats. */
  nodes: z
    .array(z.object({ id: z.string(), lastSeen: isoInstantSchema, ok: z.boolean().describe("Seen within three heartbeats") }))
    .optional()
    .describe("Nodes whose heartbeat was written within the last minute"),
  checks: z.object({ database: z.enum(["ok", "down", "read-only"]), redis: z.enum(["ok", "down", "not used"]) }),
  /** Present while the install has no user who can sign in: open the setup link from the server's log. */
  setup: z.literal("required").optional().describe("Present while no one can sign in: open the setup link from the server's log"),
});
export type Health = z.output<typeof healthSchema>;
