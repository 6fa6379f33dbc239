/**
 * What the custom server does to every HTTP request before Next sees it: refuse a path that is not
 * valid percent-encoding (Next would answer 500) and answer /api itself in the contract's shape, record the client's address for the rate limits,
 * and set the security headers (server/http/security-headers.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Env } from "../env";
import { clientAddress } from "./client-address";
import { NONCE_HEADER, newNonce, securityHeaders } from "./security-headers";

/** Set by the server from the connection (never taken from the client): the rate limits key on it. */
export const CLIENT_IP_HEADER = "x-situation-client-ip";

type GuardEnv = Pick<Env, "NEXT_PUBLIC_MAPBOX_TOKEN" | "WALL_FRAME_ANCESTORS" | "EMBED_FRAME_ANCESTORS" | "TRUST_PROXY">;

/** Returns false when it answered the request itself. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, env: GuardEnv, dev: boolean): boolean {
  const url = req.url ?? "/";
  const path = url.split("?")[0]!;
  // As for the session cookie's Secure flag: TLS here, or a proxy that says it terminated TLS.
  const tls = Boolean((req.socket as TLSSocket).encrypted) || firstValue(req.headers["x-forwarded-proto"]) === "https";
  const nonce = newNonce();
  const headers = securityHeaders({ path, nonce, dev, tls, env });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

  req.headers[CLIENT_IP_HEADER] = clientAddress(req, env);
  delete req.headers[NONCE_HEADER];
  if (!path.startsWith("/api")) {
    // Next takes the nonce from the request's policy and puts it on its own scripts.
    req.headers["content-security-policy"] = headers["content-security-policy"];
    req.headers[NONCE_HEADER] = nonce;
  }

  if (!isValidPercentEncoding(path)) {
    refuse(res, 400, path.startsWith("/api"), "The request path is not valid percent-encoded UTF-8.", [
      { path: "path", message: "is not valid percent-encoding" },
    ]);
    return false;
  }
  // PostgreSQL's text cannot hold U+0000; no path or parameter needs it (%00 is its only way in).
  if (/%00/.test(url)) {
    refuse(res, 400, path.startsWith("/api"), "The request URL contains a NUL character (%00), which no path or parameter may hold.", [
      { path: "url", message: "must not contain %00" },
    ]);
    return false;
  }
  return true;
}

export function isValidPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: 400, api: boolean, message: string, details: { path: string; message: string }[] = []): void {
  res.statusCode = status;
  res.setHeader("cache-control", "no-store");
  if (api) {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ error: { code: "invalid_request", message, details } }));
  } else {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(`${status} ${message}\n`);
  }
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(",")[0]?.trim().toLowerCase();
}
