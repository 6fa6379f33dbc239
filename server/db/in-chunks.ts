/**
 * Prisma refuses a statement with more bound parameters than it allows the database ("The query
 * parameter limit supported by your database is exceeded": a baseline of Ukraine's whole gazetteer,
 * ~1,900 places for one faction in one `slug IN (…)`, was a 500). Lists that can be that long go in
 * pieces of this size.
 */
export const IN_LIST_MAX = 500;

export function inChunks<T>(list: readonly T[], size = IN_LIST_MAX): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
  return chunks;
}
