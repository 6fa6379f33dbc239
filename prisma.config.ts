// Prisma CLI configuration: engine "js" with the better-sqlite3 driver adapter, so that generate and
// migrate run offline (no engine download). See docs/decisions/0001-prisma-6-19.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const DEFAULT_DATABASE_URL = "file:./data/situation.db";

function sqliteFileUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) throw new Error(`prisma.config.ts handles SQLite only; DATABASE_URL is ${url.split(":")[0]}:…`);
  return `file:${path.resolve(url.slice("file:".length))}`;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFileUrl() }),
});
