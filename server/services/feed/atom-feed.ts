/**
 * `GET /api/situations/:slug/feed.atom?<event filters>&lang=` (contract v2 "Publishing out"): the
 * situation's newest published reports, corrections and retractions matching the filters, as Atom 1.0
 * (RFC 4287; written by the `feed` package). One entry per report, its newest state: a correction or a
 * retraction is the same entry (same atom:id) with a later atom:updated, its title saying so, as feed
 * readers expect of an update. The newest ATOM_SCAN_MAX feed entries are looked through (bounded, whatever
 * the history); a rare filter may therefore list fewer than ATOM_ENTRIES_MAX.
 */
import { Feed } from "feed";
import en from "../../../messages/en.json";
import nl from "../../../messages/nl.json";
import { matchesFilter } from "../../../lib/analyst/match-filter";
import { filterQueryString } from "../../../lib/analyst/filter-params";
import { eventPlaceRefs } from "../../../lib/events/event-kinds";
import { describeEvent, nameBook, plainTranslator } from "../../../lib/format/describe-event";
import { ATOM_ENTRIES_MAX, ATOM_SCAN_MAX, type AtomQuery } from "../../../lib/schemas/atom";
import type { FeedEntry } from "../../../lib/schemas/feed";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { inChunks } from "../../db/in-chunks";
import { readFeedBefore, readLastSeq } from "./internal/read-feed";

const SCAN_PAGE = 500;
const MESSAGES = { en, nl } as const;

/** Text as Atom's `type="html"` content carries it: escaped, so a report's text is never markup. */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphs = (lines: string[]) => lines.map((line) => `<p>${html(line).replace(/\n/g, "<br/>")}</p>`).join("");

export async function atomFeed(ctx: AppContext, actor: Actor | null, query: AtomQuery, requestOrigin: string): Promise<string> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  // Links name the address people use (PUBLIC_URL behind a proxy), else the one the request came to.
  const origin = ctx.env.PUBLIC_URL ?? requestOrigin;
  const lang = query.lang ?? "en";
  const t = plainTranslator(MESSAGES[lang]);
  const slug = ctx.situation.slug;
  const name = (await ctx.situations.registry.find(slug))?.name ?? slug;

  // The newest entries, newest first, a page at a time, until enough reports match or the scan's bound.
  const chosen = new Map<string, FeedEntry>();
  // Each report's newest entry (the first seen, newest first): an older version that matched is shown in
  // its newest state, never as it stood before a correction took it out of the filter.
  const newest = new Map<string, FeedEntry>();
  const regions = new Map<string, string | null>();
  let before = await readLastSeq(ctx.db);
  for (let scanned = 0; scanned < ATOM_SCAN_MAX && before > 0 && chosen.size < ATOM_ENTRIES_MAX;) {
    const page = await readFeedBefore(ctx.db, slug, before, Math.min(SCAN_PAGE, ATOM_SCAN_MAX - scanned));
    if (page.length === 0) break;
    scanned += page.length;
    before = page.at(-1)!.seq - 1;
    if (query.region) {
      const unknown = [...new Set(page.flatMap((e) => e.report.events.flatMap((ev) => eventPlaceRefs(ev).map((r) => r.slug))))].filter((s) => !regions.has(s));
      for (const slugs of inChunks(unknown)) {
        for (const row of await ctx.db.place.findMany({ where: { slug: { in: slugs } }, select: { slug: true, regionSlug: true } }))
          regions.set(row.slug, row.regionSlug);
      }
    }
    for (const entry of page) {
      if (chosen.size >= ATOM_ENTRIES_MAX) break;
      if (!newest.has(entry.report.id)) newest.set(entry.report.id, entry);
      if (chosen.has(entry.report.id)) continue;
      if (entry.report.events.some((event) => matchesFilter(event, entry.report, query, (place) => regions.get(place))))
        chosen.set(entry.report.id, newest.get(entry.report.id)!);
    }
  }

  // Newest change first (a report found by an older version sorts by its newest entry).
  const entries = [...chosen.values()].sort((a, b) => b.seq - a.seq);
  const placeSlugs = [...new Set(entries.flatMap((e) => e.report.events.flatMap((ev) => eventPlaceRefs(ev).map((r) => r.slug))))];
  const [places, factions] = await Promise.all([
    ctx.db.place.findMany({ where: { slug: { in: placeSlugs.slice(0, 2_000) } }, select: { slug: true, name: true, nameNl: true } }),
    ctx.db.faction.findMany({ select: { slug: true, name: true } }),
  ]);
  const names = nameBook(
    Object.fromEntries(places.map((p) => [p.slug, (lang === "nl" && p.nameNl) || p.name])),
    Object.fromEntries(factions.map((f) => [f.slug, f.name])),
  );

  const filter = filterQueryString(query);
  const self = `${origin}/api/situations/${encodeURIComponent(slug)}/feed.atom${filter || query.lang ? `?${[filter, query.lang ? `lang=${lang}` : ""].filter(Boolean).join("&")}` : ""}`;
  const page = `${origin}/s/${encodeURIComponent(slug)}`;
  const feed = new Feed({
    id: self,
    title: `Situation Desk · ${name}`,
    description: filter ? `${name}: ${filter}` : name,
    link: page,
    feedLinks: { atom: self },
    updated: entries[0] ? new Date(entries[0].at) : new Date(0),
    generator: "Situation Desk",
    copyright: `Situation Desk · ${name}`,
    language: lang,
  });
  for (const entry of entries) {
    const report = entry.report;
    const prefix = entry.kind === "report.retracted" ? `${t("feed.retracted")}: ` : entry.kind === "report.corrected" ? `${t("feed.corrected")}: ` : "";
    const lines = [
      ...(entry.kind === "report.retracted" && report.retractionReason ? [t("feed.retractedReason", { reason: report.retractionReason })] : []),
      ...(entry.kind === "report.corrected" && report.correctionReason ? [t("feed.correctionReason", { reason: report.correctionReason })] : []),
      ...(report.body ? [report.body] : []),
      ...report.events.map((event) => `${describeEvent(event, names, t)} (${t(`confidence.${event.confidence}`)})`),
      ...report.sources.map((source) => (source.url ? `${source.name}: ${source.url}` : source.name)),
    ];
    feed.addItem({
      id: `urn:uuid:${report.id}`,
      title: html(prefix + report.title),
      link: `${origin}/api/situations/${encodeURIComponent(slug)}/reports/${encodeURIComponent(report.id)}`,
      date: new Date(entry.at),
      published: new Date(report.publishedAt ?? entry.at),
      content: paragraphs(lines),
      author: [{ name: report.author.name }],
      category: [...new Set(report.events.map((event) => event.type))].map((type) => ({ name: type, term: type })),
    });
  }
  return feed.atom1();
}
