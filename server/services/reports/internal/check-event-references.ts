import type { z } from "zod";
import type { ErrorDetail } from "../../../../lib/api-error";
import type { EventInput } from "../../../../lib/schemas/events";
import { mergeDetails, referencedSlugs, referenceProblems, type ReferenceLookup } from "../../../../lib/schemas/event-references";
import { zodDetails } from "../../../../lib/schemas/zod-details";
import type { Db } from "../../../db/client";
import { invalid } from "../../../errors";

export { OCCURRED_AT_MAX_AHEAD_MS } from "../../../../lib/schemas/event-references";

/**
 * Slugs known to exist, per database. Factions and places are added (POST /api/places, on any node)
 * but never deleted or renamed, so a slug once found stays valid; a slug not yet known is looked up,
 * which also finds what another node added. Saves two queries on every report write.
 */
const known = new WeakMap<Db, { faction: Set<string>; place: Set<string> }>();

async function knownSlugs(db: Db, table: "faction" | "place", slugs: string[]): Promise<Set<string>> {
  let cache = known.get(db);
  if (!cache) known.set(db, (cache = { faction: new Set(), place: new Set() }));
  const missing = [...new Set(slugs)].filter((slug) => !cache[table].has(slug));
  if (missing.length > 0) {
    const where = { where: { slug: { in: missing } }, select: { slug: true } };
    const found = table === "faction" ? await db.faction.findMany(where) : await db.place.findMany(where);
    for (const { slug } of found) cache[table].add(slug);
  }
  return cache[table];
}

/** Which of the slugs a body's events name exist (looked up once, then cached). */
async function lookupFor(db: Db, body: unknown): Promise<ReferenceLookup> {
  const { factions, places } = referencedSlugs(body);
  const [knownFactions, knownPlaces] = await Promise.all([knownSlugs(db, "faction", factions), knownSlugs(db, "place", places)]);
  return { faction: (slug) => knownFactions.has(slug), place: (slug) => knownPlaces.has(slug) };
}

function refuse(details: ErrorDetail[]): never {
  const first = details[0]!;
  throw invalid(
    details.length === 1
      ? `Invalid request body: ${first.path || "request body"} ${first.message}.`
      : `Invalid request body: ${details.length} problems, first: ${first.path || "request body"} ${first.message}.`,
    details,
  );
}

/** Checks what a schema cannot: that every slug exists and that no event is dated in the future. */
export async function checkEventReferences(db: Db, events: EventInput[], now: Date): Promise<void> {
  const body = { events };
  const details = referenceProblems(body, await lookupFor(db, body), now.getTime());
  if (details.length > 0) refuse(details);
}

/**
 * A report's body (POST or PATCH) read with its schema and checked against the reference data in one
 * go: a refusal lists every problem of the request, the schema's and the references' (unknown places
 * and factions, future dates), each once, not the schema's alone and the rest on the next try.
 */
export async function parseReportBody<S extends z.ZodType>(db: Db, schema: S, body: unknown, now: Date): Promise<z.infer<S>> {
  const parsed = schema.safeParse(body);
  const details = mergeDetails(parsed.success ? [] : zodDetails(parsed.error), referenceProblems(body, await lookupFor(db, body), now.getTime()));
  if (details.length > 0) refuse(details);
  return parsed.data as z.infer<S>;
}
