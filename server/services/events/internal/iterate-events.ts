import type { EventFilter, ListedEvent } from "../../../../lib/schemas/event-query";
import { EVENTS_PAGE_MAX } from "../../../../lib/schemas/event-query";
import type { Actor } from "../../../auth/sessions";
import type { AppContext } from "../../../context";
import { listEvents } from "../list-events";

/** Every published event matching the filter, oldest first, read page by page (for the exports). */
export async function* iterateEvents(ctx: AppContext, actor: Actor | null, filter: EventFilter): AsyncGenerator<ListedEvent[]> {
  let cursor: string | undefined;
  do {
    const page = await listEvents(ctx, actor, { ...filter, limit: EVENTS_PAGE_MAX, cursor });
    if (page.events.length > 0) yield page.events;
    cursor = page.next;
  } while (cursor);
}
