import { updateUserSchema } from "@/lib/schemas/users";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { updateUser } from "@/server/services/users/update-user";
import { withPasswordPolicy } from "@/server/auth/password-policy";

/** The contract's body, with the password also checked against the commonly-used list. */
const updateBody = withPasswordPolicy(updateUserSchema);

export const PATCH = apiHandler<{ id: string }>(
  async ({ request, params, ctx, actor }) => json(await updateUser(ctx, actor, params.id, await readJson(request, updateBody))),
  { role: "admin" },
);
