/**
 * Installed versions are at or above the fixed release of each advisory DESIGN.md lists (and the
 * realtime stack's own parsers). Fails when a lockfile change or a nested copy brings an older one.
 * `npm audit` needs the registry's advisory endpoint, which the project's machines cannot reach;
 * this floor is what CI checks instead (docs/SECURITY.md).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

/** package → [lowest safe version, why]. */
const MINIMUMS: Record<string, [string, string]> = {
  next: ["16.0.10", "React Server Components: CVE-2025-55182, -55183, -55184, -67779"],
  react: ["19.2.3", "CVE-2025-55182, -55184, -67779 (react-server-dom-*, same release train)"],
  "react-dom": ["19.2.3", "released with react"],
  "socket.io": ["4.6.2", "CVE-2024-38355: unhandled 'error' event crash"],
  "socket.io-parser": ["4.2.3", "CVE-2023-32695: malformed packet crash"],
  "engine.io": ["6.5.5", "CVE-2023-31125 and the ws fix it pulls in"],
  ws: ["8.17.1", "CVE-2024-37890: DoS through many HTTP headers"],
};

function compare(a: string, b: string): number {
  const [x, y] = [a, b].map((version) => version.split(/[.+-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
  return 0;
}

/** Every installed copy of a package, nested ones included (node_modules/a/node_modules/ws). */
function installed(name: string, dir = path.join(ROOT, "node_modules"), depth = 0): { where: string; version: string }[] {
  const found: { where: string; version: string }[] = [];
  const manifest = path.join(dir, name, "package.json");
  if (fs.existsSync(manifest))
    found.push({ where: path.relative(ROOT, manifest), version: (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version });
  if (depth > 3 || !fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir)) {
    const packages = entry.startsWith("@") ? fs.readdirSync(path.join(dir, entry)).map((sub) => path.join(entry, sub)) : [entry];
    for (const pkg of packages) {
      const nested = path.join(dir, pkg, "node_modules");
      if (fs.existsSync(nested)) found.push(...installed(name, nested, depth + 1));
    }
  }
  return found;
}

describe("installed versions are not below the advisories' fixed releases", () => {
  it.each(Object.entries(MINIMUMS).map(([name, [minimum, why]]) => [name, minimum, why]))("%s ≥ %s (%s)", (name, minimum, why) => {
    const copies = installed(name);
    expect(copies.length, `${name} is not installed`).toBeGreaterThan(0);
    for (const { where, version } of copies) expect(compare(version, minimum), `${where} is ${version}, below ${minimum} (${why})`).toBeGreaterThanOrEqual(0);
  });

  it("compares versions numerically", () => {
    expect(compare("16.0.10", "16.0.9")).toBeGreaterThan(0);
    expect(compare("8.17.0", "8.17.1")).toBeLessThan(0);
    expect(compare("4.6.2", "4.6.2")).toBe(0);
  });
});
