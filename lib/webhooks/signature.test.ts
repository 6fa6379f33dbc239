import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature";

describe("webhook signatures", () => {
  it("is the hex HMAC-SHA256 of the body with the secret, prefixed sha256=", () => {
    const body = '{"id":"syria:1","seq":1}';
    expect(signBody("a-secret-of-16-chars", body)).toBe(`sha256=${createHmac("sha256", "a-secret-of-16-chars").update(body).digest("hex")}`);
    // RFC 4231 test case 2.
    expect(signBody("Jefe", "what do ya want for nothing?")).toBe("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("verifies the exact body only", () => {
    const body = '{"seq":2}';
    const header = signBody("another-secret-123", body);
    expect(verifySignature("another-secret-123", body, header)).toBe(true);
    expect(verifySignature("another-secret-123", '{"seq":3}', header)).toBe(false);
    expect(verifySignature("wrong-secret-123456", body, header)).toBe(false);
    expect(verifySignature("another-secret-123", body, null)).toBe(false);
    expect(verifySignature("another-secret-123", body, "sha256=00")).toBe(false);
  });
});
