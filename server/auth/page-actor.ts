import { cookies } from "next/headers";
import type { AppContext } from "../context";
import { credentialsFrom } from "./credentials";
import { findActor, type Actor } from "./sessions";

/** The signed-in user of a server-rendered page (session cookie), or null. */
export async function pageActor(ctx: AppContext): Promise<Actor | null> {
  const credentials = credentialsFrom({ cookie: (await cookies()).toString() });
  return credentials ? findActor(ctx.db, credentials.token, credentials.via, ctx.now()) : null;
}
