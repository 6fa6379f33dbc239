/**
 * The browser's one JSON client for /api: same-origin, the session cookie, or a display token as
 * `Authorization: Bearer` when the page set one (the wall with `?token=`). Every failure is an
 * `ApiError` with the contract's code, message and details, or `status: 0` when the request never got an
 * answer (network down, server restarting): the caller may retry those safely with the same Idempotency-Key.
 * Callers write v1 paths (`/api/reports`); a page of one situation sets it once and they are sent to that
 * situation's copy (`/api/situations/ukraine/reports`).
 */
import type { ErrorDetail } from "../api-error";
import { situationApiPath } from "../contract/situation-paths";

let bearer: string | null = null;
let situation: string | null = null;

/** The page's situation, set once before its first request (SituationProvider); null: the default one. */
export function setApiSituation(slug: string | null): void {
  situation = slug;
}

/** The situation the page's requests and socket are for (null: the default one). */
export const apiSituation = () => situation;

/** Where a v1 path is answered for the page's situation (links and preloads, rendered on the server too, use situationApiPath with the page's slug). */
const apiPath = (path: string) => (situation ? situationApiPath(path, situation) : path);

/** A page opened with a display token sets it once; every request then sends it. */
export function setApiBearer(token: string | null): void {
  bearer = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
  /** No answer, a busy database or a server error: nothing was acknowledged, trying again is safe. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 502 || this.status === 504;
  }
  /** The request itself was refused (bad input, not allowed, not found): asking again gives the same answer. */
  get refused(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/** TanStack Query's `retry` for reads: up to three tries, never for a refusal. */
export const retryReads = (failures: number, error: unknown) => failures < 3 && !(error instanceof ApiError && error.refused);

export async function api<T>(path: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiPath(path), {
      method: options.method ?? "GET",
      headers: {
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "No answer from the server: check the connection. Nothing was lost; it will be sent again.");
  }
  if (response.status === 204) return undefined as T;
  return answer<T>(response.status, response.ok, await response.text());
}

/** The body of an answer, or its `ApiError` (a proxy's HTML error page has no contract body). */
function answer<T>(status: number, ok: boolean, text: string): T {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // a proxy's HTML error page
  }
  if (!ok) {
    const error = (body as { error?: { code: string; message: string; details?: ErrorDetail[] } } | null)?.error;
    throw new ApiError(status, error?.code ?? "http_error", error?.message ?? `The server answered ${status}.`, error?.details ?? []);
  }
  return body as T;
}

/**
 * Sends a file as a request's body (an import), reporting how much of it has gone: `fetch` cannot tell
 * an upload's progress, XMLHttpRequest can. The same path rules, credentials and errors as `api`; an
 * aborted upload is an `ApiError` with code `aborted`.
 */
export function upload<T>(
  path: string,
  file: Blob,
  options: { contentType: string; onProgress?: (sent: number, total: number) => void; signal?: AbortSignal },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", apiPath(path));
    request.withCredentials = true;
    request.setRequestHeader("content-type", options.contentType);
    if (bearer) request.setRequestHeader("authorization", `Bearer ${bearer}`);
    request.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      try {
        resolve(answer<T>(request.status, request.status >= 200 && request.status < 300, request.responseText));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    request.onerror = () => reject(new ApiError(0, "network", "No answer from the server: check the connection, then send the file again."));
    request.onabort = () => reject(new ApiError(0, "aborted", "The upload was stopped."));
    options.signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}
