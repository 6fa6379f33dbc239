import { z } from "zod";

/** The contract's machine codes (server/errors.ts maps each to its HTTP status). */
export const ERROR_CODES = [
  "invalid_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "busy",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorDetailSchema = z.object({ path: z.string(), message: z.string() });

/** Every 4xx/5xx: `{"error":{"code","message","details"}}`. */
export const errorBodySchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.array(errorDetailSchema) }) });
