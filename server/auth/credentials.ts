/** Reads a request's credentials: `Authorization: Bearer <token>` first, then the session cookie. */
import { SESSION_COOKIE } from "./sessions";

export interface Credentials {
  token: string;
  via: "cookie" | "bearer";
}

export function credentialsFrom(headers: { authorization?: string | null; cookie?: string | null }): Credentials | null {
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? { token: match[1]!, via: "bearer" } : null;
  }
  const token = readCookie(headers.cookie ?? "", SESSION_COOKIE);
  return token ? { token, via: "cookie" } : null;
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return safeDecode(rest.join("="));
  }
  return null;
}

/** A cookie that is not valid percent-encoding is no credential (it was a 500 before: tests/integration/fuzz.test.ts). */
function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
