/**
 * A read-only look at a test server's SQLite file: the row count of every table, the sum of report
 * versions and the last feed seq. Two equal fingerprints mean nothing was written in between.
 */
import Database from "better-sqlite3";

const TABLES = ["Place", "User", "Session", "Report", "Event", "EventPlace", "ReportRevision", "FeedEntry", "IdempotencyKey", "AuditEntry"] as const;

export interface DbFingerprint {
  close(): void;
  /** One string; compare with toBe for a readable diff. */
  take(): string;
}

export function openFingerprint(dbFile: string): DbFingerprint {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const counts = db.prepare(TABLES.map((table) => `SELECT '${table}' AS t, COUNT(*) AS n FROM "${table}"`).join(" UNION ALL "));
  const versions = db.prepare(`SELECT COALESCE(SUM(version), 0) AS v, COALESCE(MAX(updatedAt), '') AS u FROM "Report"`);
  const seq = db.prepare(`SELECT COALESCE(MAX(seq), 0) AS s FROM "FeedEntry"`);
  const users = db.prepare(`SELECT COALESCE(GROUP_CONCAT(role || ':' || disabled), '') AS r FROM (SELECT role, disabled FROM "User" ORDER BY id)`);
  return {
    close: () => db.close(),
    take: () => {
      const rows = counts.all() as { t: string; n: number }[];
      const { v, u } = versions.get() as { v: number; u: string };
      const { s } = seq.get() as { s: number };
      const { r } = users.get() as { r: string };
      return `${rows.map((row) => `${row.t}=${row.n}`).join(" ")} versions=${v} updated=${u} seq=${s} users=${r}`;
    },
  };
}
