/**
 * The wall display's configuration, read from its URL only (a screen is set up once and left alone).
 * Parsed on the server: each parameter on its own, so one bad value is reported on screen and falls
 * back to its default instead of taking the whole display down.
 */
import { z } from "zod";
import { LOCALES, type Locale } from "../../i18n/locales";

export const WALL_PANELS = ["map", "ticker", "control", "events", "distance"] as const;
export type WallPanel = (typeof WALL_PANELS)[number];
export const WALL_VIEWS = ["country", "region", "routes"] as const;
export type WallView = (typeof WALL_VIEWS)[number];

export const WALL_DEFAULT_PANELS: WallPanel[] = ["map", "ticker", "control", "events"];
/** How long a new key report holds the breaking banner. */
export const WALL_BREAKING_DEFAULT_S = 60;
/** No new report for this long: the "quiet" warning. */
export const WALL_STALE_DEFAULT_MIN = 30;
/** Not live for this long (and the server answers): the page reloads itself. */
export const WALL_RELOAD_DEFAULT_MIN = 10;

export interface WallConfig {
  region: string | null;
  factions: string[] | null;
  panels: WallPanel[];
  /** Map views in rotation order; one view means no rotation. */
  views: WallView[];
  rotateMs: number;
  breakingMs: number;
  staleAfterMs: number;
  reloadAfterMs: number;
  locale: Locale;
  theme: "dark" | "light";
  token: string | null;
}

/** Why a parameter was ignored, as data: the wall says it in its own language (messages `wall.reasons`). */
export type IgnoredReason =
  | { kind: "unknown"; what: ListItem; item: string }
  | { kind: "emptyList"; what: ListItem }
  | { kind: "range"; min: number; max: number }
  | { kind: "zeroOrRange"; min: number; max: number }
  | { kind: "oneOf"; options: string }
  | { kind: "needsRegion" }
  | { kind: "tooLong"; max: number };
export type ListItem = "region" | "faction" | "panel" | "view";

export interface IgnoredParam {
  param: string;
  value: string;
  reason: IgnoredReason;
}

const list = (value: string) => [
  ...new Set(
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];
const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const listOf = <T extends string>(allowed: readonly T[]) =>
  z
    .string()
    .transform(list)
    .pipe(z.array(z.enum(allowed as unknown as [T, ...T[]])).min(1));
/** The first item of a list that is not allowed, or that the list is empty. */
const listReason =
  (allowed: readonly string[], what: ListItem) =>
  (value: string): IgnoredReason => {
    const item = list(value).find((v) => !allowed.includes(v));
    return item === undefined ? { kind: "emptyList", what } : { kind: "unknown", what, item: item.slice(0, 40) };
  };

/** Reads `?region=&factions=&panels=&views=&rotate=&breaking=&stale=&reload=&lang=&theme=&token=`. */
export function parseWallParams(
  params: Record<string, string | string[] | undefined>,
  known: { regions: readonly string[]; factions: readonly string[]; fallbackLocale: Locale },
): { config: WallConfig; ignored: IgnoredParam[] } {
  const ignored: IgnoredParam[] = [];
  const read = <T>(param: string, schema: z.ZodType<T>, fallback: T, why: (value: string) => IgnoredReason): T => {
    const raw = params[param];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ignored.push({ param, value: value.slice(0, 80), reason: why(value) });
    return fallback;
  };
  /** A whole number from min to max: the bounds checked and the bounds named are the same numbers. */
  const wholeNumberParam = (param: string, min: number, max: number, fallback: number) =>
    read(param, wholeNumber(min, max), fallback, () => ({ kind: "range", min, max }));

  const region = read<string | null>("region", z.enum(known.regions as [string, ...string[]]), null, (value) => ({
    kind: "unknown",
    what: "region",
    item: value.slice(0, 40),
  }));
  const factions = read<string[] | null>("factions", listOf(known.factions), null, listReason(known.factions, "faction"));
  const panels = read<WallPanel[]>("panels", listOf(WALL_PANELS), WALL_DEFAULT_PANELS, listReason(WALL_PANELS, "panel"));
  const [rotateMin, rotateMax] = [10, 3600];
  const rotateS = read("rotate", z.union([z.literal("0").transform(() => 0), wholeNumber(rotateMin, rotateMax)]), 0, () => ({
    kind: "zeroOrRange",
    min: rotateMin,
    max: rotateMax,
  }));
  const defaultViews: WallView[] = rotateS > 0 ? (region ? ["region", "country", "routes"] : ["country", "routes"]) : region ? ["region"] : ["country"];
  let views = read<WallView[]>("views", listOf(WALL_VIEWS), defaultViews, listReason(WALL_VIEWS, "view"));
  if (!region && views.includes("region")) {
    ignored.push({ param: "views", value: "region", reason: { kind: "needsRegion" } });
    views = views.filter((v) => v !== "region");
    if (views.length === 0) views = ["country"];
  }
  const breakingS = wholeNumberParam("breaking", 5, 3600, WALL_BREAKING_DEFAULT_S);
  const staleMin = wholeNumberParam("stale", 1, 7 * 24 * 60, WALL_STALE_DEFAULT_MIN);
  const reloadMin = wholeNumberParam("reload", 1, 24 * 60, WALL_RELOAD_DEFAULT_MIN);
  const locale = read<Locale>("lang", z.enum(LOCALES), known.fallbackLocale, () => ({ kind: "oneOf", options: LOCALES.join(", ") }));
  const theme = read<"dark" | "light">("theme", z.enum(["dark", "light"]), "dark", () => ({ kind: "oneOf", options: "dark, light" }));
  const tokenMax = 200;
  const token = read<string | null>("token", z.string().max(tokenMax), null, () => ({ kind: "tooLong", max: tokenMax }));

  return {
    config: {
      region,
      factions,
      panels,
      views: rotateS > 0 ? views : views.slice(0, 1),
      rotateMs: views.length > 1 ? rotateS * 1000 : 0,
      breakingMs: breakingS * 1000,
      staleAfterMs: staleMin * 60_000,
      reloadAfterMs: reloadMin * 60_000,
      locale,
      theme,
      token,
    },
    ignored,
  };
}
