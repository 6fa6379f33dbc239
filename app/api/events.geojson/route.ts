import { exportHeaders } from "@/lib/events/export-row";
import { eventsExportQuerySchema } from "@/lib/schemas/event-query";
import { apiHandler } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { streamText } from "@/server/http/stream";
import { exportEventsGeoJson } from "@/server/services/events/export-events-geojson";

export const GET = apiHandler(async ({ request, ctx, actor }) => {
  const { header, chunks } = await exportEventsGeoJson(ctx, actor, readQuery(request, eventsExportQuerySchema));
  return streamText(
    chunks,
    { "content-type": "application/geo+json", "content-disposition": `attachment; filename="${header.basename}.geojson"`, ...exportHeaders(header) },
    ctx.log,
  );
});
