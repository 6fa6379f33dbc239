import { unknownEndpoint } from "@/server/errors";
import { apiHandler } from "@/server/http/api-handler";

/** Unknown API paths answer in the contract's error shape (a route, so that it wins over no route at all). */
const notFound = apiHandler(async ({ request }) => {
  throw unknownEndpoint(request.method, new URL(request.url).pathname);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
