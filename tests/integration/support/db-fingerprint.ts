/**
 * A read-only look at a test server's database (its SQLite file, or its PostgreSQL database when the
 * suite runs with TEST_POSTGRES_URL): the row count of every table, the sum of report versions, the
 * latest update, the last feed seq and the users' roles. Two equal fingerprints mean nothing was written
 * in between.
 */
import Database from "better-sqlite3";
import { Client } from "pg";
import { databaseUrlFor } from "./server-process";

const TABLES = [
  "Place",
  "User",
  "Session",
  "Report",
  "Event",
  "EventPlace",
  "ReportRevision",
  "FeedEntry",
  "IdempotencyKey",
  "AuditEntry",
  "SetupCode",
  "FirstRun",
] as const;
const COUNTS = TABLES.map((table) => `SELECT '${table}' AS t, COUNT(*) AS n FROM "${table}"`).join(" UNION ALL ");
const SEQ = `SELECT COALESCE(MAX(seq), 0) AS s FROM "FeedEntry"`;

export interface DbFingerprint {
  close(): Promise<void>;
  /** One string; compare with toBe for a readable diff. */
  take(): Promise<string>;
}

interface Parts {
  rows: { t: string; n: number | string }[];
  v: number | string;
  u: string;
  s: number | string;
  r: string;
}
const format = ({ rows, v, u, s, r }: Parts) =>
  `${rows.map((row) => `${row.t}=${Number(row.n)}`).join(" ")} versions=${Number(v)} updated=${u} seq=${Number(s)} users=${r}`;

export async function openFingerprint(dbFile: string): Promise<DbFingerprint> {
  return process.env.TEST_POSTGRES_URL ? openPostgres(databaseUrlFor(dbFile)) : openSqlite(dbFile);
}

function openSqlite(dbFile: string): DbFingerprint {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const counts = db.prepare(COUNTS);
  const versions = db.prepare(`SELECT COALESCE(SUM(version), 0) AS v, COALESCE(MAX(updatedAt), '') AS u FROM "Report"`);
  const seq = db.prepare(SEQ);
  const users = db.prepare(`SELECT COALESCE(GROUP_CONCAT(role || ':' || disabled), '') AS r FROM (SELECT role, disabled FROM "User" ORDER BY id)`);
  return {
    close: async () => void db.close(),
    take: async () => {
      const { v, u } = versions.get() as { v: number; u: string };
      const { s } = seq.get() as { s: number };
      const { r } = users.get() as { r: string };
      return format({ rows: counts.all() as Parts["rows"], v, u, s, r });
    },
  };
}

async function openPostgres(url: string): Promise<DbFingerprint> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query("SET default_transaction_read_only = on");
  const one = async <T>(sql: string) => (await client.query(sql)).rows[0] as T;
  return {
    close: () => client.end(),
    take: async () => {
      const rows = (await client.query(COUNTS)).rows as Parts["rows"];
      const { v, u } = await one<{ v: string; u: string }>(`SELECT COALESCE(SUM(version), 0) AS v, COALESCE(MAX("updatedAt")::text, '') AS u FROM "Report"`);
      const { s } = await one<{ s: string }>(SEQ);
      const { r } = await one<{ r: string }>(`SELECT COALESCE(string_agg(role || ':' || disabled::text, ',' ORDER BY id), '') AS r FROM "User"`);
      return format({ rows, v, u, s, r });
    },
  };
}
