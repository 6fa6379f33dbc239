/**
 * The statistics run on their own thread (issue #14): /api/stats/counts, /api/stats/events and
 * /api/stats/control fold or group up to the whole history. On SQLite better-sqlite3 runs a query on
 * the thread that calls it, and the control series folds every control change in JavaScript: on the
 * request thread six clients looping on a year of hours held `GET /api/health` at 1.7 s (p50, 1,000,000
 * events). Here they run in a worker (./stats-worker.ts) with its own database connection and its own
 * control index, so a slow statistic waits only for itself. The fair share (server/http/fair-share.ts)
 * still decides who computes when; this only decides where. Decision: docs/decisions/0021-statistics-thread.md.
 */
import path from "node:path";
import { typeScriptWorker, WorkerRequests } from "../../threads/worker-requests";
import type { ErrorDetail } from "../../../lib/api-error";
import type { EventCounts, EventFilter, StatsSeries } from "../../../lib/schemas/event-query";
import type { Env } from "../../env";
import { AppError, type ErrorCode } from "../../errors";
import type { StatsQuery } from "./internal/stats-range";

export interface StatsResults {
  counts: EventCounts;
  events: StatsSeries;
  control: StatsSeries;
}
export type StatsKind = keyof StatsResults;
export interface StatsQueries {
  counts: EventFilter;
  events: StatsQuery;
  control: StatsQuery;
}

export interface StatsRequest {
  id: number;
  kind: StatsKind;
  query: StatsQueries[StatsKind];
}
/** A failure crosses the thread as data: an AppError as itself, anything else as its cause chain's text. */
export type StatsFailure = { app: { code: ErrorCode; message: string; details: ErrorDetail[]; retryAfterS?: number } } | { chain: string };
export type StatsReply = { id: number; value: unknown } | { id: number; error: StatsFailure };

/** Where statistics are computed: the worker thread in the server, the caller's thread where none runs. */
export interface StatsRunner {
  run<K extends StatsKind>(kind: K, query: StatsQueries[K]): Promise<StatsResults[K]>;
  close(): Promise<void>;
}

/** An error the worker reported, rebuilt so that the API's error mapping (busy, unreachable, …) reads it as before. */
export function fromFailure(failure: StatsFailure): Error {
  if ("app" in failure) return new AppError(failure.app.code, failure.app.message, failure.app.details, failure.app.retryAfterS);
  const error = new Error(failure.chain);
  error.name = "StatsThreadError";
  return error;
}

/**
 * The thread starts with the first statistic and stops after this long without one: a node that only
 * serves viewers (the wall, the dashboard) does not keep its memory (~50 MB: a second JavaScript heap,
 * database client and control index).
 */
export const STATS_THREAD_IDLE_MS = 10 * 60_000;

export class StatsThread implements StatsRunner {
  private readonly requests: WorkerRequests<Omit<StatsRequest, "id">, StatsReply>;

  constructor(env: Env) {
    this.requests = new WorkerRequests(
      () => typeScriptWorker(path.join(__dirname, "stats-worker.ts"), { env }),
      (why) =>
        new AppError(
          "busy",
          why === "closed" ? "The server is shutting down. Retry in a moment." : `The statistics thread stopped (${why}). Retry in a moment.`,
        ),
      STATS_THREAD_IDLE_MS,
    );
  }

  async run<K extends StatsKind>(kind: K, query: StatsQueries[K]): Promise<StatsResults[K]> {
    const reply = await this.requests.send({ kind, query });
    if ("error" in reply) throw fromFailure(reply.error);
    return reply.value as StatsResults[K];
  }

  close(): Promise<void> {
    return this.requests.close();
  }
}
