import { filterQueryString } from "../../../lib/analyst/filter-params";
import type { EventFilter } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { checkFilterSlugs } from "./event-where";

export interface ExportHeader {
  /** The filter as a canonical query string ("" for none). */
  filter: string;
  /** When the export was made, and the feed position it reflects. */
  asOf: string;
  lastSeq: number;
  /** A file name for downloads, e.g. `events-20241207T120000Z`. */
  basename: string;
}

/** Checks the reader and the filter before anything is streamed, so bad input still gets a clean 400. */
export async function prepareExport(ctx: AppContext, actor: Actor | null, filter: EventFilter): Promise<ExportHeader> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, filter);
  const counter = await ctx.db.feedCounter.findUnique({ where: { id: 1 } });
  const asOf = ctx.now().toISOString();
  return { filter: filterQueryString(filter), asOf, lastSeq: counter?.value ?? 0, basename: `events-${asOf.replace(/[-:]|\.\d+/g, "")}` };
}
