import { describe, expect, it } from "vitest";
import { BACKOFF_MAX_MS, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles from 2 s, capped at 10 minutes, with at most a fifth of jitter", () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, none))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(20, none)).toBe(BACKOFF_MAX_MS);
    expect(retryDelayMs(10_000, none)).toBe(BACKOFF_MAX_MS);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(2_400);
  });
});
