/** Times are shown in UTC, always labelled, so a desk in any time zone reads the same clock. */
const formats = new Map<string, Intl.DateTimeFormat>();

export type TimeStyle = "datetime" | "date" | "date-year" | "time";

const OPTIONS: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  date: { day: "numeric", month: "short", timeZone: "UTC" },
  "date-year": { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
  time: { hour: "2-digit", minute: "2-digit", timeZone: "UTC" },
  datetime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" },
};

export function formatUtc(at: number | string, locale: string, style: TimeStyle = "datetime"): string {
  const key = `${locale}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", OPTIONS[style]);
    formats.set(key, format);
  }
  const text = format.format(typeof at === "string" ? new Date(at) : at);
  return style === "date" || style === "date-year" ? text : `${text} UTC`;
}

/** Do `start` and `end` fall in different calendar years (UTC)? Dates between them then need their year. */
export function spansYears(start: number, end: number): boolean {
  return new Date(start).getUTCFullYear() !== new Date(end).getUTCFullYear();
}

/**
 * A date on a time axis or slider: "26 Nov", or "26 Nov 2024" when the axis crosses a year, so
 * "26 Nov … 1 Dec" can never hide two years between its ends.
 */
export function formatAxisDate(at: number, locale: string, withYear: boolean): string {
  return formatUtc(at, locale, withYear ? "date-year" : "date");
}
