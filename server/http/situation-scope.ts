/**
 * Which situation an API request is for (contract v2 "Situations"). Every v1 resource of a situation's
 * data also exists under `/api/situations/:slug/`, with the same bodies, rules and errors: the
 * dispatcher (serve-api.ts) answers `/api/situations/ukraine/reports` with the handler of
 * `/api/reports`, run in the scope of `ukraine`; the v1 path itself runs in the default situation's
 * scope. apiHandler (api-handler.ts) then gives the handler that situation's context. Other endpoints
 * (accounts, tokens, health, the situations themselves) run in no scope, on the main database.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { SITUATION_RESOURCES } from "../../lib/contract/situation-paths";

export interface SituationScope {
  /** The situation's slug; undefined: the default situation (a v1 path). */
  slug?: string;
}

/**
 * The v1 path that answers `pathname` and the situation it is for: `null` scope for an endpoint that is
 * not a situation's. Works on the raw (still percent-encoded) path, as the route table does.
 */
export function situationPath(pathname: string): { pathname: string; scope: SituationScope | null } {
  const nested = /^\/api\/situations\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pathname);
  if (nested && SITUATION_RESOURCES.has(nested[2]!)) return { pathname: `/api/${nested[2]}${nested[3] ?? ""}`, scope: { slug: nested[1]! } };
  const resource = /^\/api\/([^/]+)/.exec(pathname)?.[1];
  return { pathname, scope: resource && SITUATION_RESOURCES.has(resource) ? {} : null };
}

// On globalThis: route modules and the dispatcher must share one store whichever copy loaded them.
const STORE_KEY = Symbol.for("situation-desk.situation-scope");
const shared = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<SituationScope> };
const store = (shared[STORE_KEY] ??= new AsyncLocalStorage<SituationScope>());

export const runInSituation = <T>(scope: SituationScope | null, task: () => T): T => (scope ? store.run(scope, task) : task());

/** The scope the current request runs in, if it is a situation's. */
export const currentSituationScope = (): SituationScope | undefined => store.getStore();
