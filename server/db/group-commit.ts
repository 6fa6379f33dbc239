/**
 * Group commit: jobs submitted while a write is running are written together by the next one, so N
 * concurrent report posts cost one transaction, a few multi-row INSERTs and (SQLite) one fsync instead
 * of N of each (docs/decisions/0012-group-commit.md). A job submitted while nothing runs is written at
 * once: there is no timer and no added latency for a lone editor.
 *
 * Each job's promise settles only after its own batch committed (or failed), so an acknowledgement still
 * means "on disk". When a batch fails with an error that may belong to one job (`isolate`), its jobs are
 * written again one per transaction, so each request gets its own answer; other errors (the database is
 * busy or gone) fail the whole batch at once rather than making every job wait again in turn; with
 * `failQueued`, an unreachable database also fails the jobs queued behind the batch, unwritten.
 */
export interface GroupCommitOptions {
  /** Most jobs in one transaction. */
  maxBatch?: number;
  /** True for errors that may come from a single job, after which the batch is retried job by job. */
  isolate?: (error: unknown) => boolean;
  /**
   * For a batch error that the queued jobs would meet too (the database is unreachable), the error to
   * fail them with at once, unwritten, instead of letting each later batch wait out the same deadline.
   */
  failQueued?: (error: unknown) => unknown;
}

interface Queued<J, R> {
  job: J;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<J, R> {
  private queue: Queued<J, R>[] = [];
  private running = false;
  private readonly maxBatch: number;
  private readonly isolate: (error: unknown) => boolean;
  private readonly failQueued: (error: unknown) => unknown;

  /** `write` stores the jobs in one transaction and returns one result per job, in order. */
  constructor(
    private readonly write: (jobs: J[]) => Promise<R[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 64;
    this.isolate = options.isolate ?? (() => true);
    this.failQueued = options.failQueued ?? (() => undefined);
  }

  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(batch: Queued<J, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.write(batch.map((item) => item.job));
    } catch (error) {
      if (batch.length === 1 || !this.isolate(error)) {
        for (const item of batch) item.reject(error);
        const queuedError = this.failQueued(error);
        if (queuedError !== undefined) for (const item of this.queue.splice(0)) item.reject(queuedError);
        return;
      }
      for (const item of batch) await this.writeBatch([item]);
      return;
    }
    if (results.length !== batch.length) {
      const error = new Error(`group commit: ${results.length} results for ${batch.length} jobs`);
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i]!));
  }
}
