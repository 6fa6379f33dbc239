/**
 * The analyst page's time parameters (`from`, `to`, `at`, `known`) as its URL gives them. A value that is
 * not an ISO 8601 date-time with a time zone is named and ignored (as the wall does with its parameters),
 * never passed on: the page still renders, saying which value it did not use. Pure.
 */
import { isoInstantSchema } from "../schemas/common";

export const TIME_PARAMS = ["from", "to", "at", "known"] as const;
export type TimeParam = (typeof TIME_PARAMS)[number];

export interface IgnoredTime {
  param: TimeParam;
  /** As given, shortened for display. */
  value: string;
}

const IGNORED_VALUE_MAX = 80;

export function readTimeParams(params: Record<string, string | string[] | undefined>): { times: Partial<Record<TimeParam, string>>; ignored: IgnoredTime[] } {
  const times: Partial<Record<TimeParam, string>> = {};
  const ignored: IgnoredTime[] = [];
  for (const param of TIME_PARAMS) {
    const raw = params[param];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    if (isoInstantSchema.safeParse(value).success && Number.isFinite(Date.parse(value))) times[param] = value;
    else ignored.push({ param, value: value.slice(0, IGNORED_VALUE_MAX) });
  }
  return { times, ignored };
}
