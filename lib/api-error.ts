/** The contract's error body: `{"error":{"code","message","details"}}` (schemas in lib/schemas/errors.ts). */
import type { z } from "zod";
import type { errorBodySchema, errorDetailSchema } from "./schemas/errors";

export type ErrorDetail = z.output<typeof errorDetailSchema>;
export type ApiErrorBody = z.output<typeof errorBodySchema>;
