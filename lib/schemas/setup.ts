import { z } from "zod";
import { createUserSchema } from "./users";

/** A setup code as the server logs it: 32 random bytes, base64url (43 characters). */
export const SETUP_CODE_LENGTH = 43;

/** POST /api/setup: the first admin, created with the one-time code from the server's log. */
export const setupSchema = createUserSchema
  .omit({ role: true })
  .extend({ code: z.string({ error: "must be the code from the setup link" }).min(1, { error: "must be the code from the setup link" }).max(200) })
  .strict();

export type SetupInput = z.infer<typeof setupSchema>;
