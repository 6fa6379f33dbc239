import type { z } from "zod";
import type { eventsQuerySchema, ListedEvent, SortOrder } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { toEvent } from "../reports/report-view";
import { checkFilterSlugs } from "./event-where";
import { selectEventIds } from "./select-event-ids";

type EventsQuery = Omit<z.infer<typeof eventsQuerySchema>, "order"> & { order?: SortOrder };

const encodeCursor = (occurredAt: Date, id: string) => Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");
function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(iso ?? "");
  if (!id || Number.isNaN(occurredAt.getTime())) throw invalid("Invalid cursor: pass the `next` value of a previous page.", [{ path: "cursor", message: "is not a cursor this list returned" }]);
  return { occurredAt, id };
}

/** Published events matching the filters, oldest first (or newest first with `order: "desc"`), paged by an opaque cursor. */
export async function listEvents(ctx: AppContext, actor: Actor | null, query: EventsQuery): Promise<{ events: ListedEvent[]; next?: string }> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, query);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const order = query.order ?? "asc";
  const ids = await selectEventIds(ctx.db, query, { order, limit: query.limit + 1, after });
  const found = await ctx.db.event.findMany({
    where: { id: { in: ids } },
    include: {
      report: { select: { id: true, title: true, status: true, key: true, publishedAt: true, sources: true } },
      place: { select: { slug: true, regionSlug: true } },
    },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const page = rows.slice(0, query.limit);
  const events = page.map((row): ListedEvent => {
    const { place: _slug, ...event } = toEvent(row) as ReturnType<typeof toEvent> & { place?: string };
    return {
      ...event,
      report: { ...row.report, publishedAt: row.report.publishedAt?.toISOString(), sources: row.report.sources as ListedEvent["report"]["sources"] },
      place: { slug: row.place.slug, region: row.place.regionSlug },
    } as ListedEvent;
  });
  const last = page.at(-1);
  return { events, ...(rows.length > query.limit && last ? { next: encodeCursor(last.occurredAt, last.id) } : {}) };
}
