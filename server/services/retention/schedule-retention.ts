/** Runs the retention sweep (sweep-retention.ts) shortly after start and then every hour. */
import type { AppContext } from "../../context";
import { HOUR_MS, sweepRetention } from "./sweep-retention";

/** Sweeps now and then every RETENTION_SWEEP_INTERVAL_MS; a failed sweep is logged and tried again next time. */
export const RETENTION_SWEEP_INTERVAL_MS = HOUR_MS;

export function scheduleRetention(ctx: AppContext): () => void {
  const run = () =>
    sweepRetention(ctx).then(
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
