/**
 * Password hashing with Argon2id from @node-rs/argon2 (OWASP's minimum: m=19 MiB, t=2, p=1, the
 * library's defaults, stated here so a library update cannot lower them silently). Hashes are PHC strings
 * (`$argon2id$v=19$m=…`). Hashes from the first builds were scrypt (`scrypt$N$r$p$salt$hash`): they still
 * verify, and `needsRehash` tells the login to replace them with Argon2id.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";

/** `Algorithm.Argon2id`: the library's enum is a const enum, which isolatedModules cannot import. */
const ARGON2ID = 2 as Algorithm;
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Enough for scrypt's legacy N=2^15, r=8 (32 MiB) with room to spare. */
const SCRYPT_MAXMEM_BYTES = 64 * 1024 * 1024;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), ARGON2);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const normalized = password.normalize("NFKC");
  if (stored.startsWith("$argon2")) {
    try {
      return await verify(stored, normalized);
    } catch {
      return false; // a malformed stored hash never verifies
    }
  }
  return verifyLegacyScrypt(normalized, stored);
}

/** True for hashes made with other parameters or the legacy scheme: the login then stores a new one. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`);
}

async function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split("$");
  if (scheme !== "scrypt" || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, "base64url");
  const key = await new Promise<Buffer>((resolve, reject) =>
    scryptCallback(
      password,
      Buffer.from(saltText, "base64url"),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT_MAXMEM_BYTES },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    ),
  );
  return timingSafeEqual(key, expected);
}

/** Verified against when the email is unknown, so a wrong email takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}
