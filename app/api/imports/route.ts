import { IMPORT_MAX_BYTES, importQuerySchema } from "@/lib/schemas/imports";
import { AppError } from "@/server/errors";
import { apiHandler, json } from "@/server/http/api-handler";
import { bodyChunks, readQuery } from "@/server/http/parse";
import { listImports } from "@/server/services/imports/list-imports";
import { runImport } from "@/server/services/imports/run-import";

/** What an ACLED export is sent as: CSV, or what browsers and curl call a file they do not know. */
const CSV_TYPES = /^(text\/csv|application\/csv|text\/plain|application\/octet-stream|application\/vnd\.ms-excel)\b/i;

export const GET = apiHandler(async ({ ctx, actor }) => json(await listImports(ctx, actor)), { role: "editor" });

export const POST = apiHandler(
  async ({ request, ctx, actor }) => {
    const query = readQuery(request, importQuerySchema);
    const type = request.headers.get("content-type");
    if (type && !CSV_TYPES.test(type)) {
      throw new AppError("unsupported_media_type", `Send the file as text/csv, not '${type.slice(0, 80)}'.`);
    }
    const result = await runImport(ctx, actor, query, bodyChunks(request, IMPORT_MAX_BYTES));
    return json(result, result.import.dryRun ? 200 : 201);
  },
  { role: "editor" },
);
