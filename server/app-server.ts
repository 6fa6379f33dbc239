/**
 * Builds the whole application on one http.Server: Next.js (pages and /api route handlers), Socket.IO
 * and the live feed. server/index.ts only wires and listens; tests start the real thing on port 0.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import next from "next";
import { rooms } from "../lib/contract/realtime";
import type { StoredFeedEntry } from "../lib/schemas/feed";
import { setAppContext, type AppContext } from "./context";
import { createDb, readSqlitePragma } from "./db/client";
import { isDatabaseUnreachable } from "./db/errors";
import { sqliteWriterOf } from "./db/sqlite-writer";
import { applyMigrations, withStartupLock } from "./db/migrate";
import { lockSqliteFile } from "./db/sqlite-server-lock";
import type { Env } from "./env";
import { compress } from "./http/compression";
import { FairShare } from "./http/fair-share";
import { createRateLimits } from "./http/rate-limit";
import { guardRequest } from "./http/request-guard";
import { createApiServer, isApiPath } from "./http/serve-api";
import { createLogger } from "./logger";
import { joinCluster, type FeedCluster } from "./realtime/cluster";
import { SituationFeeds } from "./realtime/situation-feeds";
import { createSocketServer, type FeedServer } from "./realtime/socket-server";
import { loadDemoScenario } from "./seed/load-demo-scenario";
import { loadReferenceData } from "./seed/load-reference-data";
import { ensureDefaultSituation } from "./services/situations/ensure-default-situation";
import { SituationRegistry } from "./services/situations/internal/situation-registry";
import { SituationStores } from "./services/situations/internal/situation-stores";
import { DatabaseStatus } from "./services/health/internal/database-status";
import { startHeartbeat, type Heartbeat } from "./services/health/node-heartbeat";
import { issueSetupCode } from "./services/setup/issue-setup-code";
import { WebhookDispatcher } from "./services/webhooks/webhook-dispatcher";
import { scheduleRetention } from "./services/retention/schedule-retention";
import { controlIndex, saveControlIndex } from "./services/control/internal/control-index";
import { restoreControl } from "./services/control/get-control";
import { warmSnapshotDrawing } from "./services/snapshots/warm-snapshot-drawing";
import { WARM_UP_BUDGET_MS, warmPageRendering, warmThroughPrivatePort } from "./http/warm-page-rendering";
import { StatsThread } from "./services/stats/stats-thread";
import { bootstrapAdmin } from "./services/users/bootstrap-admin";

export interface AppServer {
  http: HttpServer;
  io: FeedServer;
  context: AppContext;
  /** The one-time code for the setup link when this start found no user who can sign in (server/index.ts logs it). */
  setupCode: string | null;
  close(): Promise<void>;
}

export const PROJECT_ROOT = path.resolve(__dirname, "..");

/**
 * With several nodes (PostgreSQL or REDIS_URL), how often each node reads the feed beyond what it has
 * broadcast: entries another node committed reach this node's viewers within this even when no Redis
 * announcement arrives (Redis down, a node killed between commit and announce).
 */
export const FEED_CATCH_UP_INTERVAL_MS = 1_000;

/** The control index starts loading this long after the server listens (server/services/control/internal/control-index.ts). */
const CONTROL_INDEX_WARM_DELAY_MS = 2_000;

/** How long an idle keep-alive connection stays open: longer than any proxy's or client's idle timeout. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function createAppServer(env: Env, options: { dev?: boolean } = {}): Promise<AppServer> {
  const log = createLogger(env.LOG_LEVEL);
  const dev = options.dev ?? env.NODE_ENV !== "production";

  // One server per SQLite file; on PostgreSQL, migrate and seed one node at a time.
  const fileLock = env.databaseFile ? lockSqliteFile(env.databaseFile) : undefined;
  try {
    const { warm, ...app } = await withStartupLock(env, () => startAppServer(env, log, dev));
    // (Outside the start-up lock: the nodes of a PostgreSQL desk warm at once.)
    await warm();
    return { ...app, close: () => app.close().finally(() => fileLock?.release()) };
  } catch (error) {
    fileLock?.release();
    throw error;
  }
}

async function startAppServer(env: Env, log: ReturnType<typeof createLogger>, dev: boolean): Promise<AppServer & { warm(): Promise<void> }> {
  const migrated = await applyMigrations(env, PROJECT_ROOT);
  log.info("database ready", { db: env.dbProvider, file: env.databaseFile, migrations: migrated });
  const db = await createDb(env);

  const mainSituation = await ensureDefaultSituation(db);
  const stats = new StatsThread(env);
  const dbStatus = new DatabaseStatus(log);
  // Each situation's feed hub is made when a socket first follows it (situation-feeds.ts); Socket.IO is
  // bound below, and the demo seed publishes before that (no hub yet: hubs start from the database).
  const feeds = new SituationFeeds(
    () => io,
    // The catch-up runs every second: an unreachable database is one episode in the log, not a line a second.
    (error) => (isDatabaseUnreachable(error) ? dbStatus.fault("down", error) : log.error("feed sync failed", { error: String(error) })),
  );
  let cluster: FeedCluster | undefined;
  const publishTo = (situation: string, stored: StoredFeedEntry) => {
    const entry = { ...stored, situation };
    feeds.publish(entry);
    cluster?.announce(entry);
    webhooks.wake(situation);
  };
  const context: AppContext = {
    env,
    db,
    accounts: db,
    situation: { slug: mainSituation.slug, store: "", archived: mainSituation.archived, countries: mainSituation.countries, bounds: mainSituation.bounds },
    situations: { registry: new SituationRegistry(db), stores: new SituationStores({ env, db, stats }, PROJECT_ROOT) },
    log,
    limits: createRateLimits(env, log),
    fairShare: new FairShare(),
    stats,
    dbStatus,
    nodeName: env.NODE_NAME ?? `${os.hostname()}:${env.PORT}`,
    now: () => new Date(),
    realtime: {
      publish: (entry) => publishTo(mainSituation.slug, entry),
      publishTo,
      disconnectUser: (userId: string) => io.in(rooms.user(userId)).disconnectSockets(true),
      disconnectSession: (sessionId: string) => io.in(rooms.session(sessionId)).disconnectSockets(true),
    },
  };
  setAppContext(context);
  // Wakes on every commit (publishTo, above); its loops start once the server is set up (below).
  const webhooks = new WebhookDispatcher(context);
  context.webhooks = webhooks;

  const reference = await loadReferenceData(db);
  const admin = await bootstrapAdmin(context);
  const setupCode = await issueSetupCode(context);
  const demoReports = env.DEMO_DATA ? await loadDemoScenario(context, env.DEMO_DATA) : 0;
  log.info("data loaded", {
    ...reference,
    admin,
    demoReports,
    synchronous: env.dbProvider === "sqlite" ? await readSqlitePragma(db, "synchronous") : undefined,
  });

  const restoring = performance.now();
  const controlRestored = await restoreControl(db).catch((error: unknown) => {
    log.error("control index not restored from its snapshot", { error: String(error) });
    return false;
  });
  log.info(controlRestored ? "control index restored" : "control index to be read", { ms: Math.round(performance.now() - restoring) });

  const nextApp = next({ dev, dir: PROJECT_ROOT, hostname: env.HOST, port: env.PORT });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();
  const upgrade = nextApp.getUpgradeHandler();

  // Security headers and malformed paths first (request-guard), then gzip for what is worth it; /api/*
  // is answered by the route handlers directly (serve-api), everything else by Next.js.
  const serveApi = createApiServer(PROJECT_ROOT, log);
  await serveApi.ready;
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    if (!guardRequest(req, res, env, dev)) return;
    compress(req, res, () => void (isApiPath(req.url) ? serveApi(req, res) : handle(req, res)));
  };
  const http = createServer(answer);
  // Keep idle connections longer than clients and proxies do (nginx's upstream keepalive_timeout is 60 s;
  // Node's default is 5 s): when the server closes an idle keep-alive connection first, a client that
  // sends on it at that moment gets ECONNRESET (seen in CI on a post after a pause of a few seconds).
  http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  http.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const io = createSocketServer(http, context, feeds);
  if (env.REDIS_URL) cluster = await joinCluster(io, env.REDIS_URL, log, (entry) => feeds.publish(entry));
  const catchUp = env.REDIS_URL || env.dbProvider === "postgresql" ? setInterval(() => void feeds.syncAll(), FEED_CATCH_UP_INTERVAL_MS) : undefined;
  catchUp?.unref();
  const stopRetention = scheduleRetention(context);
  webhooks.start();
  // Heartbeats start once the port is known, which names the node unless NODE_NAME does.
  let heartbeat: Heartbeat | undefined;
  http.once("listening", () => {
    if (!env.NODE_NAME) context.nodeName = `${os.hostname()}:${(http.address() as AddressInfo).port}`;
    heartbeat = startHeartbeat(context, context.nodeName);
    // Read every control change soon after the start (in chunks, between requests), after the first
    // requests: until it has loaded, control is read from each place's newest changes.
    // (Restored from its snapshot before listening, it is there already.)
    setTimeout(() => {
      if (controlRestored) return;
      const loading = performance.now();
      void controlIndex(context.db).then(
        (index) => log.info("control index read", { changes: index.changes.length, ms: Math.round(performance.now() - loading) }),
        (error: unknown) => log.info("control index not loaded at start; the first request loads it", { error: String(error) }),
      );
    }, CONTROL_INDEX_WARM_DELAY_MS).unref();
  });
  http.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
  });

  return {
    http,
    io,
    context,
    setupCode,
    async warm() {
      // A page's first render and the map's first picture (its largest paint) are slow the first time in a
      // process (bundles loaded, React's server rendering compiled: ~1.5 s): render and draw once before the
      // port opens, so that no reader's request is the cold first or waits behind it. Pages not in
      // development, where a first render compiles the page and the developer's reload does that.
      const started = performance.now();
      await warmSnapshotDrawing(context).catch((error: unknown) => log.debug("map drawing not warmed at start", { error: String(error) }));
      if (!dev) {
        await warmThroughPrivatePort(answer, (port) => warmPageRendering(port, AbortSignal.timeout(WARM_UP_BUDGET_MS))).catch((error: unknown) =>
          log.debug("page rendering not warmed at start", { error: String(error) }),
        );
      }
      log.info("warmed up", { ms: Math.round(performance.now() - started) });
    },
    async close() {
      clearInterval(catchUp);
      stopRetention();
      await webhooks.stop();
      heartbeat?.stop();
      feeds.stop();
      await cluster?.close();
      await io.close();
      await nextApp.close().catch(() => {});
      await saveControlIndex(db).catch((error: unknown) => log.error("control index snapshot not stored", { error: String(error) }));
      await context.situations.stores.close();
      await sqliteWriterOf(db)?.close();
      await context.stats.close();
      await db.$disconnect();
      await context.limits.close();
      setAppContext(undefined);
    },
  };
}
