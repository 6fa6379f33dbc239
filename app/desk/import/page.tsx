import type { Metadata } from "next";
import { DeskShell } from "@/components/desk/desk-shell";
import { ImportDesk } from "@/components/desk/import/import-desk";
import { ImportHistory } from "@/components/desk/import/import-history";
import { SignedOutDesk } from "@/components/desk/signed-out-desk";
import { Main } from "@/components/ui/main";
import { roleAtLeast } from "@/lib/schemas/users";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { deskSituation } from "@/server/pages/desk-situation";
import { isSetupRequired } from "@/server/services/setup/setup-state";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import events · Situation Desk" };

/** Imports of ACLED, CSV and GeoJSON files into the situation the desk works on (editors; the API checks again). */
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ situation?: string | string[] }> }) {
  const root = getAppContext();
  const actor = await pageActor(root);
  if (!actor) return <SignedOutDesk setupRequired={await isSetupRequired(root.accounts)} />;
  const user = { id: actor.id, name: actor.name, email: actor.email, role: actor.role };
  const { situation } = await deskSituation(root, (await searchParams).situation);
  return (
    <DeskShell user={user} situation={situation} readOnly={!roleAtLeast(actor.role, "editor")}>
      <Main className="admin-main">
        <ImportDesk />
        <ImportHistory />
      </Main>
    </DeskShell>
  );
}
