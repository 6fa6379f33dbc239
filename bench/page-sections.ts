/**
 * docs/BENCHMARKS.md is rewritten by `npm run bench`; the benchmarks run on their own (`bench:wall`,
 * `bench:import`, `bench:snapshot`) keep their sections between markers, which the full run carries over.
 */
const start = (name: string) => `<!-- ${name}: written by bench/${name}.ts -->`;
const end = (name: string) => `<!-- /${name} -->`;

/** `block` (which begins and ends with the markers) in place of the page's section `name`, else appended. */
export function withNamedSection(page: string, name: string, block: string): string {
  const from = page.indexOf(start(name));
  const to = page.indexOf(end(name));
  if (from === -1 || to === -1) return `${page.trimEnd()}\n\n${block}\n`;
  return page.slice(0, from) + block + page.slice(to + end(name).length);
}

/** The page's section `name` with its markers, if it has one. */
export function namedSection(page: string, name: string): string | null {
  const from = page.indexOf(start(name));
  const to = page.indexOf(end(name));
  return from === -1 || to === -1 ? null : page.slice(from, to + end(name).length);
}

/** A section's text between its markers. */
export const sectionBlock = (name: string, text: string) => `${start(name)}\n${text.trim()}\n${end(name)}`;
