import { describe, expect, it } from "vitest";
import { AddressLimit } from "./address-limit";

describe("AddressLimit", () => {
  it("refuses an address at its limit until one of its sockets is released", () => {
    const limit = new AddressLimit(2);
    const first = limit.acquire("10.0.0.1")!;
    expect(limit.acquire("10.0.0.1")).not.toBeNull();
    expect(limit.acquire("10.0.0.1")).toBeNull();
    expect(limit.acquire("10.0.0.2")).not.toBeNull(); // another address has its own count
    first();
    first(); // a second release of the same socket changes nothing
    expect(limit.count("10.0.0.1")).toBe(1);
    expect(limit.acquire("10.0.0.1")).not.toBeNull();
    expect(limit.acquire("10.0.0.1")).toBeNull();
  });

  it("counts without a ceiling when the limit is 0, and forgets addresses with no socket", () => {
    const limit = new AddressLimit(0);
    const releases = Array.from({ length: 500 }, () => limit.acquire("10.0.0.1")!);
    expect(releases.every(Boolean)).toBe(true);
    releases.forEach((release) => release());
    expect(limit.count("10.0.0.1")).toBe(0);
  });
});
