/** Times are shown in UTC, always labelled, so a desk in any time zone reads the same clock. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatUtc(at: number | string, locale: string, style: "datetime" | "date" | "time" = "datetime"): string {
  const key = `${locale}|${style}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === "date" ? { day: "numeric", month: "short", timeZone: "UTC" } : style === "time" ? { hour: "2-digit", minute: "2-digit", timeZone: "UTC" } : { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" };
    format = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", options);
    formats.set(key, format);
  }
  const text = format.format(typeof at === "string" ? new Date(at) : at);
  return style === "date" ? text : `${text} UTC`;
}
