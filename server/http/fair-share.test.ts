import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { FAIR_SHARE, FairShare } from "./fair-share";

/** A computation the test finishes by hand. */
function gate<T>(value: T) {
  let open!: () => void;
  const started = { count: 0 };
  const opened = new Promise<void>((resolve) => (open = resolve));
  const compute = async () => {
    started.count++;
    await opened;
    return value;
  };
  return { compute, open, started };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("FairShare", () => {
  it("computes identical requests once and keeps the result for a while", async () => {
    let now = 0;
    const share = new FairShare(FAIR_SHARE, () => now);
    const work = gate("series");
    const a = share.run("1.1.1.1", "k", work.compute);
    const b = share.run("2.2.2.2", "k", work.compute);
    work.open();
    expect(await Promise.all([a, b])).toEqual(["series", "series"]);
    expect(work.started.count).toBe(1);
    expect(await share.run("3.3.3.3", "k", work.compute)).toBe("series");
    expect(work.started.count).toBe(1);
    now = FAIR_SHARE.RESULT_TTL_MS;
    expect(await share.run("3.3.3.3", "k", work.compute)).toBe("series");
    expect(work.started.count).toBe(2);
  });

  it("gives free slots to addresses in turn: a looping address does not starve a newcomer", async () => {
    const share = new FairShare({ ...FAIR_SHARE, CONCURRENT: 1 });
    const order: string[] = [];
    const jobs = new Map<string, () => void>();
    const job = (address: string, n: number) =>
      share.run(address, `${address}-${n}`, () => {
        order.push(`${address}-${n}`);
        return new Promise<string>((resolve) => jobs.set(`${address}-${n}`, () => resolve(address)));
      });
    const greedy = [0, 1, 2, 3].map((n) => job("greedy", n));
    await tick();
    const newcomer = job("newcomer", 0);
    for (const key of ["greedy-0", "greedy-1", "newcomer-0", "greedy-2", "greedy-3"]) {
      await tick();
      expect(order.at(-1)).toBe(key);
      jobs.get(key)!();
    }
    await Promise.all([...greedy, newcomer]);
  });

  it("refuses a fifth waiting request from one address with 429, and gives up on a long wait with 503", async () => {
    const share = new FairShare({ ...FAIR_SHARE, CONCURRENT: 1, QUEUE_PER_ADDRESS: 4, WAIT_MAX_MS: 50 });
    const hold = gate("x");
    const running = share.run("a", "running", hold.compute);
    const waiting = [1, 2, 3, 4].map((n) => share.run("a", `w${n}`, async () => "w").catch((e: unknown) => e));
    const refused = await share.run("a", "w5", async () => "w").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "rate_limited", retryAfterS: 1 });
    const gaveUp = await Promise.all(waiting);
    for (const error of gaveUp) expect(error).toMatchObject({ code: "busy", retryAfterS: 2 });
    hold.open();
    expect(await running).toBe("x");
    // The slot is free again.
    expect(await share.run("b", "after", async () => "ok")).toBe("ok");
  });

  it("does not keep a failure", async () => {
    const share = new FairShare();
    await expect(share.run("a", "k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await share.run("a", "k", async () => "fine")).toBe("fine");
  });
});
