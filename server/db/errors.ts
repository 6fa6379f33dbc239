/** Prisma error codes, matched by shape so that route bundles need not load the Prisma runtime. */
const codeOf = (error: unknown) => (typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined);

/** P2002: unique constraint failed. */
export const isUniqueViolation = (error: unknown) => codeOf(error) === "P2002";
/** P2028: transaction API error, e.g. the writer lock was not had within maxWait. */
export const isTransactionTimeout = (error: unknown) => codeOf(error) === "P2028";
