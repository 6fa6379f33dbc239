// Prisma CLI configuration for the PostgreSQL schema (generated from prisma/schema.prisma by
// scripts/postgres-schema.mjs). Used for `prisma generate` and `migrate diff`, which read no database.
// Migrations are applied by server/db/migrate-postgresql.ts, not by the CLI: see
// docs/decisions/0009-postgresql-scale-out.md for why.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost:5432/situation_desk" }),
});
