/**
 * Retention: what the server keeps for a while only, and deletes after (docs/SECURITY.md "What is kept,
 * for how long").
 *
 * - Idempotency keys (each holds the whole first response): IDEMPOTENCY_RETENTION_HOURS after the post.
 *   A retry within that window returns the first response; a later one may create a new report.
 * - Audit entries: AUDIT_RETENTION_DAYS (0, the default, keeps them forever: a newsroom may need them).
 * - Sessions and tokens past their expiry: they no longer authenticate anyone, so they go.
 *
 * Reports, their revisions and the feed are the record and are never deleted. Deletes run in batches
 * (oldest first), so a large backlog never holds SQLite's write lock for long; several nodes sweeping
 * at once only delete the same rows twice over.
 */
import type { AppContext } from "../../context";

/** Rows per delete statement. */
export const RETENTION_BATCH = 2_000;

export interface SweepResult {
  idempotencyKeys: number;
  auditEntries: number;
  sessions: number;
}

export const HOUR_MS = 3_600_000;

/** Deletes in batches of the oldest rows before `cutoff`: `oldest` lists the next batch's times, `remove` deletes up to one. */
async function inBatches(oldest: () => Promise<Date[]>, remove: (upTo: Date) => Promise<number>): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await oldest();
    const upTo = batch.at(-1);
    if (!upTo) return removed;
    removed += await remove(upTo);
    if (batch.length < RETENTION_BATCH) return removed;
  }
}

export async function sweepRetention(ctx: AppContext): Promise<SweepResult> {
  const { db, env } = ctx;
  const now = ctx.now();
  const keysBefore = new Date(now.getTime() - env.IDEMPOTENCY_RETENTION_HOURS * HOUR_MS);
  const idempotencyKeys = await inBatches(
    async () =>
      (
        await db.idempotencyKey.findMany({
          where: { createdAt: { lt: keysBefore } },
          orderBy: { createdAt: "asc" },
          take: RETENTION_BATCH,
          select: { createdAt: true },
        })
      ).map((r) => r.createdAt),
    async (upTo) => (await db.idempotencyKey.deleteMany({ where: { createdAt: { lte: upTo, lt: keysBefore } } })).count,
  );
  const auditBefore = env.AUDIT_RETENTION_DAYS > 0 ? new Date(now.getTime() - env.AUDIT_RETENTION_DAYS * 24 * HOUR_MS) : null;
  const auditEntries = auditBefore
    ? await inBatches(
        async () =>
          (await db.auditEntry.findMany({ where: { at: { lt: auditBefore } }, orderBy: { at: "asc" }, take: RETENTION_BATCH, select: { at: true } })).map(
            (r) => r.at,
          ),
        async (upTo) => (await db.auditEntry.deleteMany({ where: { at: { lte: upTo, lt: auditBefore } } })).count,
      )
    : 0;
  const sessions = await inBatches(
    async () =>
      (await db.session.findMany({ where: { expiresAt: { lt: now } }, orderBy: { expiresAt: "asc" }, take: RETENTION_BATCH, select: { expiresAt: true } })).map(
        (r) => r.expiresAt,
      ),
    async (upTo) => (await db.session.deleteMany({ where: { expiresAt: { lte: upTo, lt: now } } })).count,
  );
  return { idempotencyKeys, auditEntries, sessions };
}
