import { describe, expect, it } from "vitest";
import { isConnectFailure, isDatabaseUnreachable } from "./errors";
import { CIRCUIT_OPEN_MESSAGE, ConnectionBreaker } from "./pg-deadline-client";

describe("ConnectionBreaker", () => {
  it("lets everything through until a connection goes silent, then one attempt per second until one succeeds", () => {
    let now = 0;
    const breaker = new ConnectionBreaker(() => now);
    expect([breaker.allows(), breaker.allows()]).toEqual([true, true]);
    breaker.trip();
    expect(breaker.allows()).toBe(true); // the first probe
    expect(breaker.allows()).toBe(false);
    now += 500;
    expect(breaker.allows()).toBe(false);
    now += ConnectionBreaker.PROBE_MS;
    expect(breaker.allows()).toBe(true);
    expect(breaker.allows()).toBe(false);
    breaker.succeeded();
    expect([breaker.allows(), breaker.allows()]).toEqual([true, true]);
  });

  it("closes by itself after BREAK_MS, and a new silence opens it again", () => {
    let now = 0;
    const breaker = new ConnectionBreaker(() => now);
    breaker.trip();
    breaker.allows();
    now = ConnectionBreaker.BREAK_MS;
    expect([breaker.allows(), breaker.allows()]).toEqual([true, true]);
    breaker.trip();
    breaker.allows();
    expect(breaker.allows()).toBe(false);
  });

  it("its refusal reads as unreachable before anything was sent (a 503 saying nothing was saved)", () => {
    const error = new Error(CIRCUIT_OPEN_MESSAGE);
    expect(isDatabaseUnreachable(error)).toBe(true);
    expect(isConnectFailure(error)).toBe(true);
  });
});
