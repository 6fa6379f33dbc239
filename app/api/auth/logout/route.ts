import { credentialsFrom } from "@/server/auth/credentials";
import { apiHandler } from "@/server/http/api-handler";
import { clearedSessionCookie } from "@/server/http/session-cookie";
import { logout } from "@/server/services/users/logout";

export const POST = apiHandler(async ({ request, ctx }) => {
  const credentials = credentialsFrom({ authorization: request.headers.get("authorization"), cookie: request.headers.get("cookie") });
  if (credentials) await logout(ctx, credentials.token);
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie() } });
});
