import { createHash } from "node:crypto";
import type { Report } from "../../../../lib/schemas/reports";
import type { Db } from "../../../db/client";
import { AppError } from "../../../errors";

/** What a request with an `Idempotency-Key` is recognised by on a retry: a hash of what it asks for. */
export const requestHashOf = (request: unknown) => createHash("sha256").update(JSON.stringify(request)).digest("hex");

/**
 * The stored answer to an earlier request with this key, if any: a retry (same hash) gets it again and
 * changes nothing; the same key with another request is refused (409), on POST and PATCH alike.
 */
export async function findReplay(db: Db, userId: string, key: string, requestHash: string): Promise<{ report: Report; replayed: true } | null> {
  const stored = await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!stored) return null;
  if (stored.requestHash !== requestHash) {
    throw new AppError("conflict", "This Idempotency-Key was already used for a different request; use a new key for a new request.", [
      { path: "Idempotency-Key", message: "was used for a different request" },
    ]);
  }
  return { report: stored.response as unknown as Report, replayed: true };
}
