import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { WorkerRequests } from "./worker-requests";

/** A thread that answers each request with its `n` doubled, or exits when asked. */
const echo = () =>
  new Worker(
    `const { parentPort } = require("node:worker_threads");
     parentPort.on("message", ({ id, n, exit }) => (exit ? process.exit(3) : parentPort.postMessage({ id, doubled: n * 2 })));`,
    { eval: true },
  );

describe("requests to a worker thread", () => {
  it("match replies to requests, stop an idle thread and start a new one for the next request", async () => {
    let spawned = 0;
    const requests = new WorkerRequests<{ n: number }, { id: number; doubled: number }>(
      () => (spawned++, echo()),
      (why) => new Error(why),
      50,
    );
    const replies = await Promise.all([1, 2, 3].map((n) => requests.send({ n })));
    expect(replies.map((r) => r.doubled)).toEqual([2, 4, 6]);
    expect(spawned).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await requests.send({ n: 5 })).doubled).toBe(10);
    expect(spawned).toBe(2);
    await requests.close();
    await expect(requests.send({ n: 1 })).rejects.toThrow("closed");
  });

  it("fail the requests a crashed thread had, and start a new one after", async () => {
    const requests = new WorkerRequests<{ n: number; exit?: boolean }, { id: number; doubled: number }>(echo, (why) => new Error(`stopped: ${why}`));
    await expect(requests.send({ n: 1, exit: true })).rejects.toThrow("stopped: exit 3");
    expect((await requests.send({ n: 4 })).doubled).toBe(8);
    await requests.close();
  });
});
