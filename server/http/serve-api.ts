/**
 * Answers /api/* in the custom server, calling the route handlers in app/api directly with a Web
 * `Request` and writing their `Response` back, instead of going through Next.js's request pipeline.
 * The handlers are the same files with the same exports; only the dispatch differs. Next.js's pipeline
 * cost ~3 ms of CPU per API request on the 2-core benchmark machine, ten times the handler's own work
 * for a small write, which capped report posts far below the target (docs/decisions/0012-group-commit.md).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError, unknownEndpoint } from "../errors";
import type { Logger } from "../logger";
import { errorResponse } from "./api-handler";
import { matchRoute, readApiRoutes, type ApiRoute, type RouteModule } from "./api-routes";
import { runInSituation, situationPath } from "./situation-scope";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export function isApiPath(url: string | undefined): boolean {
  return url === "/api" || !!url?.startsWith("/api/") || !!url?.startsWith("/api?");
}

export function createApiServer(projectRoot: string, log: Logger) {
  const routes = readApiRoutes(path.join(projectRoot, "app", "api"));
  const modules = new Map<ApiRoute, Promise<RouteModule>>();
  const load = (route: ApiRoute) => {
    let loaded = modules.get(route);
    if (!loaded) {
      // Under tsx the route files are CommonJS: the exports arrive as `default`.
      loaded = import(route.file).then((exports: RouteModule & { default?: RouteModule }) =>
        exports.GET || exports.POST || exports.PATCH || exports.DELETE ? exports : (exports.default ?? exports),
      );
      modules.set(route, loaded);
    }
    return loaded;
  };

  // Load every route module now rather than on its first request (an editor's first post after a
  // restart should not wait for them; the server listens once `ready`); a module that fails to load is
  // reported on its requests too.
  const ready = Promise.all(
    routes.map((route) => load(route).catch((error: unknown) => log.error("API route failed to load", { route: route.pattern, error: String(error) }))),
  ).then(() => undefined);

  return Object.assign(serveApi, { ready });

  async function serveApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const request = toWebRequest(req);
      const { pathname, scope } = situationPath(new URL(request.url).pathname);
      const response = await runInSituation(scope, () => dispatch(request, pathname));
      await send(res, response, req.method === "HEAD");
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      log.error("API dispatch failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      await send(res, errorResponse(error), false).catch(() => res.destroy());
    }
  }

  async function dispatch(request: Request, pathname: string): Promise<Response> {
    let match;
    try {
      match = matchRoute(routes, pathname);
    } catch {
      return errorResponse(new AppError("invalid_request", "The path is not valid percent-encoding."));
    }
    if (!match) return errorResponse(unknownEndpoint(request.method, pathname));
    const handlers = await load(match.route);
    const allowed = METHODS.filter((method) => handlers[method] || (method === "HEAD" && handlers.GET) || method === "OPTIONS");
    const method = request.method === "HEAD" && !handlers.HEAD ? "GET" : request.method;
    if (request.method === "OPTIONS" && !handlers.OPTIONS) return new Response(null, { status: 204, headers: { allow: allowed.join(", ") } });
    const handler = handlers[method];
    if (!handler) {
      const refused = errorResponse(new AppError("invalid_request", `${request.method} is not supported here; use ${allowed.join(", ")}.`));
      return new Response(refused.body, { status: 405, headers: { ...Object.fromEntries(refused.headers), allow: allowed.join(", ") } });
    }
    return handler(request, { params: Promise.resolve(match.params) });
  }
}

function toWebRequest(req: IncomingMessage): Request {
  const method = req.method ?? "GET";
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(req.url ?? "/", "http://localhost");
  }
  // From the parsed headers, not rawHeaders: the request guard sets and removes some (the client's
  // address for the rate limits), and a client must not be able to send those itself.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: requestBody(req), duplex: "half" } : {}),
  });
}

/**
 * The request body as a Web stream that reads only when the handler reads (highWaterMark 0): a body a
 * handler never reads (a 401 before the body) is left to Node, which discards it and keeps the
 * connection usable; a body given up half way (413) is drained for the same reason.
 */
function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let reading = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!reading) {
          reading = true;
          req.on("data", (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            req.pause();
          });
          req.once("end", () => controller.close());
          req.once("error", (error) => controller.error(error));
        }
        req.resume();
      },
      cancel() {
        req.removeAllListeners("data");
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

async function send(res: ServerResponse, response: Response, headOnly: boolean): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body || headOnly) {
    res.end();
    return;
  }
  // Answers built whole (JSON) are written at once; streamed exports keep streaming, with backpressure.
  if (!isStreamed(response)) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
}

const isStreamed = (response: Response) => !/^application\/json\b/.test(response.headers.get("content-type") ?? "");
