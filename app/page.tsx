import { cookies } from "next/headers";
import { LiveFeed } from "@/components/feed/live-feed";
import { credentialsFrom } from "@/server/auth/credentials";
import { findActor } from "@/server/auth/sessions";
import { getAppContext } from "@/server/context";
import { listFeed } from "@/server/services/feed/list-feed";
import { listFactions, listPlaces } from "@/server/services/reference/list-reference";
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
  const [{ entries, lastSeq }, places, factions] = await Promise.all([
    listFeed(ctx, actor, { after: 0, limit: FEED_VISIBLE_MAX, tail: FEED_VISIBLE_MAX }),
    listPlaces(ctx, actor, {}),
    listFactions(ctx, actor),
  ]);
  const names = {
    places: Object.fromEntries(places.map((p) => [p.slug, p.name])),
    factions: Object.fromEntries(factions.map((f) => [f.slug, shortFactionName(f.name)])),
  };
  return (
    <main>
      <LiveFeed initial={{ entries: [...entries].reverse(), lastSeq }} names={names} />
    </main>
  );
}

/** "Hayat Tahrir al-Sham-led rebels (Military Operations Command)" → "Hayat Tahrir al-Sham-led rebels" */
function shortFactionName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, "");
}
