import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteAdapter } from "./sqlite-adapter";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-adapter-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the SQLite adapter's transactions", () => {
  it("take the write lock when they begin, so another connection's commit cannot make their first write fail", async () => {
    const file = path.join(dir, "begin.db");
    const other = new Database(file, { timeout: 0 });
    other.pragma("journal_mode = WAL");
    other.exec("CREATE TABLE t (n INTEGER)");
    const adapter = await sqliteAdapter({ url: `file:${file}`, timeout: 0 }).connect();
    const tx = await adapter.startTransaction();
    try {
      // Deferred, the transaction would hold no lock yet and this write would commit, after which the
      // transaction's own first write fails with SQLITE_BUSY (a stale snapshot) however long it waits.
      expect(() => other.exec("INSERT INTO t VALUES (1)")).toThrow(/database is locked/);
      await tx.executeRaw({ sql: "INSERT INTO t VALUES (2)", args: [], argTypes: [] });
      // As Prisma's transaction manager ends it: COMMIT, then the adapter's commit() releases its lock.
      await tx.executeRaw({ sql: "COMMIT", args: [], argTypes: [] });
      await tx.commit();
    } finally {
      await adapter.dispose();
    }
    expect(other.prepare("SELECT n FROM t").all()).toEqual([{ n: 2 }]);
    other.close();
  });
});
