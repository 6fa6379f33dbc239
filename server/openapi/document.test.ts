import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readApiRoutes } from "../http/api-routes";
import { SITUATION_RESOURCES } from "../../lib/contract/situation-paths";
import { openApiDocument } from "./document";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The methods a route file exports (`export const GET = …` or `export { x as GET }`). */
function exportedMethods(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return METHODS.filter((method) => new RegExp(`export const ${method}\\b|as ${method}\\b`).test(text));
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();
  const paths = document.paths as Record<string, Record<string, { security: object[]; responses: Record<string, unknown> }>>;

  it("documents every method of every route file under app/api (the catch-all aside)", () => {
    const routes = readApiRoutes(path.resolve(__dirname, "../../app/api")).filter((route) => !route.pattern.includes("[..."));
    const expected = routes.flatMap((route) => {
      const pattern = route.pattern.replace(/\[(\w+)\]/g, "{$1}");
      // A situation's resources also exist under /api/situations/{slug}/ (server/http/situation-scope.ts).
      const scoped = SITUATION_RESOURCES.has(pattern.split("/")[2]!) ? [pattern.replace(/^\/api\//, "/api/situations/{slug}/")] : [];
      return exportedMethods(route.file).flatMap((method) => [pattern, ...scoped].map((p) => `${method} ${p}`));
    });
    const documented = Object.entries(paths).flatMap(([p, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(expected.sort());
  });

  it("declares security, a success schema (or no content) and the shared error answers on each operation", () => {
    for (const [p, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(Array.isArray(operation.security), `${method} ${p}`).toBe(true);
        expect(Object.keys(operation.responses), `${method} ${p}`).toEqual(expect.arrayContaining(["400", "401", "500", "503"]));
      }
    }
  });

  it("has no zod leftovers: every $ref points at a component", () => {
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/(schemas|responses)\/(\w+)"/g)];
    const components = document.components as Record<string, Record<string, unknown>>;
    for (const [, kind, name] of refs) expect(components[kind!]![name!], `${kind}/${name}`).toBeDefined();
    expect(text).not.toContain('"$schema"');
  });
});
