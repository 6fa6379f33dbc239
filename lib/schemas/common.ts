import { z } from "zod";

/** Versions, seqs and ids are 32-bit integers in the database (PostgreSQL's integer): no input may exceed it. */
export const DB_INT_MAX = 2_147_483_647;

/** Slugs are part of the public contract: lower-case words joined by hyphens. */
export const SLUG_MAX_LENGTH = 64;
export const slugSchema = z
  .string({ error: "must be a slug string" })
  .min(1, { error: "must not be empty" })
  .max(SLUG_MAX_LENGTH, { error: `must be at most ${SLUG_MAX_LENGTH} characters` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be a slug: lower-case letters, digits and hyphens" });

/** An ISO 8601 instant with an explicit offset (UTC `Z` or `+hh:mm`); stored and returned in UTC. */
export const isoInstantSchema = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with a time zone, e.g. 2024-12-07T09:00:00Z" });

/** A free-text field: trimmed, no control characters other than newline and tab. */
export function textSchema(max: number, { multiline = false } = {}) {
  const forbidden = multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  return z
    .string({ error: "must be a string" })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .refine((value) => !forbidden.test(value), { error: "must not contain control characters" });
}

/** A free-text field that must say something once trimmed (a name, a title). */
export const nonEmptyTextSchema = (max: number) => textSchema(max).pipe(z.string().min(1, { error: "must not be empty" }));

/** Who did something, as responses name them: `{id, name}`. */
export const personSchema = z.object({ id: z.string(), name: z.string() });
