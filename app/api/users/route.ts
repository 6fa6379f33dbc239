import { createUserSchema } from "@/lib/schemas/users";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { createUser } from "@/server/services/users/create-user";
import { listUsers } from "@/server/services/users/list-users";
import { withPasswordPolicy } from "@/server/auth/password-policy";

/** The contract's body, with the password also checked against the commonly-used list. */
const createBody = withPasswordPolicy(createUserSchema);

export const GET = apiHandler(async ({ ctx, actor }) => json(await listUsers(ctx, actor)), { role: "admin" });

export const POST = apiHandler(async ({ request, ctx, actor }) => json(await createUser(ctx, actor, await readJson(request, createBody)), 201), {
  role: "admin",
});
