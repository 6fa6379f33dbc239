/**
 * `GET /api/health`: answers within HEALTH_DEADLINE_MS whatever is down, and says what is, so a load
 * balancer can act. 200 while this node can serve reads and writes (Redis down is reported but does not
 * stop writes: it holds nothing that cannot be lost); 503 with Retry-After while the database is
 * unreachable ("down") or refuses writes ("read-only": read-only, full or failing disk, found by the
 * heartbeat write or a refused request).
 */
import type { Health } from "../../../lib/schemas/health";
import type { AppContext } from "../../context";
import { readLastSeq } from "../feed/internal/read-feed";
import { isSetupRequired } from "../setup/setup-state";
import { withDeadline } from "./internal/deadline";
import { listNodes } from "./internal/list-nodes";

/** Longest wait for the database's answer to health's reads. */
export const HEALTH_DEADLINE_MS = 1_500;
/** Seconds a load balancer or client should wait before asking an unhealthy node again. */
export const HEALTH_RETRY_AFTER_S = 5;

export type { Health };

export async function getHealth(ctx: AppContext): Promise<{ health: Health; status: 200 | 503 }> {
  const reads = withDeadline(Promise.all([readLastSeq(ctx.db), isSetupRequired(ctx.db), listNodes(ctx)]), HEALTH_DEADLINE_MS, "the database");
  const [database, redis] = await Promise.all([
    reads.then(
      (values) => ({ values }),
      (error: unknown) => ({ error }),
    ),
    ctx.limits.redisStatus(),
  ]);
  if ("error" in database) ctx.dbStatus.fault("down", database.error);
  else ctx.dbStatus.reachable();
  const state = ctx.dbStatus.current;
  const health: Health = {
    ok: state === "ok",
    ...("values" in database ? { lastSeq: database.values[0] } : {}),
    db: ctx.env.dbProvider,
    node: ctx.nodeName,
    ...("values" in database ? { nodes: database.values[2] } : {}),
    checks: { database: state, redis },
    ...("values" in database && database.values[1] ? { setup: "required" as const } : {}),
  };
  return { health, status: health.ok ? 200 : 503 };
}
