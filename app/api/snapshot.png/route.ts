import { snapshotImageQuerySchema } from "@/lib/schemas/snapshot";
import { apiHandler } from "@/server/http/api-handler";
import { clientAddressOf, imageResponse } from "@/server/http/image-response";
import { readQuery } from "@/server/http/parse";
import { snapshotImage } from "@/server/services/snapshots/snapshot-image";

export const GET = apiHandler(async ({ request, ctx, actor }) =>
  imageResponse(request, await snapshotImage(ctx, actor, readQuery(request, snapshotImageQuerySchema), "png", clientAddressOf(request))),
);
