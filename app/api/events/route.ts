import { eventsQuerySchema } from "@/lib/schemas/event-query";
import { apiHandler, json } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { listEvents } from "@/server/services/events/list-events";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await listEvents(ctx, actor, readQuery(request, eventsQuerySchema))));
