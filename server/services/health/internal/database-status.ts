/**
 * What this node knows about its database between health checks: reachable and writable ("ok"),
 * unreachable ("down"), or reachable but refusing writes ("read-only": read-only or full disk, I/O
 * errors). Requests and the heartbeat report faults here; the log gets one line when a fault episode
 * starts and one when it ends, not one per refused request.
 */
import type { Logger } from "../../../logger";

export type DatabaseState = "ok" | "down" | "read-only";

function brief(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").slice(0, 300);
}

export class DatabaseStatus {
  private state: DatabaseState = "ok";
  private since = 0;
  private refused = 0;

  constructor(
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  get current(): DatabaseState {
    return this.state;
  }

  /** A request or probe found the database unusable in this way. */
  fault(state: Exclude<DatabaseState, "ok">, error: unknown): void {
    this.refused++;
    if (this.state === state) return;
    this.state = state;
    this.since = this.clock();
    this.refused = 1;
    this.log.error(
      state === "down"
        ? "database unreachable: answering 503 until it is back"
        : "database cannot store changes (read-only, full or failing disk): answering 503 until it can",
      { error: brief(error) },
    );
  }

  /** A read succeeded: the database is reachable again (whether it takes writes, the next write tells). */
  reachable(): void {
    if (this.state === "down") this.end();
  }

  /** A write succeeded (the heartbeat): any episode is over. */
  writable(): void {
    if (this.state !== "ok") this.end();
  }

  private end(): void {
    this.log.info("database available again", { was: this.state, seconds: Math.round((this.clock() - this.since) / 1000), failures: this.refused });
    this.state = "ok";
    this.refused = 0;
  }
}
