import type { Metadata } from "next";
import { DeskApp } from "@/components/desk/desk-app";
import { DeskShell } from "@/components/desk/desk-shell";
import { SignedOutDesk } from "@/components/desk/signed-out-desk";
import { roleAtLeast } from "@/lib/schemas/users";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { deskSituation } from "@/server/pages/desk-situation";
import { readLastSeq } from "@/server/services/feed/internal/read-feed";
import { isSetupRequired } from "@/server/services/setup/setup-state";
import { listFactions } from "@/server/services/reference/list-factions";
import { firstRenderPlaces } from "@/server/pages/first-render-places";
import { listPlaces } from "@/server/services/reference/list-places";
import { listRegions } from "@/server/services/reference/list-regions";
import { loadPageView } from "@/server/services/timeline/load-page-view";
import { CLIENT_IP_HEADER } from "@/server/http/request-guard";
import { headers } from "next/headers";
import "./desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Desk · Situation Desk" };

/**
 * The editor desk: sign in, compose, drafts, corrections, retractions, on the situation chosen in its
 * header (`?situation=`, else the last one chosen on this browser, else the default). Roles are checked
 * again by every API call.
 */
export default async function DeskPage({ searchParams }: { searchParams: Promise<{ situation?: string | string[] }> }) {
  const root = getAppContext();
  const actor = await pageActor(root);
  if (!actor) return <SignedOutDesk setupRequired={await isSetupRequired(root.accounts)} />;
  const user = { id: actor.id, name: actor.name, email: actor.email, role: actor.role };
  if (!roleAtLeast(actor.role, "editor")) return <DeskShell user={user} readOnly />;
  const { ctx, situation } = await deskSituation(root, (await searchParams).situation);
  const [places, factions, regions, view, lastSeq] = await Promise.all([
    listPlaces(ctx, actor, {}),
    listFactions(ctx, actor),
    listRegions(ctx, actor),
    loadPageView(ctx, actor, "live", (await headers()).get(CLIENT_IP_HEADER) ?? "unknown"),
    readLastSeq(ctx.db),
  ]);
  return (
    <DeskShell user={user} situation={situation}>
      <DeskApp
        initial={{ ...firstRenderPlaces(places, { events: view.movements.events }), factions, ...view, renderedAt: ctx.now().getTime() }}
        regions={regions}
        lastSeq={lastSeq}
      />
    </DeskShell>
  );
}
