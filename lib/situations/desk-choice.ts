/**
 * The desk remembers which situation an editor works on: a cookie, so the server renders the desk of
 * that situation at once (no first render of another one, no redirect), on this browser only.
 */
export const DESK_SITUATION_COOKIE = "sd-desk-situation";
const ONE_YEAR_S = 365 * 24 * 3600;

/** In the browser: the desk's pages render `slug` from now on. */
export function rememberDeskSituation(slug: string): void {
  document.cookie = `${DESK_SITUATION_COOKIE}=${encodeURIComponent(slug)}; path=/desk; max-age=${ONE_YEAR_S}; samesite=lax`;
}
