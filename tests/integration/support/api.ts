/** A small HTTP client for the public contract, as outside scripts would call it. */
import { ADMIN } from "./server-process";

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined = options.raw;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(base + path, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // leave as text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export async function login(base: string, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  const response = await call<{ token: string }>(base, "POST", "/api/auth/login", { body: { email, password } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.token;
}

/** Creates a user with the given role (through the admin) and returns a bearer token for them. */
export async function tokenFor(
  base: string,
  adminToken: string,
  role: "admin" | "editor" | "analyst" | "viewer",
  label: string = role,
): Promise<{ token: string; id: string }> {
  const email = `${label}-${Math.random().toString(36).slice(2, 8)}@test.invalid`;
  const password = "a-long-enough-password";
  const created = await call<{ id: string }>(base, "POST", "/api/users", { token: adminToken, body: { email, name: label, password, role } });
  if (created.status !== 201) throw new Error(`create user failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { token: await login(base, email, password), id: created.body.id };
}

/** A valid report body; `n` makes titles distinct. */
export function reportBody(n: number, overrides: Record<string, unknown> = {}) {
  return {
    title: `Test report ${n}`,
    body: "Posted by the integration tests.",
    sources: [{ name: "Test wire" }],
    events: [{ type: "control_change", occurredAt: "2024-12-07T12:00:00Z", confidence: "reported", faction: "hts", place: "homs", contested: true }],
    ...overrides,
  };
}

export async function lastSeq(base: string): Promise<number> {
  const health = await call<{ lastSeq: number }>(base, "GET", "/api/health");
  return health.body.lastSeq;
}

/** A control change for a report's events (`contested`: fighting for it, the holder stays). */
export const controlChangeEvent = (place: string, occurredAt: string, faction: string, contested = false) => ({
  type: "control_change",
  occurredAt,
  confidence: "reported",
  faction,
  place,
  ...(contested ? { contested: true } : {}),
});
