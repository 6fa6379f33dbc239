/**
 * Roles, strongest first, and the one comparison the pages need. No zod here: the signed-out desk imports
 * this, and any zod object built in the browser probes `new Function` (zod's JIT), which the
 * Content-Security-Policy reports as a `script-src eval` violation (tests/e2e/csp.spec.ts).
 */
export const ROLES = ["admin", "editor", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(needed);
}
