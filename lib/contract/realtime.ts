/**
 * The one realtime contract: socket event names and payloads, shared by the server (`Server<...>`)
 * and the browser (`io()` as `Socket<...>`). Event names live here only.
 */
import type { FeedEntry } from "../schemas/feed";

export interface ServerToClientEvents {
  /** One feed entry; per connection `seq` is strictly increasing, without gap or duplicate. */
  feed: (entry: FeedEntry) => void;
  /** Sent once after catch-up: everything up to `lastSeq` has been delivered, live entries follow. */
  "feed:live": (info: { lastSeq: number }) => void;
}

// The client sends nothing but its handshake (`auth: { after, token, situation }`).
export type ClientToServerEvents = Record<string, never>;

export interface SocketData {
  userId: string | null;
  /** The session or token the socket authenticated with (its stored id, a hash). */
  sessionId: string | null;
  role: string;
}

/**
 * Error codes a connection can be refused with (`connect_error` → `err.data.code`); `rate_limited`: too
 * many open sockets from the address, try again later. A foreign Origin is refused before the handshake
 * (engine.io's `allowRequest`), without a code.
 */
export type SocketRefusal = "invalid_request" | "unauthorized" | "rate_limited";

export const rooms = {
  /** Every socket following a situation's feed that is caught up and receives its live entries. */
  feed: (situation: string) => `feed:${situation}`,
  /** Every socket of one user, so that disabling the user can close them at once. */
  user: (userId: string) => `user:${userId}`,
  /** Every socket opened with one session or token, so that revoking it closes them at once. */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
