import { apiHandler, json } from "@/server/http/api-handler";
import { openApiDocument } from "@/server/openapi/document";

export const GET = apiHandler(async () => json(openApiDocument()));
