/**
 * What a page knows of the situation it shows (issue #15): its name in the page's language, the map's
 * frame, where its pages live, and the other situations for the switcher. Plain data, server to browser.
 */
import type { Bounds } from "../geo/map-views";
import { situationPagePath } from "../contract/situation-paths";

export interface SituationChoice {
  slug: string;
  name: string;
  names: { en?: string; nl?: string; ar?: string };
  archived: boolean;
}

export interface PageSituation extends SituationChoice {
  /** The default situation: the one of the v1 API and of the pages without a slug. */
  isDefault: boolean;
  countries: string[];
  bounds: Bounds;
  /**
   * true: its places were filled from the bundled gazetteer (GeoNames, CC BY 4.0), which the map then
   * credits. Every situation set up through the desk or the API has a store of its own and may have
   * been (`gazetteer: "none"` leaves it empty, so the credit is then one too many, never one too few);
   * the main database's (Syria's demo) places are the desk's own.
   */
  gazetteerPlaces: boolean;
  /**
   * Where the page's sibling pages are: "" on the default situation's own paths (`/`, `/wall`), else
   * `/s/<slug>`. A page reached without a slug keeps its links without one.
   */
  base: string;
  /** Every situation, the archived last, for the switcher. */
  choices: SituationChoice[];
}

/** The situation's name in `locale` (its `names` entry, else its name). */
export const situationLabel = (situation: SituationChoice, locale: string) => situation.names[locale as keyof SituationChoice["names"]] ?? situation.name;

/** A sibling page of the situation: `/wall?x` → `/s/ukraine/wall?x` (or `/wall?x` on the default's own paths). */
export const pageHref = (situation: Pick<PageSituation, "base">, path: string) => (situation.base ? `${situation.base}${path === "/" ? "" : path}` : path);

/**
 * The same page in another situation (`/analyst` or `/s/syria/analyst` → `/s/ukraine/analyst`), without
 * its query: filters, regions and factions are the situation's own.
 */
export function switchHref(current: Pick<PageSituation, "base">, slug: string, pathname: string): string {
  const page = current.base && pathname.startsWith(current.base) ? pathname.slice(current.base.length) || "/" : pathname;
  return situationPagePath(page, slug);
}
