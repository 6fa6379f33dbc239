import { describe, expect, it } from "vitest";
import {
  isConnectFailure,
  isDatabaseBusy,
  isDatabaseUnreachable,
  isStorageUnavailable,
  isTransactionTimeout,
  isUniqueViolation,
  isWriteOutcomeUnknown,
} from "./errors";

/** Shapes as Prisma 6.19 and its driver adapters throw them (seen in tests/integration/faults.test.ts). */
const prismaError = (code: string, message: string, cause?: unknown) => Object.assign(new Error(message), { code, cause });

describe("database error classification", () => {
  it("disk full, read-only and I/O errors are 'storage unavailable', on SQLite and PostgreSQL", () => {
    expect(isStorageUnavailable(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))).toBe(true);
    expect(
      isStorageUnavailable(
        prismaError("P2010", "Raw query failed", { kind: "sqlite", originalCode: "SQLITE_READONLY", originalMessage: "attempt to write a readonly database" }),
      ),
    ).toBe(true);
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

  it("a lost or refused PostgreSQL connection is 'unreachable'; refused at connect means nothing was sent", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 });
    expect(isDatabaseUnreachable(refused)).toBe(true);
    expect(isConnectFailure(refused)).toBe(true);
    expect(isDatabaseUnreachable(prismaError("P2010", "Raw query failed", { kind: "DatabaseNotReachable" }))).toBe(true);
    for (const message of ["Connection terminated unexpectedly", "Query read timeout", "timeout exceeded when trying to connect"])
      expect(isDatabaseUnreachable(new Error(message)), message).toBe(true);
    expect(isConnectFailure(new Error("Connection terminated unexpectedly")), "lost mid-request: the outcome is unknown").toBe(false);
    expect(isConnectFailure(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnreachable(prismaError("P2010", "x", { kind: "postgres", code: "57P01" }))).toBe(true);
    expect(isDatabaseUnreachable(prismaError("P2002", "Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))).toBe(false);
  });

  it("an I/O error leaves a write's outcome unknown; a full disk or a read-only file does not", () => {
    expect(isWriteOutcomeUnknown(Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_WRITE" }))).toBe(true);
    expect(isWriteOutcomeUnknown(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))).toBe(false);
    expect(isWriteOutcomeUnknown(Object.assign(new Error("attempt to write a readonly database"), { code: "SQLITE_READONLY" }))).toBe(false);
  });

  it("follows the cause chain without looping forever", () => {
    const loop: { message: string; cause?: unknown } = { message: "outer" };
    loop.cause = loop;
    expect(isStorageUnavailable(loop)).toBe(false);
  });

  it("recognises a unique violation from a model query and from a raw query on either database", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    const raw = (kind: string, originalCode: string) => ({
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind, originalCode } } },
    });
    expect(isUniqueViolation(raw("UniqueConstraintViolation", "SQLITE_CONSTRAINT_PRIMARYKEY"))).toBe(true);
    expect(isUniqueViolation(raw("UniqueConstraintViolation", "23505"))).toBe(true);
    expect(isUniqueViolation(raw("ForeignKeyConstraintViolation", "SQLITE_CONSTRAINT_FOREIGNKEY"))).toBe(false);
    expect(isUniqueViolation({ code: "P2010" })).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isTransactionTimeout({ code: "P2028" })).toBe(true);
  });
});
