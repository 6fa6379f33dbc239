/**
 * At start: the main database's own situation exists in the registry. Databases from before situations
 * (issue #15) hold Syria's factions, places, reports and feed in their own tables; they become the
 * situation `syria`, stored in the main database (store ""), with nothing moved. It is the default unless
 * another situation was made so.
 */
import { countryByCode } from "../../../lib/geo/countries";
import type { Db } from "../../db/client";
import { countryBounds } from "../geo/internal/country-bounds";
import { toSituationRow, type SituationRow } from "./internal/situation-registry";

export const MAIN_SITUATION = { slug: "syria", countries: ["SY"] } as const;

export async function ensureDefaultSituation(db: Db): Promise<SituationRow> {
  const existing = await db.situation.findFirst({ where: { store: "" } });
  if (!existing) {
    const names = countryByCode(MAIN_SITUATION.countries[0])!.names;
    const anyDefault = await db.situation.count({ where: { isDefault: true } });
    await db.situation.create({
      data: {
        slug: MAIN_SITUATION.slug,
        name: names.en,
        names,
        countries: [...MAIN_SITUATION.countries],
        bounds: countryBounds(MAIN_SITUATION.countries),
        isDefault: anyDefault === 0,
        store: "",
      },
    });
  }
  return toSituationRow((await db.situation.findFirst({ where: { store: "" } }))!);
}
