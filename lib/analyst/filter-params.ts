/**
 * The analyst's filter as URL query parameters, in one canonical order, so that a view can be shared,
 * reloaded and exported exactly (the same string goes to /api/events, the stats, the exports and the
 * page's own URL). Pure; the server validates with lib/schemas/event-query.ts.
 */
export const FILTER_KEYS = ["region", "faction", "type", "confidence", "from", "to", "q"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** List filters hold several values; `from`, `to` and `q` one. */
export const LIST_FILTER_KEYS = ["region", "faction", "type", "confidence"] as const;

export interface FilterValues {
  region?: readonly string[];
  faction?: readonly string[];
  type?: readonly string[];
  confidence?: readonly string[];
  from?: string;
  to?: string;
  q?: string;
}

/** `region=homs,hama&type=control_change` (empty values left out; list values in the given order). */
export function filterQueryString(filter: FilterValues): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
  }
  // Commas are the contract's list separator: keep them readable in URLs and export headers.
  return params.toString().replaceAll("%2C", ",");
}

/** The filter part of a URL's query (unvalidated: the server answers bad values with a 400). */
export function filterFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): FilterValues {
  const get = (key: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.getAll(key).join(",") || undefined;
    const value = params[key];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const filter: Record<string, string | string[]> = {};
  for (const key of FILTER_KEYS) {
    const value = get(key);
    if (value === undefined || value.trim() === "") continue;
    filter[key] = (LIST_FILTER_KEYS as readonly string[]).includes(key)
      ? value
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean)
      : value.trim();
  }
  return filter;
}

/** Adds or removes one value of a list filter. */
export function toggleValue(filter: FilterValues, key: (typeof LIST_FILTER_KEYS)[number], value: string): FilterValues {
  const current = filter[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filter, [key]: next };
}
