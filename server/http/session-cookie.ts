import { SESSION_COOKIE } from "../auth/sessions";

/** HttpOnly, SameSite=Lax; Secure when the request came over TLS (directly or via a proxy). */
export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  return [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`, ...(secure ? ["Secure"] : [])].join("; ");
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
