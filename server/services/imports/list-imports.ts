/**
 * `GET …/imports` and `GET …/imports/:id` (editor; extensions): the imports of a situation, newest
 * first, with what each did and the attribution its reports credit; one import with the rows it did not
 * import and why (the first 1,000).
 */
import type { ImportRecord } from "../../../lib/schemas/imports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { notFound } from "../../errors";

/** The newest imports a list shows. */
const LISTED_MAX = 100;

type Row = Awaited<ReturnType<AppContext["db"]["import"]["findFirstOrThrow"]>> & { user: { id: string; name: string } };

function toRecord(row: Row, withErrors: boolean): ImportRecord {
  const errors = row.errors as NonNullable<ImportRecord["errors"]>;
  return {
    id: row.id,
    format: row.format as ImportRecord["format"],
    publish: row.publish,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    by: row.user,
    rows: row.rows,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    errorCount: errors.length,
    ...(withErrors ? { errors } : {}),
    attribution: row.attribution as ImportRecord["attribution"],
  };
}

export async function listImports(ctx: AppContext, actor: Actor | null): Promise<ImportRecord[]> {
  requireRole(actor, "editor");
  const rows = await ctx.db.import.findMany({ orderBy: { createdAt: "desc" }, take: LISTED_MAX, include: { user: { select: { id: true, name: true } } } });
  return rows.map((row) => toRecord(row, false));
}

export async function getImport(ctx: AppContext, actor: Actor | null, id: string): Promise<ImportRecord> {
  requireRole(actor, "editor");
  const row = await ctx.db.import.findUnique({ where: { id }, include: { user: { select: { id: true, name: true } } } });
  if (!row) throw notFound(`Import '${id.slice(0, 100)}'`);
  return toRecord(row, true);
}
