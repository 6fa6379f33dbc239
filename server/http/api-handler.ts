/**
 * The one wrapper every /api route handler uses: identifies the actor, applies the CSRF rule to cookie
 * writes, gives a situation's endpoints that situation's context (situation-scope.ts), and maps errors to the contract's `{error:{code,message,details}}`. Raw exception text never
 * reaches a client.
 */
import type { ApiErrorBody, ErrorDetail } from "../../lib/api-error";
import type { Role } from "../../lib/schemas/users";
import { credentialsFrom } from "../auth/credentials";
import { requireRole } from "../auth/require-role";
import { findActor, type Actor } from "../auth/sessions";
import { getAppContext, type AppContext } from "../context";
import { isConnectFailure, isDatabaseBusy, isDatabaseUnreachable, isStorageUnavailable, isTransactionTimeout, isWriteOutcomeUnknown } from "../db/errors";
import { AppError, ERROR_STATUS, isAppError, type ErrorCode } from "../errors";
import { mirrorActor } from "../services/situations/mirror-actor";
import { requireActiveSituation, situationContext } from "../services/situations/situation-context";
import { isAllowedOrigin } from "./origin";
import { currentSituationScope } from "./situation-scope";

export interface HandlerArgs<P> {
  request: Request;
  params: P;
  actor: Actor | null;
  ctx: AppContext;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Seconds a client should wait after a 503 busy before retrying. */
const BUSY_RETRY_AFTER_S = 2;
/** Seconds after a 503 unavailable (disk full, read-only database): an operator has to act first. */
const UNAVAILABLE_RETRY_AFTER_S = 30;
/** Seconds after a 503 because the database server cannot be reached (a restart or failover takes seconds). */
const UNREACHABLE_RETRY_AFTER_S = 5;
/** What a write that may have been stored says: only the client's retry can settle it. */
const SETTLE_BY_RETRY =
  "Retry with the same Idempotency-Key (POST /api/reports): a repeat returns the stored report if it was saved and creates nothing twice; for an edit, read the report again before repeating it.";

export interface HandlerOptions {
  /**
   * The weakest role that can ever use this endpoint, checked before the body is read, so an anonymous
   * or under-privileged write is a 401/403 whatever it sends. The service checks its own rule again.
   */
  role?: Role;
  /**
   * The endpoint acts on no one's authority (sign-in, first-run setup): the credentials a request carries
   * are not read. A session cookie the client still holds (a script's cookie jar, a browser signing in
   * again) neither makes it a cookie write refused without Origin, nor counts against its user's writes.
   */
  anonymous?: true;
}

export function apiHandler<P = Record<string, unknown>>(handler: (args: HandlerArgs<P>) => Promise<Response>, options: HandlerOptions = {}) {
  return async (request: Request, route?: { params?: Promise<P> }): Promise<Response> => {
    let ctx: AppContext | undefined;
    try {
      ctx = getAppContext();
      const actor = options.anonymous ? null : await identify(ctx, request);
      if (options.role) requireRole(actor, options.role);
      const write = !SAFE_METHODS.has(request.method);
      if (write) {
        if (actor?.via === "cookie") checkCsrf(request, ctx);
        if (actor) await ctx.limits.countWrite(actor.id);
      }
      const scope = currentSituationScope();
      if (scope) {
        ctx = await situationContext(ctx, scope.slug);
        if (write) {
          requireActiveSituation(ctx);
          if (actor) await mirrorActor(ctx, actor);
        }
      }
      const params = ((await route?.params) ?? {}) as P;
      return await handler({ request, params, actor, ctx });
    } catch (error) {
      return errorResponse(error, ctx, !SAFE_METHODS.has(request.method));
    }
  };
}

async function identify(ctx: AppContext, request: Request): Promise<Actor | null> {
  const credentials = credentialsFrom({ authorization: request.headers.get("authorization"), cookie: request.headers.get("cookie") });
  if (!credentials) {
    if (request.headers.get("authorization")) throw new AppError("unauthorized", "Malformed Authorization header: use 'Bearer <token>'.");
    return null;
  }
  const actor = await findActor(ctx.accounts, credentials.token, credentials.via, ctx.now());
  // A stale cookie reads as anonymous (public pages keep working); a bad bearer token is an error.
  if (!actor && credentials.via === "bearer") throw new AppError("unauthorized", "The bearer token is not valid (expired, revoked or its user disabled).");
  return actor;
}

/** Cookie-authenticated writes must come from our own pages (Origin, or Sec-Fetch-Site for browsers that omit it). */
function checkCsrf(request: Request, ctx: AppContext): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const sameOrigin = origin ? isAllowedOrigin(origin, request.headers.get("host"), ctx.env) : fetchSite === "same-origin";
  if (!sameOrigin)
    throw new AppError("forbidden", "Cross-site request refused: cookie-authenticated writes must come from this site's pages (or use a bearer token).");
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []): ApiErrorBody {
  return { error: { code, message, details } };
}

/**
 * The contract's error answer for anything a handler throws. Database faults are 503 with Retry-After:
 * `busy` (lock or pool wait, nothing saved), `unavailable` (unreachable, or cannot store). A write whose
 * outcome cannot be known (the connection was lost after statements were sent; an I/O error around a
 * SQLite commit) says so and how a retry settles it. Faults are logged once per episode (dbStatus).
 */
export function errorResponse(error: unknown, ctx?: AppContext, write = false): Response {
  if (isAppError(error)) {
    const retryAfter = error.retryAfterS ?? (error.code === "busy" ? BUSY_RETRY_AFTER_S : error.code === "unavailable" ? UNAVAILABLE_RETRY_AFTER_S : undefined);
    const headers: Record<string, string> = retryAfter !== undefined ? { "retry-after": String(retryAfter) } : {};
    return json(errorBody(error.code, error.message, error.details), ERROR_STATUS[error.code], headers);
  }
  if (isDatabaseUnreachable(error)) {
    ctx?.dbStatus.fault("down", error);
    const message =
      write && !isConnectFailure(error)
        ? `The connection to the database was lost while this change was being made; it may or may not have been saved. ${SETTLE_BY_RETRY}`
        : "The database cannot be reached right now; nothing was saved. Retry in a few seconds.";
    return json(errorBody("unavailable", message), 503, { "retry-after": String(UNREACHABLE_RETRY_AFTER_S) });
  }
  if (isTransactionTimeout(error) || isDatabaseBusy(error)) {
    return json(errorBody("busy", "The database is busy; nothing was saved. Retry in a moment."), 503, { "retry-after": String(BUSY_RETRY_AFTER_S) });
  }
  if (isStorageUnavailable(error)) {
    ctx?.dbStatus.fault("read-only", error);
    const message =
      write && isWriteOutcomeUnknown(error)
        ? `The database's disk failed while storing this change (I/O error: failing or read-only disk); it may or may not have been saved. ${SETTLE_BY_RETRY}`
        : "The database cannot store changes right now (disk full or read-only); nothing was saved. Retry later.";
    return json(errorBody("unavailable", message), 503, { "retry-after": String(UNAVAILABLE_RETRY_AFTER_S) });
  }
  ctx?.log.error("unhandled error in route", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return json(errorBody("internal", "Something went wrong on the server; nothing was changed. The error has been logged."), 500);
}
