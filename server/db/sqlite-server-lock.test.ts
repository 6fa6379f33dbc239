import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseInUseError, lockSqliteFile } from "./sqlite-server-lock";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-lock-"));
const dbFile = path.join(dir, "situation.db");
const lockFile = `${dbFile}.server-lock`;
const writeHolder = (pid: number) => fs.writeFileSync(lockFile, JSON.stringify({ pid, startedAt: "2026-11-26T05:00:00.000Z" }));

describe("lockSqliteFile", () => {
  afterEach(() => fs.rmSync(lockFile, { force: true }));

  it("takes a free file and gives it back", () => {
    const lock = lockSqliteFile(dbFile);
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("takes the lock before the database's directory exists (a first start)", () => {
    const fresh = path.join(dir, "not-yet", "deeper", "situation.db");
    const lock = lockSqliteFile(fresh);
    expect(fs.existsSync(`${fresh}.server-lock`)).toBe(true);
    lock.release();
  });

  it("refuses while another running process holds it, naming the process and the file", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      writeHolder(other.pid!);
      expect(() => lockSqliteFile(dbFile)).toThrow(DatabaseInUseError);
      expect(() => lockSqliteFile(dbFile)).toThrow(`Another Situation Desk server (pid ${other.pid}, started 2026-11-26T05:00:00.000Z) is using ${dbFile}`);
      expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(other.pid); // left as it was
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over a lock whose process is gone, or that cannot be read", () => {
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeHolder(gone);
    lockSqliteFile(dbFile).release();
    fs.writeFileSync(lockFile, "{half");
    const lock = lockSqliteFile(dbFile);
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("does not delete a lock another server has taken since", () => {
    const lock = lockSqliteFile(dbFile);
    writeHolder(process.ppid);
    lock.release();
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(process.ppid);
  });
});
