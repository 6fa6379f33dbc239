import { cookies } from "next/headers";
import type { AppContext } from "../context";
import { credentialsFrom } from "./credentials";
import { findActor, type Actor } from "./sessions";

/**
 * The signed-in user of a server-rendered page: a bearer `token` when the page was given one (the wall's
 * display token in its URL), else the session cookie. Null when neither identifies a user.
 */
export async function pageActor(ctx: AppContext, token?: string | null): Promise<Actor | null> {
  const credentials = token ? { token, via: "bearer" as const } : credentialsFrom({ cookie: (await cookies()).toString() });
  return credentials ? findActor(ctx.accounts, credentials.token, credentials.via, ctx.now()) : null;
}
