import type { Metadata } from "next";
import { SituationSetup } from "@/components/desk/admin/situation-setup";
import { Main } from "@/components/ui/main";
import { DeskPage, type DeskSearchParams } from "@/server/pages/desk-page";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Factions and baseline · Situation Desk" };

/** The factions and the baseline of the situation the desk works on (editors and admins; the API checks again). */
export default function SituationSetupPage({ searchParams }: { searchParams: DeskSearchParams }) {
  return (
    <DeskPage searchParams={searchParams} role="editor">
      {() => (
        <Main className="admin-main">
          <SituationSetup />
        </Main>
      )}
    </DeskPage>
  );
}
