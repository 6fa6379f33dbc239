/**
 * Requests to a worker thread, each answered by one reply with the same `id` (the SQLite writer,
 * server/db/sqlite-writer.ts; the statistics, server/services/stats/stats-thread.ts). The thread starts
 * on the first request (or `start()`); one that crashes fails the requests it had with the error
 * `stopped` makes, and the next request starts a new one. A request in flight keeps the process alive;
 * an idle thread does not. With `idleMs`, a thread that has had no request for that long is stopped (its
 * memory returned) and the next request starts a new one.
 */
import { Worker } from "node:worker_threads";

/**
 * A worker that runs a TypeScript entry file. The server runs through tsx, whose loaders a worker does
 * not inherit: both are registered first (the ESM one for modules loaded with import()).
 */
export function typeScriptWorker(entry: string, workerData: unknown): Worker {
  const file = JSON.stringify(entry);
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); require("tsx/cjs"); require(${file}); });`, { eval: true, workerData });
}

export class WorkerRequests<Request extends object, Reply extends { id: number }> {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: unknown) => void }>();
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spawn: () => Worker,
    /** The error a request fails with when the thread stopped (`why`: its exit code or error) or is closed. */
    private readonly stopped: (why: string) => Error,
    private readonly idleMs?: number,
  ) {}

  start(): void {
    if (!this.closed) this.started();
  }

  send(request: Request): Promise<Reply> {
    if (this.closed) return Promise.reject(this.stopped("closed"));
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const worker = this.started();
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private stopIdle(worker: Worker): void {
    if (this.worker !== worker || this.pending.size > 0) return;
    this.worker = undefined;
    void worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) {
        worker.unref();
        if (this.idleMs !== undefined) this.idleTimer = setTimeout(() => this.stopIdle(worker), this.idleMs).unref();
      }
      waiting?.resolve(reply);
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [, waiting] of this.pending) waiting.reject(this.stopped(why));
      this.pending.clear();
    };
    worker.on("error", (error) => fail(error.message));
    worker.on("exit", (code) => fail(`exit ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
