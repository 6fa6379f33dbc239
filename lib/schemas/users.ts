import { z } from "zod";
import { ROLES } from "../roles";
import { isoInstantSchema, nonEmptyTextSchema, textSchema } from "./common";

export { ROLES, roleAtLeast, type Role } from "../roles";
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * A password as the contract takes it: PASSWORD_MIN to PASSWORD_MAX characters, not only spaces. The server
 * also refuses commonly used ones (server/auth/password-policy.ts, kept out of the browser bundle).
 */
export const passwordSchema = z
  .string({ error: "must be a string" })
  .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX)
  // Only judged once the length is right, so a short password gets one detail, not two.
  .refine((value) => value.length < PASSWORD_MIN || value.trim().length >= PASSWORD_MIN, {
    error: `must have at least ${PASSWORD_MIN} characters other than spaces`,
  });

const emailSchema = z
  .email({ error: "must be an email address" })
  .max(254)
  .transform((value) => value.toLowerCase());
const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });

export const loginSchema = z.object({ email: emailSchema, password: z.string({ error: "must be a string" }).min(1).max(PASSWORD_MAX) }).strict();
export const createUserSchema = z
  .object({
    email: emailSchema,
    name: nonEmptyTextSchema(120),
    password: passwordSchema,
    role: roleSchema,
  })
  .strict();
export const updateUserSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean({ error: "must be true or false" }).optional(), password: passwordSchema.optional() })
  .strict()
  .refine((value) => value.role !== undefined || value.disabled !== undefined || value.password !== undefined, { error: "give role, disabled or password" });

/** POST /api/auth/password: the signed-in user changes their own password; their other sessions and tokens end. */
export const changePasswordSchema = z
  .object({ currentPassword: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).max(PASSWORD_MAX), newPassword: passwordSchema })
  .strict();
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: isoInstantSchema,
});
export type User = z.output<typeof userSchema>;

/** The signed-in user as /api/auth/me, login and setup name them. */
export const sessionUserSchema = userSchema.pick({ id: true, email: true, name: true, role: true });
export const meSchema = z.object({ user: sessionUserSchema });
/** POST /api/auth/login and /api/setup: a bearer token (also set as the session cookie) and who it is for. */
export const signedInSchema = z.object({ token: z.string(), user: sessionUserSchema });

export const TOKEN_TTL_DAYS_MAX = 3650;
/** POST /api/users/:id/tokens: an API or display token for that user, shown once. */
export const issueTokenSchema = z
  .object({
    label: textSchema(120).pipe(z.string().min(1, { error: "name the token, e.g. 'Lobby wall' or 'Wire ingester'" })),
    expiresInDays: z.number({ error: "must be a number of days" }).int().min(1).max(TOKEN_TTL_DAYS_MAX).default(365),
  })
  .strict();
export type IssueTokenInput = z.infer<typeof issueTokenSchema>;

export const apiTokenSchema = z.object({ id: z.string(), label: z.string(), userId: z.string(), createdAt: isoInstantSchema, expiresAt: isoInstantSchema });
export type ApiToken = z.output<typeof apiTokenSchema>;
/** POST /api/users/:id/tokens: the token itself is in this answer only. */
export const issuedTokenSchema = apiTokenSchema.extend({ token: z.string() });
