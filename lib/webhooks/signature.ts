/**
 * A webhook body's signature (contract v2): `sha256=<hex HMAC-SHA256 of the exact body bytes, keyed
 * with the webhook's secret>`, in the `X-Situation-Signature` header. A receiver recomputes it over the
 * raw body it read and compares in constant time (`verifySignature`).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function verifySignature(secret: string, body: string | Buffer, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
