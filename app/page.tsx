import { cookies } from "next/headers";
import { LiveFeed } from "@/components/feed/live-feed";
import { credentialsFrom } from "@/server/auth/credentials";
import { findActor } from "@/server/auth/sessions";
import { getAppContext } from "@/server/context";
import { listFeed } from "@/server/services/feed/list-feed";
import { FEED_VISIBLE_MAX } from "@/lib/client/feed-cache";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const ctx = getAppContext();
  const cookieHeader = (await cookies()).toString();
  const credentials = credentialsFrom({ cookie: cookieHeader });
  const actor = credentials ? await findActor(ctx.db, credentials.token, credentials.via, ctx.now()) : null;
  if (!ctx.env.PUBLIC_READ && !actor) {
    return (
      <main>
        <h1>Situation Desk</h1>
        <p>This desk does not publish its feed publicly. Sign in at the desk to follow it.</p>
      </main>
    );
  }
  const { entries, lastSeq } = await listFeed(ctx, actor, { after: 0, limit: FEED_VISIBLE_MAX, tail: FEED_VISIBLE_MAX });
  return (
    <main>
      <LiveFeed initial={{ entries: [...entries].reverse(), lastSeq }} />
    </main>
  );
}
