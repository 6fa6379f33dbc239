/**
 * PostgreSQL migrations, applied the way `prisma migrate deploy` applies them and recorded in Prisma's
 * own `_prisma_migrations` table (same columns, SHA-256 checksum of migration.sql, same advisory lock),
 * so the history is Prisma's format. The Prisma 6.19 CLI cannot do it offline here: with engine "js"
 * `@prisma/adapter-pg` 6.19 fails on every database command (docs/decisions/0009-postgresql-scale-out.md).
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Client as PgClient } from "pg";

/** The advisory lock key Prisma's migrate takes, so this and the CLI never migrate at the same time. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;
/** Held while a node migrates and seeds, so nodes that start together do not seed twice. */
const STARTUP_LOCK_KEY = 0x5d_0007;
const UNDEFINED_DATABASE = "3D000";

export const POSTGRES_MIGRATIONS_DIR = path.join("prisma", "postgresql", "migrations");

async function connect(url: string): Promise<PgClient> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    if ((error as { code?: string }).code !== UNDEFINED_DATABASE) throw error;
  }
  // Like `prisma migrate deploy`: create the database when it does not exist yet.
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // Created meanwhile by another node: 42P04 (duplicate_database), or 23505 when both raced in the catalog.
    if (!["42P04", "23505"].includes((error as { code?: string }).code ?? "")) throw error;
  } finally {
    await admin.end();
  }
  const created = new Client({ connectionString: url });
  await created.connect();
  return created;
}

/** Runs `task` while holding the startup lock on the database (migrate, then seed, one node at a time). */
export async function withPostgresStartupLock<T>(url: string, task: () => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    return await task();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies the pending migrations in name order; returns a one-line summary like Prisma's. */
export async function applyPostgresMigrations(url: string, projectRoot: string): Promise<string> {
  const dir = path.join(projectRoot, POSTGRES_MIGRATIONS_DIR);
  const migrations = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  const client = await connect(url);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    // The table exactly as Prisma's schema engine creates it on PostgreSQL.
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`);
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new Error(`Migration ${failed.migration_name} failed earlier (P3009): fix the database, then mark it rolled back in _prisma_migrations.`);
    }
    const applied = new Set(rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => row.migration_name));
    const pending = migrations.filter((name) => !applied.has(name));
    for (const name of pending) {
      const script = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const id = randomUUID();
      const checksum = createHash("sha256").update(script).digest("hex");
      await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
        id,
        checksum,
        name,
      ]);
      try {
        await client.query("BEGIN");
        await client.query(script);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(error)]).catch(() => {});
        throw new Error(`Applying migration ${name} failed: ${String(error)}`);
      }
    }
    return pending.length === 0 ? "No pending migrations to apply." : `The following migration(s) have been applied: ${pending.join(", ")}`;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
