import type { ListedEvent } from "../../../lib/schemas/event-query";
import { EVENTS_PAGE_MAX } from "../../../lib/schemas/event-query";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { listEvents } from "./list-events";

/** Every published event, page by page: what the dashboard and the desk's preview render first. */
export async function listAllEvents(ctx: AppContext, actor: Actor | null): Promise<ListedEvent[]> {
  const events: ListedEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEvents(ctx, actor, { limit: EVENTS_PAGE_MAX, cursor });
    events.push(...page.events);
    cursor = page.next;
  } while (cursor);
  return events;
}
