"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { SituationMap } from "@/components/map/situation-map";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { applyChange, compareControlChanges, toControl, type Holding } from "@/lib/control/control-at";
import { controlQuery } from "@/lib/client/view-queries";
import { eventPlaceRefs } from "@/lib/events/event-kinds";
import { eventsOfReport } from "@/lib/dashboard/view-folds";
import { controlChanges } from "@/lib/dashboard/series";
import type { EventInput } from "@/lib/schemas/events";
import type { Report } from "@/lib/schemas/reports";

/**
 * The report as the dashboard would draw it: its movements on the current situation, and its control
 * changes applied over who holds each place now. Events that do not validate yet (a missing place, an unknown faction) are left out.
 */
export function PreviewMap({
  model,
  input,
}: {
  model: ReferenceModel;
  input: { title: string; events: unknown[]; sources: Report["sources"]; key?: boolean };
}) {
  const t = useTranslations("desk");
  const live = useQuery(controlQuery("live")).data?.places;
  const { recent, control } = useMemo(() => {
    const known = new Set(model.places.map((p) => p.slug));
    const factions = new Set(model.factions.map((f) => f.slug));
    const events = (input.events as EventInput[]).filter(
      (event) => factions.has(event.faction) && !Number.isNaN(Date.parse(event.occurredAt)) && eventPlaceRefs(event).every((ref) => known.has(ref.slug)),
    );
    const report: Report = {
      id: "preview",
      status: "published",
      title: input.title,
      body: "",
      sources: input.sources,
      key: input.key ?? false,
      version: 1,
      createdAt: new Date(0).toISOString(),
      publishedAt: new Date(8.64e15).toISOString(), // after everything: the preview wins ties, as a new report would
      updatedAt: new Date(0).toISOString(),
      author: { id: "", name: "" },
      lastChangedBy: { id: "", name: "" },
      events: events.map((event, i) => ({ ...event, id: `preview-${i}` })),
    };
    const regionOf = (slug: string) => model.places.find((p) => p.slug === slug)?.region ?? null;
    const drafted = eventsOfReport(report, regionOf);
    const holdings = new Map<string, Holding>((live ?? []).map((c) => [c.place, { faction: c.faction, since: Date.parse(c.since), attacker: c.attacker }]));
    for (const change of controlChanges(drafted).sort(compareControlChanges)) applyChange(holdings, change);
    return { recent: drafted, control: toControl(holdings) };
  }, [model, input, live]);

  return (
    <figure className="preview panel" aria-label={t("preview")}>
      <figcaption>
        {t("preview")} <span className="muted">· {t("previewNote", { n: recent.length })}</span>
      </figcaption>
      <div className="preview-map" data-testid="preview-map">
        <SituationMap model={model} control={control} recent={recent} />
      </div>
    </figure>
  );
}
