import { roleAtLeast, type Role } from "../../lib/schemas/users";
import { AppError } from "../errors";
import type { Actor } from "./sessions";

/**
 * Every service checks roles itself. The HTTP layer identifies the actor and may refuse early
 * (`apiHandler`'s `role` option, before a body is read), but the service's own check is the rule.
 */
export function requireRole(actor: Actor | null, needed: Role): Actor {
  if (!actor) throw new AppError("unauthorized", "Sign in first: send a session cookie or an Authorization: Bearer token.");
  if (!roleAtLeast(actor.role, needed)) throw new AppError("forbidden", `This needs the ${needed} role; you are ${actor.role}.`);
  return actor;
}

/** Reads of published data are public unless PUBLIC_READ=false. */
export function requireReader(actor: Actor | null, publicRead: boolean): void {
  if (!publicRead) requireRole(actor, "viewer");
}

export const canSeeDrafts = (actor: Actor | null) => actor !== null && roleAtLeast(actor.role, "editor");
