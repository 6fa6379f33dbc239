import type { Db } from "./client";

/**
 * State kept per database client and shared by every copy of the module that asks for it: Next bundles
 * the pages' server components apart from the custom server's API, so a module-level cache would exist
 * twice (a page's first render and the API would each fill their own, and the API's first answer after
 * the pages would start cold). Kept on globalThis under `situation-desk.per-database.<name>`.
 */
export function perDatabase<T>(name: string, create: () => T): (db: Db) => T {
  const key = Symbol.for(`situation-desk.per-database.${name}`);
  return (db) => {
    const shared = globalThis as typeof globalThis & Record<symbol, WeakMap<Db, T> | undefined>;
    const states = (shared[key] ??= new WeakMap<Db, T>());
    let state = states.get(db);
    if (state === undefined) {
      state = create();
      states.set(db, state);
    }
    return state;
  };
}
