/**
 * The path of a file shipped in an npm package (a font, a data file), resolved by Node at run time from
 * this file or, where a bundler renamed it, from the project's root. A bundler that met
 * `require.resolve("….json")` or `import … from "….json"` would copy the file into its chunks (the route
 * files are also compiled by `next build`, though the custom server runs them from source), and a JSON
 * file imported as a module is kept in memory for as long as the process runs.
 */
import path from "node:path";

export function packageFile(specifier: string): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  try {
    return path.resolve(createRequire(__filename).resolve(specifier));
  } catch {
    return path.resolve(createRequire(path.join(process.cwd(), "package.json")).resolve(specifier));
  }
}
