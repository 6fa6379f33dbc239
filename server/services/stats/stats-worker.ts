/**
 * The thread behind ./stats-thread.ts: its own database client (no writer: it only reads) and its own
 * control index, which follows the feed as the request thread's does. Each message is one statistic;
 * the reply is its value or its failure as data.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../db/client";
import type { Env } from "../../env";
import { createLogger } from "../../logger";
import { isAppError } from "../../errors";
import { describeChain } from "../../db/errors";
import { controlIndex } from "../control/internal/control-index";
import { computeControlStats } from "./control-stats";
import { computeCounts } from "./count-events";
import { computeEventStats } from "./event-stats";
import { warmTallyCache } from "./internal/tally-cache";
import type { StatsContext } from "./internal/stats-range";
import type { StatsFailure, StatsReply, StatsRequest } from "./stats-thread";

const { env } = workerData as { env: Env };
const log = createLogger(env.LOG_LEVEL);
const WARM_DELAY_MS = 1_000;
const ready: Promise<StatsContext> = createDb(env, { reader: true }).then((db) => {
  // Soon after the statistic that started this thread (or the server's own start-up), read the counts'
  // tallies, then load the control index (for the control series; counts and events do not need it).
  // One after the other: the thread runs one thing at a time, and each waits for the other's slices only.
  setTimeout(() => void warm(db), WARM_DELAY_MS).unref();
  return { db, now: () => new Date() };
});

async function warm(db: StatsContext["db"]): Promise<void> {
  const started = performance.now();
  try {
    const kept = await warmTallyCache(db);
    const talliesMs = Math.round(performance.now() - started);
    await controlIndex(db);
    log.info("statistics thread warmed", { ms: Math.round(performance.now() - started), talliesMs, ...kept });
  } catch (error) {
    // Each is read again when a statistic needs it.
    log.error("statistics thread's warm-up failed", { error: String(error) });
  }
}

function failure(error: unknown): StatsFailure {
  if (isAppError(error)) return { app: { code: error.code, message: error.message, details: error.details, retryAfterS: error.retryAfterS } };
  return { chain: describeChain(error) };
}

async function compute(ctx: StatsContext, request: StatsRequest): Promise<unknown> {
  switch (request.kind) {
    case "counts":
      return computeCounts(ctx, request.query);
    case "events":
      return computeEventStats(ctx, request.query as Parameters<typeof computeEventStats>[1]);
    case "control":
      return computeControlStats(ctx, request.query as Parameters<typeof computeControlStats>[1]);
  }
}

parentPort!.on("message", (request: StatsRequest) => {
  void ready
    .then((ctx) => compute(ctx, request))
    .then(
      (value): StatsReply => ({ id: request.id, value }),
      (error: unknown): StatsReply => ({ id: request.id, error: failure(error) }),
    )
    .then((reply) => parentPort!.postMessage(reply));
});
