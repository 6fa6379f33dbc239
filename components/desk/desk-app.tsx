"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDashboardModel, useMoment, type InitialData } from "@/components/dashboard/use-dashboard-model";
import { useLiveUpdates } from "@/components/dashboard/use-live-updates";
import { liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";
import { deskKeys } from "@/lib/client/desk-queries";
import type { Region } from "@/lib/schemas/reference";
import type { Report } from "@/lib/schemas/reports";
import { ReportQueues } from "./report-queues";
import { Main } from "@/components/ui/main";

// The composer reads the editor's saved draft from localStorage on its first render: browser only.
const ReportComposer = dynamic(() => import("./report-composer").then((m) => m.ReportComposer), {
  ssr: false,
  loading: () => <div className="panel composer-loading" aria-busy="true" />,
});

type Editing = { report: Report } | null;

/** The desk: compose on the left, the queues on the right; editing a draft or correcting a report swaps the composer. */
export function DeskApp({ initial, regions, lastSeq }: { initial: InitialData; regions: Region[]; lastSeq: number }) {
  const t = useTranslations("desk");
  const queryClient = useQueryClient();
  const model = useDashboardModel(initial);
  // Who holds each place now: the preview map draws a draft's changes over it (kept current by the feed).
  useMoment(model, initial, "live");
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ text: string; id: string } | null>(null);
  // The feed resumes from the seq the page was rendered at (no backlog replayed); each entry folds into the
  // published events (the preview map) and refreshes the queues and the report it names.
  useState(() => queryClient.setQueryData<FeedState>(liveFeedQuery().queryKey, (state) => state ?? { entries: [], lastSeq }));
  useLiveUpdates({
    onEntry: (entry) => {
      void queryClient.invalidateQueries({ queryKey: deskKeys.queues });
      void queryClient.invalidateQueries({ queryKey: deskKeys.report(entry.report.id) });
    },
  });

  const saved = (report: Report, how: "published" | "draft" | "corrected" | "saved") => {
    setNotice({ text: t(`saved.${how}`, { title: report.title }), id: report.id });
    setEditing(null);
    void queryClient.invalidateQueries({ queryKey: deskKeys.all });
  };

  return (
    <Main className="desk-main">
      <div className="desk-compose">
        {notice && (
          <p className="desk-notice ok" role="status" data-testid="desk-notice">
            {notice.text}
          </p>
        )}
        {editing ? (
          <ReportComposer
            key={`edit-${editing.report.id}`}
            target={{ kind: "edit", report: editing.report }}
            model={model}
            places={model.places}
            factions={model.factions}
            regions={regions}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <ReportComposer key="new" target={{ kind: "new" }} model={model} places={model.places} factions={model.factions} regions={regions} onSaved={saved} />
        )}
      </div>
      <ReportQueues names={model.names} onEdit={(report) => (setNotice(null), setEditing({ report }))} editingId={editing?.report.id ?? null} />
    </Main>
  );
}
