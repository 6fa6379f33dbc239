import { apiHandler, json } from "@/server/http/api-handler";
import { getHealth, HEALTH_RETRY_AFTER_S } from "@/server/services/health/get-health";

export const GET = apiHandler(async ({ ctx }) => {
  const { health, status } = await getHealth(ctx);
  return json(health, status, status === 503 ? { "retry-after": String(HEALTH_RETRY_AFTER_S) } : {});
});
