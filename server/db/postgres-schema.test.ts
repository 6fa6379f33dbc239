/**
 * The PostgreSQL schema is generated from the SQLite one (docs/decisions/0009-postgresql-scale-out.md):
 * this fails when they drift, in `npm test` and CI, without any database.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

/** Each model and enum block with comments and blank lines removed: what the two schemas must share. */
function models(schema: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of schema.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const body = match[3]!
      .split("\n")
      .map((line) =>
        line
          .replace(/\/\/.*$/, "")
          .trim()
          .replace(/\s+/g, " "),
      )
      .filter(Boolean)
      .join("\n");
    blocks.set(`${match[1]} ${match[2]}`, body);
  }
  return blocks;
}

describe("prisma/postgresql/schema.prisma", () => {
  it("is what scripts/postgres-schema.mjs generates from prisma/schema.prisma", () => {
    // Throws (exit 1) with a message saying how to fix it when the file has drifted.
    expect(execFileSync(process.execPath, ["scripts/postgres-schema.mjs", "check"], { cwd: root, encoding: "utf8" })).toContain("matches");
  });

  it("has the same models, fields and attributes as the SQLite schema, and a postgresql datasource", () => {
    const sqlite = read("prisma/schema.prisma");
    const postgres = read("prisma/postgresql/schema.prisma");
    const sqliteModels = models(sqlite);
    expect(sqliteModels.size).toBeGreaterThan(10);
    expect(models(postgres)).toEqual(sqliteModels);
    expect(postgres).toMatch(/provider\s*=\s*"postgresql"/);
    expect(postgres).not.toMatch(/provider\s*=\s*"sqlite"/);
  });

  it("has a migrations folder locked to postgresql whose first migration creates every model's table", () => {
    expect(read("prisma/postgresql/migrations/migration_lock.toml")).toMatch(/provider = "postgresql"/);
    const dir = path.join(root, "prisma/postgresql/migrations");
    const sql = fs
      .readdirSync(dir)
      .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
      .sort()
      .map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"))
      .join("\n");
    for (const key of models(read("prisma/schema.prisma")).keys()) {
      if (key.startsWith("model ")) expect(sql).toContain(`CREATE TABLE "${key.slice("model ".length)}"`);
    }
  });
});
