"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { liveFeedQuery } from "@/lib/client/feed-cache";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import type { FeedEntry } from "@/lib/schemas/feed";
import { EarlierVersions, ReportCardMeta, ReportCardTitle, StandingNote, reportCard } from "./report-standing";

/**
 * The feed as readers must see it: one card per report at its current version, newest change first.
 * A corrected report shows the corrected content, its mark, reason and time, its earlier versions one
 * click away; a retracted one only as retracted, with the reason (its claim is struck, its events gone).
 */
export function LiveFeed({ names }: { names: NameBook }) {
  const t = useTranslations("feed");
  const { data: feed } = useQuery(liveFeedQuery());
  if (!feed || feed.entries.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <ol className="feed" aria-label="Live feed" data-testid="feed">
      {feed.entries.map((entry) => (
        <FeedItem key={entry.report.id} entry={entry} names={names} />
      ))}
    </ol>
  );
}

/** Memoised: a new entry renders its own card, not the 200 already shown (their entries keep their identity). */
const FeedItem = memo(function FeedItem({ entry, names }: { entry: FeedEntry; names: NameBook }) {
  const t = useTranslations();
  const card = reportCard(entry);
  const { report, standing, retracted } = card;
  return (
    <li className="entry" {...card.attributes}>
      <ReportCardMeta card={card} className="meta">
        <span>{report.sources.map((source) => source.name).join(", ")}</span>
      </ReportCardMeta>
      <ReportCardTitle card={card} className="title" />
      <StandingNote standing={standing} />
      {!retracted && report.body && <p className="body">{report.body}</p>}
      {!retracted && (
        <ul className="events">
          {report.events.map((event) => (
            <li key={event.id} data-type={event.type}>
              <span>{describeEvent(event, names, t)}</span>
              <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {standing.state === "corrected" && <EarlierVersions report={report} names={names} />}
    </li>
  );
});
