import { describe, expect, it } from "vitest";
import { isDatabaseBusy, isStorageUnavailable, isTransactionTimeout, isUniqueViolation } from "./errors";

/** Shapes as Prisma 6.19 and its driver adapters throw them (seen in tests/integration/faults.test.ts). */
const prismaError = (code: string, message: string, cause?: unknown) => Object.assign(new Error(message), { code, cause });

describe("database error classification", () => {
  it("disk full, read-only and I/O errors are 'storage unavailable', on SQLite and PostgreSQL", () => {
    expect(isStorageUnavailable(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))).toBe(true);
    expect(isStorageUnavailable(prismaError("P2010", "Raw query failed", { kind: "sqlite", originalCode: "SQLITE_READONLY", originalMessage: "attempt to write a readonly database" }))).toBe(true);
    expect(isStorageUnavailable(prismaError("P2010", "x", { originalCode: "53100" }))).toBe(true);
    expect(isStorageUnavailable(prismaError("P2002", "Unique constraint failed"))).toBe(false);
    expect(isStorageUnavailable("database or disk is full")).toBe(true);
    expect(isStorageUnavailable(null)).toBe(false);
  });

  it("a lock held past the busy timeout is 'busy'; other errors are not", () => {
    expect(isDatabaseBusy(prismaError("P1008", "Invalid `prisma.report.create()` invocation:\n\nOperation has timed out"))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    expect(isDatabaseBusy(prismaError("P2025", "Record to update not found."))).toBe(false);
    expect(isTransactionTimeout(prismaError("P2028", "Transaction API error"))).toBe(true);
  });

  it("follows the cause chain without looping forever", () => {
    const loop: { message: string; cause?: unknown } = { message: "outer" };
    loop.cause = loop;
    expect(isStorageUnavailable(loop)).toBe(false);
  });

  it("recognises a unique violation from a model query and from a raw query on either database", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    const raw = (kind: string, originalCode: string) => ({ code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind, originalCode } } } });
    expect(isUniqueViolation(raw("UniqueConstraintViolation", "SQLITE_CONSTRAINT_PRIMARYKEY"))).toBe(true);
    expect(isUniqueViolation(raw("UniqueConstraintViolation", "23505"))).toBe(true);
    expect(isUniqueViolation(raw("ForeignKeyConstraintViolation", "SQLITE_CONSTRAINT_FOREIGNKEY"))).toBe(false);
    expect(isUniqueViolation({ code: "P2010" })).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isTransactionTimeout({ code: "P2028" })).toBe(true);
  });
});
