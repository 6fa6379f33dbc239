-- Free text `q` over reports' titles and bodies through an index (issue #14; docs/decisions/0020-free-text-index.md):
-- trigram GIN indexes, which PostgreSQL uses for ILIKE '%…%' as it stands. pg_trgm is a trusted extension
-- (PostgreSQL 13+): the database's owner may create it. Not in schema.prisma (Prisma 6 has no opclass for it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Report_title_trgm_idx" ON "Report" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Report_body_trgm_idx" ON "Report" USING gin ("body" gin_trgm_ops);
