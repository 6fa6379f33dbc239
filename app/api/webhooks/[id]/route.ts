import { apiHandler } from "@/server/http/api-handler";
import { deleteWebhook } from "@/server/services/webhooks/delete-webhook";

export const DELETE = apiHandler<{ id: string }>(
  async ({ params, ctx, actor }) => {
    await deleteWebhook(ctx, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
