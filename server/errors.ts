import type { ErrorDetail } from "../lib/api-error";
import type { ErrorCode } from "../lib/schemas/errors";

export type { ErrorCode };

/** Machine codes of the contract, and the HTTP status each maps to (server/http does the mapping). */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  busy: 503,
  /**
   * The database cannot be reached or cannot take writes (read-only, disk full): nothing was saved,
   * unless the message says the outcome is unknown and how a retry settles it.
   */
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

/** What services throw: a code from the contract and a sentence a person can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds the client should wait before retrying (429, 503): sent as Retry-After. */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * True for an AppError from any copy of this module: Next bundles route handlers apart from the custom
 * server, so one thrown by server-side code (the rate limits on the app context) is not `instanceof`
 * the route bundle's class.
 */
export function isAppError(error: unknown): error is AppError {
  if (error instanceof AppError) return true;
  if (!(error instanceof Error) || error.name !== "AppError") return false;
  const { code, details } = error as Partial<AppError>;
  return typeof code === "string" && Object.hasOwn(ERROR_STATUS, code) && Array.isArray(details);
}

export const invalid = (message: string, details: ErrorDetail[] = []) => new AppError("invalid_request", message, details);
export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);
/** A path under /api that no route answers (the catch-all route and the dispatcher both say so). */
export const unknownEndpoint = (method: string, pathname: string) =>
  new AppError("not_found", `No API endpoint ${method} ${pathname.slice(0, 200)}; see /api/openapi.json.`);

/** A refusal to start that is said plainly: server/index.ts prints its message without a stack trace. */
export class StartupError extends Error {
  override readonly name: string = "StartupError";
}
