import { loginSchema } from "@/lib/schemas/users";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { CLIENT_IP_HEADER } from "@/server/http/request-guard";
import { sessionCookie } from "@/server/http/session-cookie";
import { login } from "@/server/services/users/login";

export const POST = apiHandler(
  async ({ request, ctx }) => {
    const { token, expiresAt, user } = await login(ctx, await readJson(request, loginSchema), request.headers.get(CLIENT_IP_HEADER) ?? undefined);
    return json({ token, user }, 200, { "set-cookie": sessionCookie(request, token, expiresAt) });
  },
  { anonymous: true },
);
