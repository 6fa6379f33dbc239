import { describe, expect, it } from "vitest";
import { isPublicAddress, literalProblem, targetProblem } from "./target-address";

describe("webhook targets", () => {
  it("takes public unicast addresses only", () => {
    for (const inside of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPublicAddress(inside), inside).toBe(false);
    }
    for (const outside of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"]) expect(isPublicAddress(outside), outside).toBe(true);
    expect(isPublicAddress("not an address")).toBe(false);
  });

  it("refuses loopback, private and metadata targets unless the host is allowed, naming the address", async () => {
    expect(await targetProblem("http://127.0.0.1:9/hook", [])).toMatch(
      /^127\.0\.0\.1 is a loopback, private or reserved address: list the host in WEBHOOK_ALLOW_HOSTS/,
    );
    expect(await targetProblem("http://[::1]:9/hook", [])).toMatch(/^::1 is a loopback/);
    expect(await targetProblem("http://169.254.169.254/latest/meta-data", [])).toMatch(/reserved address/);
    expect(await targetProblem("http://localhost:9/hook", [])).toMatch(/^localhost is resolved to (127\.0\.0\.1|::1), a loopback/);
    expect(await targetProblem("http://127.0.0.1:9/hook", ["127.0.0.1"])).toBeNull();
    expect(await targetProblem("http://[::1]:9/hook", ["::1"])).toBeNull();
    expect(await targetProblem("http://localhost:9/hook", ["localhost"])).toBeNull();
    expect(await targetProblem("https://93.184.215.14/hook", [])).toBeNull();
    expect(await targetProblem("https://no-such-host.invalid/hook", [])).toBe("no-such-host.invalid does not resolve to an address");
  });

  it("checks address literals before connecting (the lookup is not asked for them)", () => {
    expect(literalProblem("http://10.0.0.5/x", [])).toMatch(/^10\.0\.0\.5 is a loopback/);
    expect(literalProblem("http://10.0.0.5/x", ["10.0.0.5"])).toBeNull();
    expect(literalProblem("http://example.org/x", [])).toBeNull();
  });
});
