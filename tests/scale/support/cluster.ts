/**
 * Several real nodes (server/index.ts, production build) on one PostgreSQL database joined by Redis,
 * as a deployment runs them behind a load balancer. Needs PostgreSQL and Redis: `npm run test:scale`
 * only (the default `npm test` needs neither). Each test gets its own database `sd_scale_<random>`.
 */
import { execFileSync } from "node:child_process";
import { Client } from "pg";
import { startServer, type RunningServer } from "../../integration/support/server-process";

export const POSTGRES_ADMIN_URL = process.env.SCALE_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.SCALE_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The command this machine starts Redis with (the lead's note; the CI script uses the same). */
const REDIS_START = [
  "--daemonize",
  "yes",
  "--bind",
  "127.0.0.1",
  "-::1",
  "--port",
  "6379",
  "--save",
  "",
  "--appendonly",
  "no",
  "--dir",
  "/var/lib/redis",
  "--logfile",
  "/var/log/redis/ci.log",
];

export function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function newDatabaseName(): string {
  return `sd_scale_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface Cluster {
  database: string;
  nodes: RunningServer[];
  /** Starts one more node on the same database and Redis. */
  addNode(): Promise<RunningServer>;
  stop(): Promise<void>;
}

/** Starts `count` nodes at the same time (they migrate and seed one at a time under the startup lock). */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const database = newDatabaseName();
  const nodeEnv = { DATABASE_URL: databaseUrl(database), REDIS_URL, ...env };
  const nodes: RunningServer[] = [];
  const addNode = async () => {
    const node = await startServer({ env: nodeEnv });
    nodes.push(node);
    return node;
  };
  const started = await Promise.allSettled(Array.from({ length: count }, addNode));
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await Promise.all(nodes.map((node) => node.stop()));
    await dropDatabase(database);
    throw failed.reason;
  }
  return {
    database,
    nodes,
    addNode,
    async stop() {
      await Promise.all(nodes.map((node) => node.stop()));
      await dropDatabase(database);
    },
  };
}

export function redisCli(...args: string[]): string {
  return execFileSync("redis-cli", ["-u", REDIS_URL, ...args], { encoding: "utf8" }).trim();
}

export function stopRedis(): void {
  execFileSync("redis-cli", ["-u", REDIS_URL, "shutdown", "nosave"], { stdio: "ignore" });
}

export async function startRedis(): Promise<void> {
  execFileSync("redis-server", REDIS_START, { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      if (redisCli("ping") === "PONG") return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("Redis did not come back");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
