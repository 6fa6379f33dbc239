"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import type { EventsPage } from "@/lib/analyst/live-rows";
import { analystEventsQuery } from "@/lib/analyst/queries";
import { describeEvent } from "@/lib/format/describe-event";
import { eventPlaceRefs } from "@/lib/events/event-kinds";
import { formatUtc } from "@/lib/format/time";
import type { ListedEvent, SortOrder } from "@/lib/schemas/event-query";
import type { Event } from "@/lib/schemas/events";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { TYPE_COLORS } from "@/components/charts/events-chart";
import { StandingBadge, StandingNote } from "@/components/feed/report-standing";
import { reportStanding } from "@/lib/feed/report-cards";
import { useMediaQuery } from "@/components/ui/use-media-query";

/** Every row has this height, so positions are known without measuring (and the place can be kept). */
export const ROW_HEIGHT_PX = 58;
/** On a phone a row stacks its cells (analyst.css, max-width 640px): time, region and confidence; the event; the report. */
export const ROW_HEIGHT_NARROW_PX = 112;
export const NARROW_TABLE_QUERY = "(max-width: 640px)";
/** Rows drawn beyond the visible ones on each side. */
const OVERSCAN_ROWS = 12;

/** Every place an event names, for the row's data attributes (the e2e test checks them). */
function placesOf(event: ListedEvent): string[] {
  const e = event as unknown as Event & { place: unknown };
  const withSlug = { ...e, place: event.place.slug } as Event;
  return eventPlaceRefs(withSlug).map((ref) => ref.slug);
}

/**
 * The matching events, virtualised: only the visible rows are in the page, further pages load as the
 * analyst scrolls. When live rows arrive above the first visible row, the scroll position moves with
 * them so that the row the analyst was reading stays where it was.
 */
export function EventsTable({
  query,
  order,
  onOrder,
  initialPage,
  model,
  regionName,
  fresh,
  total,
}: {
  query: string;
  order: SortOrder;
  onOrder: (order: SortOrder) => void;
  initialPage?: EventsPage;
  model: ReferenceModel;
  regionName: (slug: string | null) => string;
  fresh: ReadonlySet<string>;
  total?: number;
}) {
  const t = useTranslations();
  const events = useInfiniteQuery({ ...analystEventsQuery(query, order), ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [""] } } : {}) });
  const rows = useMemo(() => events.data?.pages.flatMap((page) => page.events) ?? [], [events.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rowHeight = useMediaQuery(NARROW_TABLE_QUERY) ? ROW_HEIGHT_NARROW_PX : ROW_HEIGHT_PX;

  // The React Compiler skips this component (the virtualizer's functions cannot be memoised); that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length + (events.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => rows[index]?.id ?? "more",
    initialRect: { width: 900, height: 560 },
  });
  const items = virtualizer.getVirtualItems();
  // A phone turned sideways (or a window resized) changes the row height: every position changes with it.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = events;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 1 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Keep the analyst's place: after rows changed, put the anchored row back where it was.
  useLayoutEffect(() => {
    const el = scroller.current;
    const a = anchor.current;
    if (!el || !a || el.scrollTop === 0) return;
    const index = rows.findIndex((row) => row.id === a.id);
    if (index >= 0 && Math.abs(index * rowHeight + a.offset - el.scrollTop) >= 1) el.scrollTop = index * rowHeight + a.offset;
  }, [rows, rowHeight]);
  const remember = () => {
    const el = scroller.current;
    if (!el) return;
    const index = Math.floor(el.scrollTop / rowHeight);
    const row = rows[index];
    anchor.current = row ? { id: row.id, offset: el.scrollTop - index * rowHeight } : null;
  };

  // A new filter or sort starts at the top.
  useEffect(() => {
    anchor.current = null;
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [query, order]);

  const next: SortOrder = order === "asc" ? "desc" : "asc";
  return (
    <div
      className="events-table"
      role="table"
      aria-label={t("analyst.title")}
      aria-rowcount={total ?? rows.length}
      data-testid="events-table"
      data-loaded={rows.length}
    >
      <div className="events-row events-head" role="row">
        <div role="columnheader" aria-sort={order === "asc" ? "ascending" : "descending"}>
          <button
            type="button"
            className="sort"
            onClick={() => onOrder(next)}
            title={t("analyst.sortBy", { order: t(next === "asc" ? "analyst.sortOldest" : "analyst.sortNewest") })}
            data-testid="sort-time"
          >
            {t("analyst.time")} <span aria-hidden>{order === "asc" ? "▲" : "▼"}</span>
          </button>
        </div>
        <div role="columnheader">{t("analyst.event")}</div>
        <div role="columnheader">{t("analyst.regionCol")}</div>
        <div role="columnheader">{t("analyst.confidenceCol")}</div>
        <div role="columnheader">{t("analyst.report")}</div>
      </div>
      {/* Focusable, so the keyboard can scroll it even where no row holds a link. */}
      <div className="events-scroll" ref={scroller} onScroll={remember} role="rowgroup" tabIndex={0}>
        {events.isSuccess && rows.length === 0 && (
          <div role="row">
            <p role="cell" className="events-empty">
              {t("analyst.noRows")}
            </p>
          </div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const event = rows[item.index];
            const style = { position: "absolute" as const, top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` };
            if (!event) {
              return (
                <div key={item.key} className="events-row events-more" style={style} role="row">
                  <div role="cell">{t("analyst.loadingMore")}</div>
                </div>
              );
            }
            const places = placesOf(event);
            const standing = reportStanding(event.report);
            return (
              <div
                key={item.key}
                className="events-row"
                style={style}
                role="row"
                aria-rowindex={item.index + 1}
                data-testid="event-row"
                data-id={event.id}
                data-type={event.type}
                data-faction={event.faction}
                data-confidence={event.confidence}
                data-regions={[...new Set(places.map((p) => model.places.find((x) => x.slug === p)?.region ?? ""))].filter(Boolean).join(",")}
                data-fresh={fresh.has(event.id) || undefined}
              >
                <div role="cell" className="cell-time">
                  <time dateTime={event.occurredAt}>{formatUtc(event.occurredAt, model.locale)}</time>
                </div>
                <div role="cell" className="cell-event">
                  <span className="type-dot" style={{ background: TYPE_COLORS[event.type] }} aria-hidden />
                  <span className="swatch" style={{ background: model.colors[event.faction] }} aria-hidden />
                  <span className="event-text">{describeEvent(event, model.names, t)}</span>
                </div>
                <div role="cell" className="cell-region">
                  {regionName(event.place.region)}
                </div>
                <div role="cell" className="cell-confidence">
                  <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
                </div>
                <div role="cell" className="cell-report">
                  <span className="report-title" title={event.report.title}>
                    {event.report.key && <span className="badge key">{t("feed.key")}</span>} {event.report.title}
                  </span>
                  {standing.state !== "published" && (
                    <div className="report-standing">
                      <StandingBadge standing={standing} />
                      <StandingNote standing={standing} compact />
                    </div>
                  )}
                  <span className="report-sources">
                    {event.report.sources.map((source, i) => (
                      <span key={i}>
                        {i > 0 && " · "}
                        {source.url ? (
                          <a href={source.url} target="_blank" rel="noreferrer noopener">
                            {source.name}
                          </a>
                        ) : (
                          source.name
                        )}
                      </span>
                    ))}
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
