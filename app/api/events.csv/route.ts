import { exportHeaders } from "@/lib/events/export-row";
import { eventsCsvQuerySchema } from "@/lib/schemas/event-query";
import { apiHandler } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { streamText } from "@/server/http/stream";
import { exportEventsCsv } from "@/server/services/events/export-events-csv";

export const GET = apiHandler(async ({ request, ctx, actor }) => {
  const { comment, ...filter } = readQuery(request, eventsCsvQuerySchema);
  const { header, chunks } = await exportEventsCsv(ctx, actor, filter, { comment: comment !== "false" });
  return streamText(
    chunks,
    {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${header.basename}.csv"`,
      ...exportHeaders(header),
    },
    ctx.log,
  );
});
