/** The one rule for "which client is this" behind the rate limits and the per-address socket limit. */
import type { IncomingMessage } from "node:http";
import type { Env } from "../env";

/**
 * The connection's address, or, with TRUST_PROXY=true (behind nginx or another proxy that appends
 * the address it saw), the last X-Forwarded-For entry: the one our own proxy wrote.
 */
export function clientAddress(req: Pick<IncomingMessage, "headers" | "socket">, env: Pick<Env, "TRUST_PROXY">): string {
  if (env.TRUST_PROXY) {
    const forwarded = req.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last.slice(0, 64);
  }
  return req.socket.remoteAddress ?? "unknown";
}
