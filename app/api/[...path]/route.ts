import { AppError } from "@/server/errors";
import { apiHandler } from "@/server/http/api-handler";

/** Unknown API paths answer in the contract's error shape instead of Next's HTML 404 page. */
const notFound = apiHandler(async ({ request }) => {
  throw new AppError("not_found", `No API endpoint ${request.method} ${new URL(request.url).pathname}; see /api/openapi.json.`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
