import { randomBytes } from "node:crypto";
import type { AppContext } from "../../context";
import { hashSetupCode } from "./internal/setup-code-hash";
import { isSetupRequired } from "./setup-state";

/**
 * On a start with no user who can sign in (and no ADMIN_EMAIL to create one), makes a one-time setup
 * code for this node and stores only its hash; the caller logs the link. Every node that starts before
 * setup makes its own code, and any of them works once. When the install is already set up, codes
 * left behind are deleted and nothing is issued.
 */
export async function issueSetupCode(ctx: AppContext): Promise<string | null> {
  if (!(await isSetupRequired(ctx.db))) {
    await ctx.db.setupCode.deleteMany({});
    return null;
  }
  const code = randomBytes(32).toString("base64url");
  await ctx.db.setupCode.create({ data: { codeHash: hashSetupCode(code), createdAt: ctx.now() } });
  return code;
}
