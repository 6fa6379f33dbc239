import { issueTokenSchema } from "@/lib/schemas/users";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { issueToken } from "@/server/services/tokens/issue-token";
import { listTokens } from "@/server/services/tokens/list-tokens";

export const GET = apiHandler<{ id: string }>(async ({ params, ctx, actor }) => json(await listTokens(ctx, actor, params.id)), { role: "admin" });

export const POST = apiHandler<{ id: string }>(
  async ({ request, params, ctx, actor }) => json(await issueToken(ctx, actor, params.id, await readJson(request, issueTokenSchema)), 201),
  { role: "admin" },
);
