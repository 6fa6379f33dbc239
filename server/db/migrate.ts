import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import type { Env } from "../env";
import { ensureDatabaseDirectory } from "./client";
import { applyPostgresMigrations, withPostgresStartupLock } from "./migrate-postgresql";

const run = promisify(execFile);

/**
 * Applies pending migrations with Prisma's own CLI (`prisma migrate deploy`), so the history stays in
 * Prisma's format and `prisma migrate status` agrees with what the server did. Runs offline: the CLI
 * uses the driver adapter configured in prisma.config.ts. PostgreSQL: server/db/migrate-postgresql.ts.
 */
export async function applyMigrations(env: Env, projectRoot: string): Promise<string> {
  if (env.dbProvider === "postgresql") return applyPostgresMigrations(env.DATABASE_URL, projectRoot);
  ensureDatabaseDirectory(env);
  const prismaCli = createRequire(path.join(projectRoot, "package.json")).resolve("prisma/build/index.js");
  try {
    const { stdout } = await run(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout.trim().split("\n").at(-1) ?? "";
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Applying migrations failed:\n${failure.stdout ?? ""}${failure.stderr ?? failure.message}`);
  }
}

/**
 * Runs start-up (migrate, seed) one node at a time: on PostgreSQL several nodes share the database and
 * may start together; on SQLite there is one node and nothing to wait for.
 */
export function withStartupLock<T>(env: Env, task: () => Promise<T>): Promise<T> {
  return env.dbProvider === "postgresql" ? withPostgresStartupLock(env.DATABASE_URL, task) : task();
}
