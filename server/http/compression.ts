/**
 * gzip for what is worth compressing: pages, scripts and GET answers (event lists, exports, map data).
 * Writes (POST/PATCH/DELETE) answer with one small object, and compressing it cost more than half the
 * CPU of a small request on the 2-core benchmark machine (docs/decisions/0012-group-commit.md), so they go uncompressed.
 * Next.js's own `compress` is off (next.config.js); this replaces it with the same library.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";

// @types/compression describes Express requests; the middleware itself needs only Node's req and res.
type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type NodeFilter = (req: IncomingMessage, res: ServerResponse) => boolean;

const COMPRESSED_METHODS = new Set(["GET", "HEAD"]);
const compressible = compression.filter as unknown as NodeFilter;

export function shouldCompress(req: IncomingMessage, res: ServerResponse): boolean {
  return COMPRESSED_METHODS.has(req.method ?? "GET") && compressible(req, res);
}

export const compress = compression({ filter: shouldCompress as unknown as compression.CompressionFilter }) as unknown as NodeMiddleware;
