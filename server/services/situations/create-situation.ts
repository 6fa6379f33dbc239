/**
 * POST /api/situations (admin): a new situation, its store made and filled offline from the bundled
 * gazetteer (its countries' first-level divisions as regions, their populated places as places), then
 * listed. The registry row is written last: a setup that fails half way leaves no situation anyone sees.
 */
import type { CreateSituationInput, Situation } from "../../../lib/schemas/situations";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { bundledGazetteer } from "../gazetteer/bundled-gazetteer";
import type { Gazetteer } from "../gazetteer/build-gazetteer";
import { countriesWithoutShape, countryBounds, type Bounds } from "../geo/internal/country-bounds";
import { fillGazetteer } from "./internal/fill-gazetteer";
import { situationView } from "./internal/situation-view";

const taken = (slug: string) => new AppError("conflict", `A situation '${slug}' already exists.`, [{ path: "slug", message: "is taken" }]);

export async function createSituation(ctx: AppContext, actor: Actor | null, input: CreateSituationInput): Promise<Situation> {
  const admin = requireRole(actor, "admin");
  const registry = ctx.situations.registry;
  if (await ctx.accounts.situation.findUnique({ where: { slug: input.slug } })) throw taken(input.slug);
  const gazetteer: Gazetteer = input.gazetteer === "bundled" ? await bundledGazetteer(input.countries) : { regions: [], places: [] };
  const bounds = situationBounds(input.countries, gazetteer);
  const store = input.slug;
  const { db } = await ctx.situations.stores.open(store);
  try {
    // Two setups of the same slug at once fill the same store: the second meets the first's rows (PostgreSQL).
    await fillGazetteer(db, gazetteer, ctx.now());
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.slug);
    throw error;
  }
  try {
    await ctx.accounts.$transaction(async (tx) => {
      await tx.situation.create({
        data: { slug: input.slug, name: input.name, names: input.names ?? {}, countries: input.countries, bounds, store, createdAt: ctx.now() },
      });
      await recordAudit(tx, admin, ctx.now(), {
        action: "situation.created",
        subjectType: "situation",
        subjectId: input.slug,
        details: { countries: input.countries, gazetteer: input.gazetteer, regions: gazetteer.regions.length, places: gazetteer.places.length },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.slug);
    throw error;
  }
  await registry.refresh();
  return situationView((await registry.find(input.slug))!, ctx.situations.stores);
}

/** The countries' bounds from the bundled borders; for a country too small to have any, its places'. */
function situationBounds(countries: string[], gazetteer: Gazetteer): Bounds {
  if (countriesWithoutShape(countries).length === 0) return countryBounds(countries);
  const places = gazetteer.places;
  if (places.length === 0)
    throw new AppError("invalid_request", "The map has no borders for these countries and the gazetteer no places in them: nothing to frame the map on.", [
      { path: "countries", message: `${countriesWithoutShape(countries).join(", ")} has no borders on the bundled map` },
    ]);
  const lons = places.map((place) => place.lon);
  const lats = places.map((place) => place.lat);
  const pad = 0.25;
  return [
    [Math.min(...lons) - pad, Math.min(...lats) - pad],
    [Math.max(...lons) + pad, Math.max(...lats) + pad],
  ];
}
