import { apiHandler, json } from "@/server/http/api-handler";
import { getHealth } from "@/server/services/health/get-health";

export const GET = apiHandler(async ({ ctx }) => json(await getHealth(ctx)));
