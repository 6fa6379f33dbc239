import { createUserSchema } from "@/lib/schemas/users";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { createUser } from "@/server/services/users/create-user";
import { listUsers } from "@/server/services/users/list-users";

export const GET = apiHandler(async ({ ctx, actor }) => json(await listUsers(ctx, actor)), { role: "admin" });

export const POST = apiHandler(async ({ request, ctx, actor }) => json(await createUser(ctx, actor, await readJson(request, createUserSchema)), 201), { role: "admin" });
