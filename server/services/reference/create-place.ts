import type { CreatePlaceInput, Place } from "../../../lib/schemas/reference";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { isUniqueViolation } from "../../db/errors";
import { AppError, invalid } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { toPlace } from "./internal/place-view";

/** Lets a desk cover a place the gazetteer lacks. */
export async function createPlace(ctx: AppContext, actor: Actor | null, input: CreatePlaceInput): Promise<Place> {
  const editor = requireRole(actor, "editor");
  if (input.region && !(await ctx.db.region.findUnique({ where: { slug: input.region } }))) {
    throw invalid(`Unknown region '${input.region}'.`, [{ path: "region", message: `unknown region '${input.region}'` }]);
  }
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.place.create({
        data: {
          slug: input.slug,
          name: input.name,
          nameNl: input.names?.nl ?? null,
          nameAr: input.names?.ar ?? null,
          kind: input.kind,
          lat: input.lat,
          lon: input.lon,
          regionSlug: input.region ?? null,
        },
      });
      await recordAudit(tx, editor, ctx.now(), { action: "place.created", subjectType: "place", subjectId: created.slug, details: { name: created.name } });
      return created;
    });
    return toPlace(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A place with slug '${input.slug}' already exists.`);
    throw error;
  }
}
