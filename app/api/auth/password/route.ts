import { changePasswordSchema } from "@/lib/schemas/users";
import { withPasswordPolicy } from "@/server/auth/password-policy";
import { apiHandler } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { CLIENT_IP_HEADER } from "@/server/http/request-guard";
import { changePassword } from "@/server/services/users/change-password";

const bodySchema = withPasswordPolicy(changePasswordSchema, "newPassword");

export const POST = apiHandler(
  async ({ request, ctx, actor }) => {
    await changePassword(ctx, actor, await readJson(request, bodySchema), request.headers.get(CLIENT_IP_HEADER) ?? undefined);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
  { role: "viewer" },
);
