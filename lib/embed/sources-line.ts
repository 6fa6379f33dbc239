/**
 * The sources of what an embed shows, for its "Sources:" line: the distinct source names of the
 * reports of the events shown (a feed entry or a listed event: anything with its report; newest
 * first), at most `max`, and how many more there are. A retracted report's sources are not among
 * them: it no longer stands.
 */
export function sourcesOf(items: readonly { report: { status: string; sources: readonly { name: string }[] } }[], max = 4): { names: string[]; more: number } {
  const seen = new Map<string, string>();
  for (const { report } of items) {
    if (report.status !== "published") continue;
    for (const source of report.sources) {
      const key = source.name.trim().toLocaleLowerCase();
      if (key && !seen.has(key)) seen.set(key, source.name.trim());
    }
  }
  const names = [...seen.values()];
  return { names: names.slice(0, max), more: Math.max(0, names.length - max) };
}
