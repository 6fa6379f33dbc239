/**
 * The PostgreSQL migrations folder builds exactly the database that prisma/postgresql/schema.prisma
 * describes (so a model change without its PostgreSQL migration fails here), and applying it records
 * Prisma's own history format. Needs PostgreSQL: `npm run test:scale`.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyPostgresMigrations, POSTGRES_MIGRATIONS_DIR } from "../../server/db/migrate-postgresql";
import { ROOT } from "../integration/support/server-process";
import { databaseUrl, dropDatabase, newDatabaseName, POSTGRES_ADMIN_URL } from "./support/cluster";

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(name);
});

async function withClient<T>(url: string, task: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/**
 * Indexes the migrations make that the schema does not describe: the free-text trigram indexes of
 * docs/decisions/0020-free-text-index.md (the PostgreSQL schema is generated from the SQLite one, which
 * has no GIN index type). They must exist after the migrations, exactly as written; the rest of the
 * catalog must equal the schema's.
 */
const OUTSIDE_PRISMA = ["title", "body"].map((column) =>
  JSON.stringify({
    indexname: `Report_${column}_trgm_idx`,
    indexdef: `CREATE INDEX "Report_${column}_trgm_idx" ON public."Report" USING gin (${column} gin_trgm_ops)`,
  }),
);

/** Tables, columns, indexes and constraints of the public schema, Prisma's history table left out. */
async function catalog(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
    );
    const indexes = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows].map((row) => JSON.stringify(row));
  });
}

describe("PostgreSQL migrations", () => {
  it("build the database the PostgreSQL schema describes, recorded in Prisma's _prisma_migrations format", async () => {
    const migrated = newDatabaseName();
    const fromSchema = newDatabaseName();
    created.push(migrated, fromSchema);

    expect(await applyPostgresMigrations(databaseUrl(migrated), ROOT)).toMatch(/have been applied/);
    expect(await applyPostgresMigrations(databaseUrl(migrated), ROOT)).toBe("No pending migrations to apply.");

    // The schema's own DDL, straight from Prisma, applied to a second database.
    const ddl = execFileSync(
      process.execPath,
      [
        "node_modules/prisma/build/index.js",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/postgresql/schema.prisma",
        "--script",
        "--config",
        "prisma/postgresql/prisma.config.ts",
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: POSTGRES_ADMIN_URL, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    await withClient(POSTGRES_ADMIN_URL, (client) => client.query(`CREATE DATABASE "${fromSchema}"`));
    await withClient(databaseUrl(fromSchema), (client) => client.query(ddl));

    const expected = await catalog(databaseUrl(fromSchema));
    expect(expected.length).toBeGreaterThan(50);
    const migratedCatalog = await catalog(databaseUrl(migrated));
    for (const row of OUTSIDE_PRISMA) expect(migratedCatalog).toContain(row);
    expect(migratedCatalog.filter((row) => !OUTSIDE_PRISMA.includes(row))).toEqual(expected);

    // History rows as `prisma migrate deploy` writes them: checksum = SHA-256 of migration.sql.
    const dir = path.join(ROOT, POSTGRES_MIGRATIONS_DIR);
    const names = fs
      .readdirSync(dir)
      .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
      .sort();
    const rows = await withClient(databaseUrl(migrated), async (client) => (await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`)).rows);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.checksum).toBe(
        createHash("sha256")
          .update(fs.readFileSync(path.join(dir, row.migration_name, "migration.sql")))
          .digest("hex"),
      );
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The feed counter row the feed's seq comes from (docs/decisions/0002-feed-seq.md).
    const counter = await withClient(databaseUrl(migrated), async (client) => (await client.query(`SELECT value FROM "FeedCounter" WHERE id = 1`)).rows);
    expect(counter).toEqual([{ value: 0 }]);
  });
});
