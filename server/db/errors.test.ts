import { describe, expect, it } from "vitest";
import { isTransactionTimeout, isUniqueViolation } from "./errors";

describe("Prisma error shapes", () => {
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
