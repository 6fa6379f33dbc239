/**
 * Reads of the app's own API from the browser. A page opened with a display token (the wall with
 * `?token=`) sets it once; every query function then sends it as `Authorization: Bearer`.
 */
let bearer: string | null = null;

export function setApiBearer(token: string | null): void {
  bearer = token;
}

export function apiBearer(): string | null {
  return bearer;
}

export function apiFetch(url: string): Promise<Response> {
  return fetch(url, { cache: "no-store", headers: bearer ? { authorization: `Bearer ${bearer}` } : undefined });
}
