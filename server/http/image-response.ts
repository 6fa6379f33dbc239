/**
 * The HTTP answer for a drawn snapshot (snapshot.svg, snapshot.png): its type, how long it may be kept,
 * its ETag, and 304 for a client that already has those bytes (If-None-Match). Pictures are made to be
 * put on other sites' pages (`<img src>` in an article), so they may be loaded cross-origin (CORP
 * `cross-origin`, where the API's other answers are `same-origin`): a cross-site image request carries
 * no bearer token and no session cookie (SameSite=Lax), so such a page gets only what any reader can.
 */
import { CLIENT_IP_HEADER } from "./request-guard";

export interface ImageAnswer {
  body: Buffer;
  contentType: string;
  etag: string;
  cacheControl: string;
}

/** The address a request's fair turn is counted for (set by the server, never by the client). */
export const clientAddressOf = (request: Request) => request.headers.get(CLIENT_IP_HEADER) ?? "unknown";

export function imageResponse(request: Request, image: ImageAnswer): Response {
  const headers = { etag: image.etag, "cache-control": image.cacheControl, "cross-origin-resource-policy": "cross-origin" };
  const known = (request.headers.get("if-none-match") ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (known.includes(image.etag) || known.includes("*")) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.body), { headers: { ...headers, "content-type": image.contentType, "content-length": String(image.body.length) } });
}
