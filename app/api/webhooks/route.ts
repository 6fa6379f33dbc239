import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { createWebhook } from "@/server/services/webhooks/create-webhook";
import { listWebhooks } from "@/server/services/webhooks/list-webhooks";

export const GET = apiHandler(async ({ ctx, actor }) => json(await listWebhooks(ctx, actor)), { role: "admin" });

export const POST = apiHandler(
  async ({ request, ctx, actor }) => {
    const webhook = await createWebhook(ctx, actor, await readJson(request, createWebhookSchema));
    return json(webhook, 201);
  },
  { role: "admin" },
);
