"use client";

import type { FeedEntry } from "@/lib/schemas/feed";
import type { FeedState } from "@/lib/client/feed-cache";
import { describeEvent, nameBook, type NameBook } from "@/lib/format/describe-event";
import { useMemo } from "react";
import { useLiveFeed, type ConnectionState } from "./use-live-feed";

const KIND_LABEL: Record<FeedEntry["kind"], string> = {
  "report.published": "Published",
  "report.corrected": "Corrected",
  "report.retracted": "Retracted",
};
const CONNECTION_LABEL: Record<ConnectionState, string> = { connecting: "Connecting…", live: "Live", offline: "Offline: reconnecting" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const formatTime = (iso: string) => `${timeFormat.format(new Date(iso))} UTC`;

export interface FeedNames {
  places: Record<string, string>;
  factions: Record<string, string>;
}

export function LiveFeed({ initial, names }: { initial: FeedState; names: FeedNames }) {
  const { feed, connection, lastUpdate } = useLiveFeed(initial);
  const book = useMemo(() => nameBook(names.places, names.factions), [names]);
  return (
    <>
      <header className="masthead">
        <h1>Situation Desk</h1>
        <div className="status" data-testid="connection" data-state={connection}>
          <span className="dot" data-state={connection} aria-hidden />
          <span>{CONNECTION_LABEL[connection]}</span>
          {lastUpdate && <span>· last update {lastUpdate.toLocaleTimeString("en-GB")}</span>}
        </div>
      </header>
      {feed.entries.length === 0 ? (
        <p className="empty">No reports yet. New reports appear here as they are published.</p>
      ) : (
        <ol className="feed" aria-label="Live feed" data-testid="feed">
          {feed.entries.map((entry) => (
            <FeedItem key={entry.seq} entry={entry} names={book} />
          ))}
        </ol>
      )}
    </>
  );
}

function FeedItem({ entry, names }: { entry: FeedEntry; names: NameBook }) {
  const { report } = entry;
  return (
    <li className="entry" data-seq={entry.seq} data-kind={entry.kind} data-key={report.key}>
      <div className="meta">
        <span>{formatTime(entry.at)}</span>
        {report.key && <span className="badge key">Key</span>}
        {entry.kind !== "report.published" && <span className={`badge ${entry.kind === "report.retracted" ? "retracted" : "corrected"}`}>{KIND_LABEL[entry.kind]}</span>}
        <span>{report.sources.map((source) => source.name).join(", ")}</span>
      </div>
      <div className="title">{report.title}</div>
      {report.body && <p className="body">{report.body}</p>}
      <ul className="events">
        {report.events.map((event) => (
          <li key={event.id} data-type={event.type}>
            <span>{describeEvent(event, names)}</span>
            <span className={`confidence ${event.confidence}`}>{event.confidence}</span>
          </li>
        ))}
      </ul>
      {report.retractionReason && <div className="reason">Retracted: {report.retractionReason}</div>}
      {report.correctionReason && <div className="reason">Correction: {report.correctionReason}</div>}
    </li>
  );
}
