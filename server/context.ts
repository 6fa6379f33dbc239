/**
 * The process-wide application context, set once by createAppServer. API route handlers are loaded by
 * the custom server itself (server/http/serve-api.ts), but pages' server components are bundled by
 * Next.js, where module-level singletons would exist a second time; the context therefore lives on
 * `globalThis`, read the same way by both (tests/integration/first-run.test.ts and the e2e specs render
 * pages from it; every integration test reaches a socket client from a route handler through it).
 */
import type { StoredFeedEntry } from "../lib/schemas/feed";
import type { Db } from "./db/client";
import type { Env } from "./env";
import type { FairShare } from "./http/fair-share";
import type { RateLimits } from "./http/rate-limit";
import type { Logger } from "./logger";
import type { DatabaseStatus } from "./services/health/internal/database-status";
import type { SituationRegistry } from "./services/situations/internal/situation-registry";
import type { SituationStores } from "./services/situations/internal/situation-stores";
import type { StatsRunner } from "./services/stats/stats-thread";

export interface Realtime {
  /** Hand a committed feed entry of this context's situation to the live feed (call only after its transaction committed). */
  publish(entry: StoredFeedEntry): void;
  /** The same for a committed entry of any situation (by slug). */
  publishTo(situation: string, entry: StoredFeedEntry): void;
  /** Close every open socket of a user (disabled, or role changed). */
  disconnectUser(userId: string): void;
  /** Close the open sockets that authenticated with one session or token (signed out, token revoked). */
  disconnectSession(sessionId: string): void;
}

/** The situation a context works on (server/services/situations/situation-context.ts). */
export interface SituationRef {
  slug: string;
  /** Where its data lives: "" for the main database (internal/situation-stores.ts). */
  store: string;
  archived: boolean;
  /** ISO 3166-1 alpha-2: what its map is framed on and its region shapes are clipped to. */
  countries: string[];
  /** `[[west, south], [east, north]]`: what its map is framed on. */
  bounds: [[number, number], [number, number]];
}

export interface AppContext {
  env: Env;
  /**
   * The database of `situation`: its reports, feed, places and tallies. Users, sessions and the list of
   * situations are in `accounts` (the main database), which is this one for the situation stored there.
   */
  db: Db;
  accounts: Db;
  situation: SituationRef;
  situations: { registry: SituationRegistry; stores: SituationStores };
  realtime: Realtime;
  log: Logger;
  /** Failed sign-ins and writes per user (server/http/rate-limit.ts). */
  limits: RateLimits;
  /** Turns for expensive reads per client address (server/http/fair-share.ts). */
  fairShare: FairShare;
  /** Where the statistics are computed: their own thread (server/services/stats/stats-thread.ts). */
  stats: StatsRunner;
  /** Whether the database was last found reachable and writable (services/health/internal/database-status.ts). */
  dbStatus: DatabaseStatus;
  /** This node's name in health's `nodes` (NODE_NAME, or `<host>:<port>` once listening). */
  nodeName: string;
  /** The webhook deliveries (server/services/webhooks/webhook-dispatcher.ts): told of a webhook created or deleted. */
  webhooks?: { refresh(): Promise<void> };
  /** Injected clock, so tests and the seed can control time. */
  now: () => Date;
}

const CONTEXT_KEY = Symbol.for("situation-desk.app-context");
type GlobalWithContext = typeof globalThis & { [CONTEXT_KEY]?: AppContext };

export function setAppContext(context: AppContext | undefined): void {
  (globalThis as GlobalWithContext)[CONTEXT_KEY] = context;
}

export function getAppContext(): AppContext {
  const context = (globalThis as GlobalWithContext)[CONTEXT_KEY];
  if (!context) throw new Error("Situation Desk context is missing: start the app with server/index.ts (npm run dev / npm start), not `next dev`.");
  return context;
}
