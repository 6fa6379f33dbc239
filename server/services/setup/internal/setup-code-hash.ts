import { createHash } from "node:crypto";

/** What is stored of a setup code: its SHA-256, in hex. */
export const hashSetupCode = (code: string) => createHash("sha256").update(code).digest("hex");
