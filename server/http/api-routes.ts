/**
 * The /api route table, read from the route handlers' files under app/api (the same files and the same
 * path rules as Next.js: `[id]` is a parameter, `[...path]` catches the rest, a fixed segment wins over
 * a parameter). The custom server answers /api/* from this table itself (server/http/serve-api.ts);
 * docs/decisions/0012-group-commit.md measures why.
 */
import fs from "node:fs";
import path from "node:path";

export type RouteModule = Partial<Record<string, (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>>>;

type Segment = { kind: "static"; value: string } | { kind: "param"; name: string } | { kind: "rest"; name: string };

export interface ApiRoute {
  /** The file's route, e.g. `/api/reports/[id]`. */
  pattern: string;
  segments: Segment[];
  file: string;
}

export interface RouteMatch {
  route: ApiRoute;
  params: Record<string, string | string[]>;
}

export function parsePattern(pattern: string): Segment[] {
  return pattern
    .split("/")
    .filter(Boolean)
    .map((part): Segment => {
      const rest = /^\[\.\.\.(\w+)\]$/.exec(part);
      if (rest) return { kind: "rest", name: rest[1]! };
      const param = /^\[(\w+)\]$/.exec(part);
      return param ? { kind: "param", name: param[1]! } : { kind: "static", value: part };
    });
}

/** Every `route.ts` under `apiDir` (app/api), most specific first. */
export function readApiRoutes(apiDir: string): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const pattern = `/api/${path.relative(apiDir, dir).split(path.sep).join("/")}`.replace(/\/$/, "");
        routes.push({ pattern, segments: parsePattern(pattern), file: full });
      }
    }
  };
  walk(apiDir);
  return sortBySpecificity(routes);
}

const rank = { static: 0, param: 1, rest: 2 } as const;

/** Fixed segments before parameters before catch-alls, segment by segment (Next.js's precedence). */
export function sortBySpecificity(routes: ApiRoute[]): ApiRoute[] {
  return [...routes].sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const x = a.segments[i];
      const y = b.segments[i];
      if (!x || !y) return x ? (x.kind === "rest" ? 1 : -1) : y!.kind === "rest" ? -1 : 1;
      if (rank[x.kind] !== rank[y.kind]) return rank[x.kind] - rank[y.kind];
    }
    return 0;
  });
}

/**
 * The route for a path, with its parameters percent-decoded; `undefined` when none matches, and an
 * Error when a segment's percent-encoding is malformed.
 */
export function matchRoute(routes: ApiRoute[], pathname: string): RouteMatch | undefined {
  const parts = pathname.split("/").filter(Boolean);
  for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    let matched = true;
    for (let i = 0; i < route.segments.length && matched; i++) {
      const segment = route.segments[i]!;
      const part = parts[i];
      if (segment.kind === "rest") {
        if (parts.length <= i) matched = false;
        else params[segment.name] = parts.slice(i).map(decodeURIComponent);
        break;
      }
      if (part === undefined) matched = false;
      else if (segment.kind === "static") matched = part === segment.value;
      else params[segment.name] = decodeURIComponent(part);
    }
    const last = route.segments.at(-1);
    if (matched && (last?.kind === "rest" || parts.length === route.segments.length)) return { route, params };
  }
  return undefined;
}
