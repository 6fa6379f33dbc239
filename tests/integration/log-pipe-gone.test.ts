/**
 * A server whose log pipes go away (the terminal, supervisor or test that read them exited) goes on
 * serving, stays idle when idle and stops on SIGTERM. Before server/logger.ts let broken streams go, the
 * write's EPIPE reached Next's uncaughtException handler, which logged it to the same broken stream: the
 * server spun at ~80 % of a core for as long as it lived, stopped answering and ignored SIGTERM.
 */
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { call } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
});

/** CPU seconds (user + system) the process has used. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The promise's value, or `late` when it has not settled after `ms` (a hang reads as a failed expectation). */
const within = <T>(ms: number, promise: Promise<T>, late: string) => Promise.race([promise, sleep(ms).then(() => late)]);

describe("log pipes that go away", () => {
  it("keep the server serving, idle when idle, and stoppable", async () => {
    const server = await startServer();
    servers.push(server);
    // Let the start-up work (page warm-up, statistics thread) finish, so that "idle" means idle.
    while (!server.logs.some((line) => line.includes('"warmed up"'))) await sleep(100);
    await sleep(1_000);

    server.child.stdout!.destroy();
    server.child.stderr!.destroy();
    // Each failed sign-in writes a log line to the now broken pipe.
    for (let i = 0; i < 3; i++) {
      const refused = call(server.url, "POST", "/api/auth/login", { body: { email: "nobody@test.invalid", password: "wrong-password-here" } });
      expect(
        await within(
          20_000,
          refused.then((r) => r.status),
          "no answer in 20 s",
        ),
      ).toBe(401);
    }
    expect(
      await within(
        20_000,
        call(server.url, "GET", "/api/health").then((r) => r.status),
        "no answer in 20 s",
      ),
    ).toBe(200);

    // Idle, a server uses a few hundredths of a CPU second in 3 s; spinning on its own errors it used ~2.4.
    const before = cpuSeconds(server.child.pid!);
    await sleep(3_000);
    expect(cpuSeconds(server.child.pid!) - before).toBeLessThan(1);

    const exited = new Promise<string>((resolve) => server.child.once("exit", (code) => resolve(`exit ${code}`)));
    server.child.kill("SIGTERM");
    expect(await within(30_000, exited, "still running 30 s after SIGTERM")).toBe("exit 0");
  }, 120_000);
});
