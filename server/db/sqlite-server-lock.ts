/**
 * One server per SQLite file. SQLite serves one node (DESIGN.md): a second server on the same file would
 * migrate and seed against the first (Prisma's migrate then failed with an unreadable "unknown variant
 * SocketTimeout") and, once running, its viewers would not see the first server's posts live. The first
 * server writes `<file>.server-lock` with its pid; another one refuses to start and says which process
 * has the file. A lock whose process is gone (kill -9, a crash, a reboot) is taken over.
 */
import fs from "node:fs";
import path from "node:path";

export class DatabaseInUseError extends Error {
  override readonly name = "DatabaseInUseError";
}

interface Holder {
  pid: number;
  startedAt: string;
}

function readHolder(lockFile: string): Holder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(lockFile, "utf8")) as Partial<Holder>;
    return typeof holder.pid === "number" ? { pid: holder.pid, startedAt: String(holder.startedAt ?? "") } : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/** Takes the file's server lock or throws DatabaseInUseError; `release` gives it back (also at exit). */
export function lockSqliteFile(dbFile: string): { release(): void } {
  const lockFile = `${dbFile}.server-lock`;
  const mine = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies Holder);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true }); // a first start: the database is not there yet
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockFile);
      if (holder && holder.pid !== process.pid && isRunning(holder.pid)) {
        throw new DatabaseInUseError(
          `Another Situation Desk server (pid ${holder.pid}, started ${holder.startedAt}) is using ${dbFile}. ` +
            `A SQLite database serves one server: stop that one first, or give this one its own DATABASE_URL. ` +
            `Several servers on one database need PostgreSQL and REDIS_URL (README, "Scale-out"). ` +
            `If no such server is running, delete ${lockFile}.`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // its process is gone
      continue;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off("exit", release);
      if (readHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
    };
    process.on("exit", release);
    return { release };
  }
  throw new DatabaseInUseError(`Could not take ${lockFile}: other servers are starting on ${dbFile} at the same time.`);
}
