/**
 * Starts the real server (server/index.ts, production build of Next) as a child process on port 0 with
 * its own SQLite file, and reads its port from the "listening" log line. One process, so SIGKILL kills
 * exactly the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

export const ROOT = path.resolve(__dirname, "../../..");
export const ADMIN = { email: "admin@test.invalid", password: "admin-password-for-tests" };

export interface ServerOptions {
  /** Reuse a database file (for restarts); by default a new temporary one. */
  dbFile?: string;
  port?: number;
  env?: Record<string, string>;
  /** The checkout (with its own build) the server runs from; by default this one (A/B benchmarks run another beside it). */
  root?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  dbFile: string;
  child: ChildProcess;
  logs: string[];
  /** SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export function tempDbFile(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sd-${label}-`));
  return path.join(dir, "situation.db");
}

const STARTUP_TIMEOUT_MS = 60_000;

/**
 * `TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432` runs the servers on PostgreSQL instead: one
 * database per temporary file name (so a restart on the same file finds the same data), created on start.
 */
export function databaseUrlFor(dbFile: string): string {
  const postgres = process.env.TEST_POSTGRES_URL;
  if (!postgres) return `file:${dbFile}`;
  const name = `sd_it_${path
    .basename(path.dirname(dbFile))
    .replace(/[^a-zA-Z0-9]/g, "_")
    .toLowerCase()}`;
  return `${postgres.replace(/\/$/, "")}/${name}`;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dbFile = options.dbFile ?? tempDbFile("it");
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: options.root ?? ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(options.port ?? 0),
      DATABASE_URL: databaseUrlFor(dbFile),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DEMO_DATA: "false",
      LOG_LEVEL: "info",
      NEXT_TELEMETRY_DISABLED: "1",
      // Tests and benchmarks post far faster than any desk; rate-limit.test.ts sets its own limits.
      WRITE_RATE_LIMIT: "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${logs.join("")}`)), STARTUP_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${logs.join("")}`));
    });
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      logs.push(line);
      try {
        const record = JSON.parse(line) as { msg?: string; port?: number };
        if (record.msg === "listening" && record.port) {
          clearTimeout(timer);
          resolve(record.port);
        }
      } catch {
        // Next's own banner lines are not JSON.
      }
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dbFile,
    child,
    logs,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
