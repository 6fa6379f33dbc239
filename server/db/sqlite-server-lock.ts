/**
 * One server per SQLite file. SQLite serves one node: a second server on the same file would migrate and
 * seed against the first and, once running, its viewers would not see the first server's posts live.
 *
 * The lock is one the kernel keeps: an exclusive SQLite transaction (a POSIX record lock) on the side
 * file `<file>.server-lock`, held open for the life of the process. The kernel drops it the moment the
 * process dies, however it dies (kill -9 included, before the process is even reaped), so an immediate
 * restart by a supervisor always succeeds, and a recycled pid can never hold it. Who holds it is written
 * beside it (`<file>.server-lock.holder`), for the refusal message only; it decides nothing.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { StartupError } from "../errors";

export { StartupError };

export class DatabaseInUseError extends StartupError {
  override readonly name = "DatabaseInUseError";
}

interface Holder {
  pid: number;
  startedAt: string;
}

function readHolder(holderFile: string): Holder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(holderFile, "utf8")) as Partial<Holder>;
    return typeof holder.pid === "number" ? { pid: holder.pid, startedAt: String(holder.startedAt ?? "") } : null;
  } catch {
    return null;
  }
}

const codeOf = (error: unknown) => (error as { code?: string }).code ?? "";

function cannotWrite(dbFile: string, error: unknown): StartupError {
  return new StartupError(
    `Cannot create files in ${path.dirname(dbFile)} (${codeOf(error) || String(error)}): the server keeps its SQLite database and its lock there. ` +
      `Give the server's user write access to that directory, or point DATABASE_URL at another file.`,
  );
}

/** Opens the side file and takes its exclusive lock, or returns null when another process holds it. */
function takeKernelLock(lockFile: string): Database.Database | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(lockFile, { timeout: 0 });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    return db;
  } catch (error) {
    db?.close();
    if (codeOf(error) === "SQLITE_BUSY" || codeOf(error) === "SQLITE_LOCKED") return null;
    throw error;
  }
}

/**
 * Every lock this process holds. better-sqlite3 closes a connection when it is garbage-collected, and
 * the kernel lock goes with it: a caller that dropped the returned handle (a test's child process did;
 * a CI run then saw two holders of one file) must not lose the lock. Only `release` gives it back.
 */
const heldLocks = new Set<Database.Database>();

/** Takes the file's server lock or throws DatabaseInUseError / StartupError; `release` gives it back. */
export function lockSqliteFile(dbFile: string): { release(): void } {
  const lockFile = `${dbFile}.server-lock`;
  const holderFile = `${lockFile}.holder`;
  let lock: Database.Database | null;
  try {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true }); // a first start: the database is not there yet
    try {
      lock = takeKernelLock(lockFile);
    } catch (error) {
      // Earlier versions wrote a JSON file under this name: not a database, and no process holds it.
      if (codeOf(error) !== "SQLITE_NOTADB") throw error;
      fs.rmSync(lockFile, { force: true });
      lock = takeKernelLock(lockFile);
    }
  } catch (error) {
    throw cannotWrite(dbFile, error);
  }
  if (!lock) {
    const holder = readHolder(holderFile);
    throw new DatabaseInUseError(
      `Another Situation Desk server (${holder ? `pid ${holder.pid}, started ${holder.startedAt}` : "its pid unknown"}) is using ${dbFile}. ` +
        `A SQLite database serves one server: stop that one first, or give this one its own DATABASE_URL. ` +
        `Several servers on one database need PostgreSQL and REDIS_URL (README, "Scale-out").`,
    );
  }
  try {
    fs.writeFileSync(holderFile, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies Holder));
  } catch {
    // Only the refusal message of a second server reads it.
  }
  const held = lock;
  heldLocks.add(held);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (readHolder(holderFile)?.pid === process.pid) fs.rmSync(holderFile, { force: true });
      heldLocks.delete(held);
      held.close(); // the kernel lock goes with the connection
    },
  };
}
