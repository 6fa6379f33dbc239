import { describe, expect, it } from "vitest";
import { storedBoolean, storedDate, toPostgres } from "./raw-sql";

describe("raw SQL for PostgreSQL", () => {
  it("numbers placeholders, makes LIKE case-insensitive and buckets by the UTC text of the timestamp", () => {
    expect(toPostgres(`SELECT substr(e."occurredAt", 1, 13) AS b FROM "Event" e WHERE +e."type" IN (?,?) AND r."title" LIKE ? ESCAPE '\\' AND (e."occurredAt", e."id") < (?, ?)`)).toBe(
      `SELECT substr(to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS'), 1, 13) AS b FROM "Event" e WHERE e."type" IN ($1,$2) AND r."title" ILIKE $3 ESCAPE '\\' AND (e."occurredAt", e."id") < ($4, $5)`,
    );
  });

  it("reads stored instants from either database as UTC", () => {
    expect(storedDate("2024-12-07T12:00:00.000+00:00").toISOString()).toBe("2024-12-07T12:00:00.000Z");
    expect(storedDate("2024-12-07 12:00:00.5").toISOString()).toBe("2024-12-07T12:00:00.500Z");
    expect(storedDate(Date.parse("2024-12-07T12:00:00Z")).toISOString()).toBe("2024-12-07T12:00:00.000Z");
  });

  it("reads stored booleans from either database", () => {
    expect([true, false, 1, 0, 1n, 0n].map((value) => storedBoolean(value))).toEqual([true, false, true, false, true, false]);
  });
});
