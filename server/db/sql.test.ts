import { describe, expect, it } from "vitest";
import { col, count, join, postgresql, sql, sqlite, storedBoolean, storedDate, whereOf } from "./sql";

const at = new Date("2024-12-07T09:00:00Z");

describe("SQL fragments per dialect", () => {
  it("renders one statement with ? placeholders for SQLite and numbered ones for PostgreSQL", () => {
    const statement = sql`SELECT e."id" FROM "Event" e ${whereOf([sql`e."type" IN (${join(["a", "b"])})`, sql`e."id" = ${"x"}`])} LIMIT ${count(5)}`;
    expect(statement.sql).toBe(`SELECT e."id" FROM "Event" e WHERE e."type" IN (?,?) AND e."id" = ? LIMIT 5`);
    expect(statement.text).toBe(`SELECT e."id" FROM "Event" e WHERE e."type" IN ($1,$2) AND e."id" = $3 LIMIT 5`);
    expect(statement.values).toEqual(["a", "b", "x"]);
    expect(whereOf([]).sql).toBe("");
  });

  it("makes LIKE case-insensitive on PostgreSQL (ILIKE), with the same escape character", () => {
    expect(sqlite.like(col("r", "title"), "%a\\_b%").sql).toBe(`r."title" LIKE ? ESCAPE '\\'`);
    expect(postgresql.like(col("r", "title"), "%a\\_b%").text).toBe(`r."title" ILIKE $1 ESCAPE '\\'`);
    expect(postgresql.like(col("r", "title"), "%a\\_b%").values).toEqual(["%a\\_b%"]);
  });

  it("buckets a timestamp by UTC day or hour as text", () => {
    expect(sqlite.bucket(col("e", "occurredAt"), "day").sql).toBe(`substr(e."occurredAt", 1, 10)`);
    expect(sqlite.bucket(col("e", "occurredAt"), "hour").sql).toBe(`substr(e."occurredAt", 1, 13)`);
    expect(postgresql.bucket(col("e", "occurredAt"), "day").text).toBe(`to_char(e."occurredAt", 'YYYY-MM-DD')`);
    expect(postgresql.bucket(col("e", "occurredAt"), "hour").text).toBe(`to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24')`);
  });

  it("keeps a column off its index only on SQLite (unary +)", () => {
    expect(sqlite.unindexed(col("e", "type")).sql).toBe(`+e."type"`);
    expect(postgresql.unindexed(col("e", "type")).text).toBe(`e."type"`);
  });

  it("passes an instant as SQLite's stored text, or as a Date to PostgreSQL", () => {
    expect(sqlite.time(at).values).toEqual(["2024-12-07T09:00:00.000+00:00"]);
    expect(postgresql.time(at).values).toEqual([at]);
  });

  it("refuses a row count that is not a whole number", () => {
    expect(() => count(1.5)).toThrow();
    expect(() => count(-1)).toThrow();
  });
});

describe("stored values", () => {
  it("reads stored instants from either database as UTC", () => {
    expect(storedDate("2024-12-07T12:00:00.000+00:00").toISOString()).toBe("2024-12-07T12:00:00.000Z");
    expect(storedDate("2024-12-07 12:00:00.5").toISOString()).toBe("2024-12-07T12:00:00.500Z");
    expect(storedDate(Date.parse("2024-12-07T12:00:00Z")).toISOString()).toBe("2024-12-07T12:00:00.000Z");
  });

  it("reads stored booleans from either database", () => {
    expect([true, false, 1, 0, 1n, 0n].map((value) => storedBoolean(value))).toEqual([true, false, true, false, true, false]);
  });
});
