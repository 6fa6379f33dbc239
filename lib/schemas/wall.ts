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

export interface IgnoredParam {
  param: string;
  value: string;
  reason: string;
}

const list = (value: string) => [...new Set(value.split(",").map((s) => s.trim()).filter(Boolean))];
const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int({ error: `must be a whole number from ${min} to ${max}` }).min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` });
const listOf = <T extends string>(allowed: readonly T[], what: string) =>
  z
    .string()
    .transform(list)
    .pipe(z.array(z.enum(allowed as unknown as [T, ...T[]], { error: (issue) => `unknown ${what} '${String(issue.input)}'` })).min(1, { error: `name at least one ${what}` }));

/** Reads `?region=&factions=&panels=&views=&rotate=&breaking=&stale=&reload=&lang=&theme=&token=`. */
export function parseWallParams(
  params: Record<string, string | string[] | undefined>,
  known: { regions: readonly string[]; factions: readonly string[]; fallbackLocale: Locale },
): { config: WallConfig; ignored: IgnoredParam[] } {
  const ignored: IgnoredParam[] = [];
  const read = <T>(param: string, schema: z.ZodType<T>, fallback: T): T => {
    const raw = params[param];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ignored.push({ param, value: value.slice(0, 80), reason: parsed.error.issues[0]?.message ?? "invalid" });
    return fallback;
  };

  const region = read<string | null>("region", z.enum(known.regions as [string, ...string[]], { error: (i) => `unknown region '${String(i.input)}'` }), null);
  const factions = read<string[] | null>("factions", listOf(known.factions, "faction"), null);
  const panels = read<WallPanel[]>("panels", listOf(WALL_PANELS, "panel"), WALL_DEFAULT_PANELS);
  const rotateS = read("rotate", z.union([z.literal("0").transform(() => 0), wholeNumber(10, 3600)], { error: "must be 0 or a whole number from 10 to 3600" }), 0);
  const defaultViews: WallView[] = rotateS > 0 ? (region ? ["region", "country", "routes"] : ["country", "routes"]) : region ? ["region"] : ["country"];
  let views = read<WallView[]>("views", listOf(WALL_VIEWS, "view"), defaultViews);
  if (!region && views.includes("region")) {
    ignored.push({ param: "views", value: "region", reason: "needs ?region=" });
    views = views.filter((v) => v !== "region");
    if (views.length === 0) views = ["country"];
  }
  const breakingS = read("breaking", wholeNumber(5, 3600), WALL_BREAKING_DEFAULT_S);
  const staleMin = read("stale", wholeNumber(1, 7 * 24 * 60), WALL_STALE_DEFAULT_MIN);
  const reloadMin = read("reload", wholeNumber(1, 24 * 60), WALL_RELOAD_DEFAULT_MIN);
  const locale = read<Locale>("lang", z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }), known.fallbackLocale);
  const theme = read<"dark" | "light">("theme", z.enum(["dark", "light"], { error: "must be dark or light" }), "dark");
  const token = read<string | null>("token", z.string().max(200, { error: "is too long" }), null);

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
