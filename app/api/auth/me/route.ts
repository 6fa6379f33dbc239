import { requireRole } from "@/server/auth/require-role";
import { apiHandler, json } from "@/server/http/api-handler";

export const GET = apiHandler(async ({ actor }) => {
  const { id, email, name, role } = requireRole(actor, "viewer");
  return json({ user: { id, email, name, role } });
});
