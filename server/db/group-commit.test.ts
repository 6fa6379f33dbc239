import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";

/** A fake store whose writes finish when the test says so, recording each batch it was given. */
function fakeStore(fail?: (jobs: number[]) => Error | undefined) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (jobs: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push([...jobs]);
      pending.push(() => {
        const error = fail?.(jobs);
        if (error) reject(error);
        else resolve(jobs.map((job) => `stored ${job}`));
      });
    });
  const finishNext = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, write, finishNext };
}

describe("GroupCommit", () => {
  it("writes a lone job at once and batches the jobs that arrive while a write runs", async () => {
    const store = fakeStore();
    const writer = new GroupCommit(store.write);
    const first = writer.submit(1);
    expect(store.batches).toEqual([[1]]);
    const later = [writer.submit(2), writer.submit(3), writer.submit(4)];
    await store.finishNext();
    expect(await first).toBe("stored 1");
    expect(store.batches).toEqual([[1], [2, 3, 4]]);
    await store.finishNext();
    expect(await Promise.all(later)).toEqual(["stored 2", "stored 3", "stored 4"]);
  });

  it("settles no job before its own batch is written", async () => {
    const store = fakeStore();
    const writer = new GroupCommit(store.write);
    let settled = false;
    void writer.submit(1).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await store.finishNext();
    expect(settled).toBe(true);
  });

  it("keeps batches to maxBatch jobs", async () => {
    const store = fakeStore();
    const writer = new GroupCommit(store.write, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((job) => writer.submit(job));
    for (let i = 0; i < 3; i++) await store.finishNext();
    await Promise.all(all);
    expect(store.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("retries a failed batch job by job, so only the bad job fails", async () => {
    const store = fakeStore((jobs) => (jobs.includes(3) ? new Error("job 3 is bad") : undefined));
    const writer = new GroupCommit(store.write);
    const first = writer.submit(1);
    const batch = [2, 3, 4].map((job) => writer.submit(job).catch((error: Error) => error.message));
    for (let i = 0; i < 5; i++) await store.finishNext();
    await first;
    expect(await Promise.all(batch)).toEqual(["stored 2", "job 3 is bad", "stored 4"]);
    expect(store.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it("fails the whole batch at once for an error that is not one job's (database busy)", async () => {
    const busy = new Error("database busy");
    const store = fakeStore((jobs) => (jobs.length > 1 ? busy : undefined));
    const writer = new GroupCommit(store.write, { isolate: (error) => error !== busy });
    const first = writer.submit(1);
    const batch = [2, 3].map((job) => writer.submit(job).catch((error: Error) => error.message));
    await store.finishNext();
    await store.finishNext();
    await first;
    expect(await Promise.all(batch)).toEqual(["database busy", "database busy"]);
    expect(store.batches).toEqual([[1], [2, 3]]);
  });

  it("keeps writing after a failed batch", async () => {
    const store = fakeStore((jobs) => (jobs[0] === 1 ? new Error("first fails") : undefined));
    const writer = new GroupCommit(store.write);
    const first = writer.submit(1).catch((error: Error) => error.message);
    await store.finishNext();
    expect(await first).toBe("first fails");
    const second = writer.submit(2);
    await store.finishNext();
    expect(await second).toBe("stored 2");
  });

  it("with failQueued, a batch that lost the database fails the jobs queued behind it at once, unwritten", async () => {
    const lost = new Error("Connection terminated unexpectedly");
    const store = fakeStore(() => lost);
    const refused = new Error("nothing was saved");
    const writer = new GroupCommit(store.write, { isolate: () => false, failQueued: (error) => (error === lost ? refused : undefined) });
    const results = [1, 2, 3].map((job) => writer.submit(job).catch((error: unknown) => error));
    await store.finishNext();
    expect(await Promise.all(results)).toEqual([lost, refused, refused]);
    expect(store.batches).toEqual([[1]]);
  });
});
