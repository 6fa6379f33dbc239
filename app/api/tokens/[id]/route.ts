import { apiHandler } from "@/server/http/api-handler";
import { revokeToken } from "@/server/services/tokens/revoke-token";

export const DELETE = apiHandler<{ id: string }>(
  async ({ params, ctx, actor }) => {
    await revokeToken(ctx, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
