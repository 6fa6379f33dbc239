import { IMPORT_MAX_BYTES, importQuerySchema } from "@/lib/schemas/imports";
import { AppError } from "@/server/errors";
import { apiHandler, json } from "@/server/http/api-handler";
import { bodyChunks, readQuery } from "@/server/http/parse";
import { listImports } from "@/server/services/imports/list-imports";
import { runImport } from "@/server/services/imports/run-import";

/** What each format is sent as: its own type, or what browsers and curl call a file they do not know. */
const CSV = { accepts: /^(text\/csv|application\/csv|text\/plain|application\/octet-stream|application\/vnd\.ms-excel)\b/i, name: "text/csv" };
const MEDIA_TYPES = {
  acled: CSV,
  csv: CSV,
  geojson: { accepts: /^(application\/geo\+json|application\/json|text\/plain|application\/octet-stream)\b/i, name: "application/geo+json" },
} as const;

export const GET = apiHandler(async ({ ctx, actor }) => json(await listImports(ctx, actor)), { role: "editor" });

export const POST = apiHandler(
  async ({ request, ctx, actor }) => {
    const query = readQuery(request, importQuerySchema);
    const type = request.headers.get("content-type");
    const media = MEDIA_TYPES[query.format];
    if (type && !media.accepts.test(type)) {
      throw new AppError("unsupported_media_type", `Send a ${query.format} file as ${media.name}, not '${type.slice(0, 80)}'.`);
    }
    const result = await runImport(ctx, actor, query, bodyChunks(request, IMPORT_MAX_BYTES));
    return json(result, result.import.dryRun ? 200 : 201);
  },
  { role: "editor" },
);
