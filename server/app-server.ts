/**
 * Builds the whole application on one http.Server: Next.js (pages and /api route handlers), Socket.IO
 * and the live feed. server/index.ts only wires and listens; tests start the real thing on port 0.
 */
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import next from "next";
import { rooms } from "../lib/contract/realtime";
import type { FeedEntry } from "../lib/schemas/feed";
import { setAppContext, type AppContext } from "./context";
import { createDb, readSqlitePragma } from "./db/client";
import { applyMigrations } from "./db/migrate";
import type { Env } from "./env";
import { createLogger } from "./logger";
import { FeedHub } from "./realtime/feed-hub";
import { createSocketServer, type FeedServer } from "./realtime/socket-server";
import { loadDemoScenario } from "./seed/load-demo-scenario";
import { loadReferenceData } from "./seed/load-reference-data";
import { readFeedAfter, readLastSeq } from "./services/feed/read-feed";
import { bootstrapAdmin } from "./services/users/bootstrap-admin";

export interface AppServer {
  http: HttpServer;
  io: FeedServer;
  context: AppContext;
  close(): Promise<void>;
}

export const PROJECT_ROOT = path.resolve(__dirname, "..");

export async function createAppServer(env: Env, options: { dev?: boolean } = {}): Promise<AppServer> {
  const log = createLogger(env.LOG_LEVEL);
  const dev = options.dev ?? env.NODE_ENV !== "production";

  const migrated = await applyMigrations(env, PROJECT_ROOT);
  log.info("database ready", { db: env.dbProvider, file: env.databaseFile, migrations: migrated });
  const db = await createDb(env);

  // Bound once Socket.IO exists (below); the demo seed publishes before that and the hub starts from the database.
  // eslint-disable-next-line prefer-const
  let hub: FeedHub | undefined;
  const context: AppContext = {
    env,
    db,
    log,
    now: () => new Date(),
    realtime: {
      publish: (entry: FeedEntry) => hub?.publish(entry),
      disconnectUser: (userId: string) => io.in(rooms.user(userId)).disconnectSockets(true),
      disconnectSession: (sessionId: string) => io.in(rooms.session(sessionId)).disconnectSockets(true),
    },
  };
  setAppContext(context);

  const reference = await loadReferenceData(db);
  const admin = await bootstrapAdmin(context);
  const demoReports = env.DEMO_DATA ? await loadDemoScenario(context) : 0;
  log.info("data loaded", { ...reference, admin, demoReports, synchronous: await readSqlitePragma(db, "synchronous") });

  const nextApp = next({ dev, dir: PROJECT_ROOT, hostname: env.HOST, port: env.PORT });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();
  const upgrade = nextApp.getUpgradeHandler();

  const http = createServer((req, res) => void handle(req, res));
  const io = createSocketServer(http, context, () => hub!);
  hub = new FeedHub(
    { readAfter: (after, limit) => readFeedAfter(db, after, limit) },
    (entry) => io.to(rooms.feed()).emit("feed", entry),
    await readLastSeq(db),
    (error) => log.error("feed sync failed", { error: String(error) }),
  );
  http.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
  });

  return {
    http,
    io,
    context,
    async close() {
      hub?.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await nextApp.close().catch(() => {});
      await db.$disconnect();
      setAppContext(undefined);
    },
  };
}
