import { describe, expect, it } from "vitest";
import type { Logger } from "../../../logger";
import { DatabaseStatus } from "./database-status";

function recorder() {
  const lines: string[] = [];
  const log: Logger = { error: (message) => lines.push(`error ${message}`), info: (message) => lines.push(`info ${message}`), debug: () => {} };
  return { lines, log };
}

describe("DatabaseStatus", () => {
  it("logs one line when a fault episode starts and one when it ends, however many requests failed", () => {
    const { lines, log } = recorder();
    const status = new DatabaseStatus(log);
    for (let i = 0; i < 250; i++) status.fault("down", new Error("Connection terminated unexpectedly"));
    expect(status.current).toBe("down");
    status.reachable();
    expect(status.current).toBe("ok");
    expect(lines).toEqual(["error database unreachable: answering 503 until it is back", "info database available again"]);
  });

  it("a successful read does not end a read-only episode; only a write does", () => {
    const { lines, log } = recorder();
    const status = new DatabaseStatus(log);
    status.fault("read-only", new Error("disk I/O error"));
    status.reachable();
    expect(status.current).toBe("read-only");
    status.writable();
    expect(status.current).toBe("ok");
    expect(lines).toHaveLength(2);
  });
});
