import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseInUseError, lockSqliteFile, StartupError } from "./sqlite-server-lock";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-lock-"));
const dbFile = path.join(dir, "situation.db");
const lockFile = `${dbFile}.server-lock`;
const MODULE = path.join(__dirname, "sqlite-server-lock.ts");

/** Another process that takes the lock through the real module and says "locked" once it holds it. */
/**
 * A process that takes the lock and drops the handle (as a careless caller would), then collects its
 * garbage, before it says "locked": the lock must outlive the handle (better-sqlite3 closes a collected
 * connection, and the kernel lock with it).
 */
async function holdInAnotherProcess(file = dbFile): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      "-e",
      `require(${JSON.stringify(MODULE)}).lockSqliteFile(${JSON.stringify(file)}); global.gc(); setTimeout(() => { global.gc(); console.log("locked"); }, 50); setInterval(() => {}, 1000);`,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    readline.createInterface({ input: child.stdout }).on("line", (line) => line === "locked" && resolve());
  });
  return child;
}

describe("lockSqliteFile", () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });

  it("takes a free file and gives it back", () => {
    const lock = lockSqliteFile(dbFile);
    expect(JSON.parse(fs.readFileSync(`${lockFile}.holder`, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(`${lockFile}.holder`)).toBe(false);
    lockSqliteFile(dbFile).release(); // free again
  });

  it("takes the lock before the database's directory exists (a first start)", () => {
    const fresh = path.join(dir, "not-yet", "deeper", "situation.db");
    const lock = lockSqliteFile(fresh);
    expect(fs.existsSync(`${fresh}.server-lock`)).toBe(true);
    lock.release();
  });

  it("refuses while another process holds it, naming the process and the file", async () => {
    const other = await holdInAnotherProcess();
    children.push(other);
    expect(() => lockSqliteFile(dbFile)).toThrow(DatabaseInUseError);
    expect(() => lockSqliteFile(dbFile)).toThrow(`Another Situation Desk server (pid ${other.pid}, started `);
    expect(() => lockSqliteFile(dbFile)).toThrow(`is using ${dbFile}`);
  });

  it("is free the moment its holder is killed, before the holder is even reaped", async () => {
    const other = await holdInAnotherProcess();
    other.stdout!.destroy();
    // SIGKILL and try at once, without waiting for the exit event: the kernel dropped the lock at death.
    other.kill("SIGKILL");
    let lock: { release(): void } | undefined;
    for (let attempt = 0; attempt < 100 && !lock; attempt++) {
      try {
        lock = lockSqliteFile(dbFile);
      } catch (error) {
        expect(error).toBeInstanceOf(DatabaseInUseError);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    expect(lock).toBeDefined();
    lock!.release();
  });

  it("ignores a holder note naming a live process that does not hold the lock (a recycled pid)", () => {
    fs.writeFileSync(`${lockFile}.holder`, JSON.stringify({ pid: process.ppid, startedAt: "2026-11-26T05:00:00.000Z" }));
    lockSqliteFile(dbFile).release();
  });

  it("replaces the JSON lock file of earlier versions", () => {
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, startedAt: "2026-11-26T05:00:00.000Z" }));
    lockSqliteFile(dbFile).release();
  });

  it("says plainly when it cannot create files in the database's directory", () => {
    const notADirectory = path.join(dir, "a-file");
    fs.writeFileSync(notADirectory, "");
    expect(() => lockSqliteFile(path.join(notADirectory, "situation.db"))).toThrow(StartupError);
    expect(() => lockSqliteFile(path.join(notADirectory, "situation.db"))).toThrow(`Cannot create files in ${notADirectory}`);
  });
});
