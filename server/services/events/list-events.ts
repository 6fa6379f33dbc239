import type { z } from "zod";
import { join, fetchRows, sql, storedDate } from "../../db/sql";
import type { EventsPage, eventsQuerySchema, ListedEvent, SortOrder } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { toEvent } from "../reports/internal/report-view";
import { checkFilterSlugs } from "./internal/check-filter-slugs";
import { selectEventIds } from "./internal/select-event-ids";

type EventsQuery = Omit<z.infer<typeof eventsQuerySchema>, "order"> & { order?: SortOrder };

const encodeCursor = (occurredAt: Date, id: string) => Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");
function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(iso ?? "");
  if (!id || Number.isNaN(occurredAt.getTime()))
    throw invalid("Invalid cursor: pass the `next` value of a previous page.", [{ path: "cursor", message: "is not a cursor this list returned" }]);
  return { occurredAt, id };
}

/** Published events matching the filters, oldest first (or newest first with `order: "desc"`), paged by an opaque cursor. */
export async function listEvents(ctx: AppContext, actor: Actor | null, query: EventsQuery): Promise<EventsPage> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, query);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const order = query.order ?? "asc";
  const ids = await selectEventIds(ctx.db, query, { order, limit: query.limit + 1, after });
  const rows = await loadListedRows(ctx, ids);
  const page = rows.slice(0, query.limit);
  const events = page.map((row) => row.event);
  const last = page.at(-1);
  return { events, ...(rows.length > query.limit && last ? { next: encodeCursor(last.occurredAt, last.event.id) } : {}) };
}

interface ListedRow {
  id: string;
  position: number | bigint;
  type: string;
  occurredAt: string | number | Date;
  confidence: string;
  factionSlug: string;
  placeSlug: string;
  fields: string | object;
  reportId: string;
  title: string;
  status: string;
  key: number | bigint | boolean;
  publishedAt: string | number | Date | null;
  sources: string | object;
  version: number | bigint;
  updatedAt: string | number | Date;
  correctionReason: string | null;
  regionSlug: string | null;
}
// Raw rows come back as SQLite stored them (text; Prisma may already have made Dates and objects).
const toDate = storedDate;
const fromJson = <T>(value: string | object): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/** The page's events with their report and place, in the given order (one query). */
async function loadListedRows(ctx: AppContext, ids: string[]): Promise<{ occurredAt: Date; event: ListedEvent }[]> {
  if (ids.length === 0) return [];
  const rows = await fetchRows<ListedRow>(
    ctx.db,
    sql`SELECT e."id", e."position", e."type", e."occurredAt", e."confidence", e."factionSlug", e."placeSlug", e."fields", e."reportId",
       r."title", r."status", r."key", r."publishedAt", r."sources", r."version", r."updatedAt", r."correctionReason", p."regionSlug"
     FROM "Event" e JOIN "Report" r ON r."id" = e."reportId" JOIN "Place" p ON p."slug" = e."placeSlug"
     WHERE e."id" IN (${join(ids)})`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  // One object per report, shared by its events: the page's first render serializes a shared object once
  // (React Flight refers back to it), so a window of 300 events over ~90 reports carries each report once.
  const reports = new Map<string, ListedEvent["report"]>();
  const reportOf = (row: ListedRow): ListedEvent["report"] => {
    let report = reports.get(row.reportId);
    if (!report) {
      report = {
        id: row.reportId,
        title: row.title,
        status: row.status as ListedEvent["report"]["status"],
        key: row.key === true || Number(row.key) === 1,
        ...(row.publishedAt !== null ? { publishedAt: toDate(row.publishedAt).toISOString() } : {}),
        sources: fromJson<ListedEvent["report"]["sources"]>(row.sources),
        version: Number(row.version),
        updatedAt: toDate(row.updatedAt).toISOString(),
        ...(row.correctionReason !== null ? { correctionReason: row.correctionReason } : {}),
      };
      reports.set(row.reportId, report);
    }
    return report;
  };
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const occurredAt = toDate(row.occurredAt);
    const fields = fromJson<Record<string, unknown>>(row.fields);
    const { place: _place, ...event } = toEvent({
      id: row.id,
      type: row.type,
      occurredAt,
      confidence: row.confidence,
      factionSlug: row.factionSlug,
      fields,
    }) as ReturnType<typeof toEvent> & { place?: string };
    return [
      {
        occurredAt,
        event: {
          ...event,
          report: reportOf(row),
          place: { slug: row.placeSlug, region: row.regionSlug },
        },
      },
    ];
  });
}
