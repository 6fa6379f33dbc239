/** Prisma error codes, matched by shape so that route bundles need not load the Prisma runtime. */
const codeOf = (error: unknown) => (typeof error === "object" && error !== null && "code" in error ? error.code : undefined);

/** The driver adapter's error kind behind a failed raw query (P2010), the same on SQLite and PostgreSQL. */
const rawErrorKind = (error: unknown) =>
  codeOf(error) === "P2010" ? (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta?.driverAdapterError?.cause?.kind : undefined;

/** P2002, a raw query's UniqueConstraintViolation or the SQLite writer's code: unique constraint failed. */
export const isUniqueViolation = (error: unknown) =>
  codeOf(error) === "P2002" ||
  rawErrorKind(error) === "UniqueConstraintViolation" ||
  codeOf(error) === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
  codeOf(error) === "SQLITE_CONSTRAINT_UNIQUE";
/** P2028: transaction API error, e.g. the writer lock was not had within maxWait. */
export const isTransactionTimeout = (error: unknown) => codeOf(error) === "P2028";

/** Every message and code along an error's cause chain (Prisma wraps the driver's error). */
export function describeChain(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === "string" || typeof current === "number" || typeof current === "boolean" || typeof current === "bigint") {
      parts.push(String(current));
      break;
    }
    if (typeof current !== "object") break;
    const record = current as { code?: unknown; originalCode?: unknown; message?: unknown; originalMessage?: unknown; kind?: unknown; cause?: unknown };
    parts.push(...[record.code, record.originalCode, record.kind, record.message, record.originalMessage].filter((part) => part !== undefined).map(String));
    current = record.cause;
  }
  return parts.join(" | ");
}

/**
 * The database cannot store anything right now: disk full, read-only file or file system, I/O error
 * (SQLite), or the PostgreSQL equivalents (53100 disk_full, 25006 read_only_sql_transaction, 57P03).
 */
export function isStorageUnavailable(error: unknown): boolean {
  return /SQLITE_(FULL|READONLY|IOERR|CANTOPEN)|database or disk is full|readonly database|disk I\/O error|\b(53100|25006|57P03)\b/.test(describeChain(error));
}

/**
 * A storage fault after which a write's outcome is not known: SQLite's I/O errors. When the commit's
 * WAL frames were written but the fsync after them failed (a disk turning read-only or failing),
 * SQLite reports the commit as failed, yet the frames are complete and the next start recovers them.
 * A full disk or a read-only file fails before the commit frame is written: nothing was stored.
 */
export function isWriteOutcomeUnknown(error: unknown): boolean {
  return /SQLITE_IOERR|disk I\/O error/.test(describeChain(error));
}

/**
 * The database server cannot be reached, or the connection to it was lost or went silent (PostgreSQL):
 * refused, reset, closed, the pool's connect deadline or the client's query deadline passed, or the
 * server is shutting down (57P01/57P02, class 08 connection exceptions).
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  return /\b(ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|P1001|P1002|P1017|57P01|57P02|08000|08001|08003|08004|08006)\b|DatabaseNotReachable|ConnectionClosed|Connection terminated|Connection ended|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Server has closed the connection|DatabaseCircuitOpen/.test(
    describeChain(error),
  );
}

/** Unreachable before any statement was sent (refused, connect deadline): a write cannot have been stored. */
export function isConnectFailure(error: unknown): boolean {
  return /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|P1001)\b|DatabaseNotReachable|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Can't reach database server|DatabaseCircuitOpen/.test(
    describeChain(error),
  );
}

/**
 * Another connection held SQLite's write lock past the busy timeout: the adapter maps SQLITE_BUSY to a
 * socket timeout, which Prisma reports as P1008 "Operation has timed out". PostgreSQL: 55P03 lock_not_available,
 * 57014 query_canceled (a statement ran past DATABASE_QUERY_TIMEOUT_S).
 */
export function isDatabaseBusy(error: unknown): boolean {
  return /\bP1008\b|SQLITE_BUSY|database is locked|SocketTimeout|Operation has timed out|\b(55P03|57014)\b/.test(describeChain(error));
}
