/**
 * `GET /api/situations/:slug/snapshot.txt` (issue #17): the situation at a moment as text, the text
 * alternative of its map and charts (lib/snapshot/alt-text.ts): control at `at` (as known at `known`),
 * and the events of the 24 hours before. Bounded: one control state (a row per place) and at most 50
 * events, whatever the history. Kept like the pictures (internal/snapshot-key.ts: per query, feed
 * position and factions; "now" to the minute): every embed of an article asks for it when a report
 * arrives, and they all get the one text.
 */
import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import nl from "../../../messages/nl.json";
import { eventPlaceRefs } from "../../../lib/events/event-kinds";
import { nameBook, type Translate } from "../../../lib/format/describe-event";
import { eventsQuerySchema } from "../../../lib/schemas/event-query";
import type { SnapshotQuery } from "../../../lib/schemas/snapshot";
import { altText, type AltTextInput } from "../../../lib/snapshot/alt-text";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { inChunks } from "../../db/in-chunks";
import { requireReader } from "../../auth/require-role";
import { getControl } from "../control/get-control";
import { readLastSeq } from "../feed/internal/read-feed";
import { listFactions } from "../reference/list-factions";
import { SnapshotCache } from "./internal/snapshot-cache";
import { snapshotEtag, snapshotKey, snapshotMoment } from "./internal/snapshot-key";
import { listEvents } from "../events/list-events";

const DAY_MS = 24 * 3600 * 1000;
const RECENT_MAX = 50;

// One cache per process, shared by every copy of this module (server/context.ts explains the copies).
const CACHE_KEY = Symbol.for("situation-desk.snapshot-texts");
const textCache = () => ((globalThis as typeof globalThis & { [CACHE_KEY]?: SnapshotCache })[CACHE_KEY] ??= new SnapshotCache(256, 4 * 2 ** 20));

export async function snapshotText(ctx: AppContext, actor: Actor | null, query: SnapshotQuery): Promise<string> {
  // Before the cache: a kept text must not skip the reader rule.
  requireReader(actor, ctx.env.PUBLIC_READ);
  const { moment } = snapshotMoment(query, ctx.now());
  const [lastSeq, factions] = await Promise.all([readLastSeq(ctx.db), listFactions(ctx, actor)]);
  const key = snapshotKey({ situation: `${ctx.situation.slug}@${ctx.situation.store}`, format: "txt", query, moment, lastSeq, factions });
  const kept = textCache().get(key);
  if (kept) return kept.body.toString("utf8");
  const text = await writeSnapshotText(ctx, actor, { ...query, at: moment.toISOString() });
  textCache().set(key, { body: Buffer.from(text, "utf8"), contentType: "text/plain; charset=utf-8", etag: snapshotEtag(key) });
  return text;
}

async function writeSnapshotText(ctx: AppContext, actor: Actor | null, query: SnapshotQuery): Promise<string> {
  const at = query.at ? new Date(query.at) : ctx.now();
  const region = query.region;
  const control = await getControl(ctx, actor, { at: at.toISOString(), known: query.known, region });
  const recent = await listEvents(
    ctx,
    actor,
    eventsQuerySchema.parse({
      from: new Date(at.getTime() - DAY_MS).toISOString(),
      to: at.toISOString(),
      ...(region ? { region: region.join(",") } : {}),
      limit: String(RECENT_MAX),
      order: "desc",
    }),
  );
  // /api/events lists the main place as {slug, region}; the text names places by slug.
  const events = recent.events.map(({ report: _report, ...event }) =>
    "place" in event && typeof event.place === "object" ? { ...event, place: event.place.slug } : event,
  ) as AltTextInput["recent"][number][];
  const slugs = [...new Set([...control.places.map((p) => p.place), ...events.flatMap((event) => eventPlaceRefs(event as never).map((ref) => ref.slug))])];
  const places = new Map<string, { name: string; kind: string }>();
  for (const chunk of inChunks(slugs)) {
    for (const row of await ctx.db.place.findMany({ where: { slug: { in: chunk } }, select: { slug: true, name: true, nameNl: true, kind: true } })) {
      places.set(row.slug, { name: (query.lang === "nl" && row.nameNl) || row.name, kind: row.kind });
    }
  }
  const factions = await ctx.db.faction.findMany({ select: { slug: true, name: true } });
  const situation = await ctx.situations.registry.find(ctx.situation.slug);
  const name = (query.lang === "nl" && situation?.names.nl) || situation?.name || ctx.situation.slug;
  const translator = createTranslator({ locale: query.lang, messages: query.lang === "nl" ? nl : en });
  const t = ((key: string, values?: Record<string, string | number>) => translator(key as never, values as never)) as Translate;
  return altText({
    situation: name,
    at: control.at,
    ...(control.known ? { known: control.known } : {}),
    lang: query.lang,
    control: control.places,
    places,
    factions,
    recent: events,
    names: nameBook(Object.fromEntries([...places].map(([slug, p]) => [slug, p.name])), Object.fromEntries(factions.map((f) => [f.slug, f.name]))),
    t,
  });
}
