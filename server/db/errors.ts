/** Prisma error codes, matched by shape so that route bundles need not load the Prisma runtime. */
const codeOf = (error: unknown) => (typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined);

/** The driver adapter's error kind behind a failed raw query (P2010), the same on SQLite and PostgreSQL. */
const rawErrorKind = (error: unknown) =>
  codeOf(error) === "P2010" ? (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta?.driverAdapterError?.cause?.kind : undefined;

/** P2002, a raw query's UniqueConstraintViolation or the SQLite writer's code: unique constraint failed. */
export const isUniqueViolation = (error: unknown) =>
  codeOf(error) === "P2002" || rawErrorKind(error) === "UniqueConstraintViolation" || codeOf(error) === "SQLITE_CONSTRAINT_PRIMARYKEY" || codeOf(error) === "SQLITE_CONSTRAINT_UNIQUE";
/** P2028: transaction API error, e.g. the writer lock was not had within maxWait. */
export const isTransactionTimeout = (error: unknown) => codeOf(error) === "P2028";
