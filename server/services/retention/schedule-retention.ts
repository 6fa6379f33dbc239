/** Runs the retention sweep (sweep-retention.ts) shortly after start and then every hour, over every situation's database. */
import type { AppContext } from "../../context";
import { situationContext } from "../situations/situation-context";
import { HOUR_MS, sweepRetention, type SweepResult } from "./sweep-retention";

/** Each situation's idempotency keys and audit entries are in its own database (the sessions in the main one). */
async function sweepEverySituation(ctx: AppContext): Promise<SweepResult> {
  const total: SweepResult = { idempotencyKeys: 0, auditEntries: 0, sessions: 0 };
  const stores = new Set<string>();
  for (const situation of await ctx.situations.registry.list()) {
    if (stores.has(situation.store)) continue;
    stores.add(situation.store);
    const swept = await sweepRetention(await situationContext(ctx, situation.slug));
    for (const key of Object.keys(total) as (keyof SweepResult)[]) total[key] += swept[key];
  }
  return total;
}

/** Sweeps now and then every RETENTION_SWEEP_INTERVAL_MS; a failed sweep is logged and tried again next time. */
export const RETENTION_SWEEP_INTERVAL_MS = HOUR_MS;

export function scheduleRetention(ctx: AppContext): () => void {
  const run = () =>
    sweepEverySituation(ctx).then(
      (result) => {
        if (result.idempotencyKeys + result.auditEntries + result.sessions > 0) ctx.log.info("retention sweep", { ...result });
      },
      (error: unknown) => ctx.log.error("retention sweep failed; trying again in an hour", { error: String(error) }),
    );
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), RETENTION_SWEEP_INTERVAL_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
