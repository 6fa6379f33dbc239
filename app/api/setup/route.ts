import { setupSchema } from "@/lib/schemas/setup";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { CLIENT_IP_HEADER } from "@/server/http/request-guard";
import { sessionCookie } from "@/server/http/session-cookie";
import { completeSetup } from "@/server/services/setup/complete-setup";
import { withPasswordPolicy } from "@/server/auth/password-policy";

/** The contract's body, with the password also checked against the commonly-used list. */
const setupBody = withPasswordPolicy(setupSchema);

export const POST = apiHandler(
  async ({ request, ctx }) => {
    const { token, expiresAt, user } = await completeSetup(ctx, await readJson(request, setupBody), request.headers.get(CLIENT_IP_HEADER) ?? undefined);
    return json({ token, user }, 201, { "set-cookie": sessionCookie(request, token, expiresAt) });
  },
  { anonymous: true },
);
