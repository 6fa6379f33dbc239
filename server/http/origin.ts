import type { Env } from "../env";

/**
 * A request without Origin comes from a non-browser client (scripts, tests) and is allowed; a browser's
 * Origin must be the server's own host or one listed in ALLOWED_ORIGINS.
 */
export function isAllowedOrigin(origin: string | undefined | null, host: string | undefined | null, env: Pick<Env, "ALLOWED_ORIGINS">): boolean {
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (host && originHost === host) return true;
  return env.ALLOWED_ORIGINS.split(",")
    .map((allowed) => allowed.trim())
    .filter(Boolean)
    .includes(origin);
}
