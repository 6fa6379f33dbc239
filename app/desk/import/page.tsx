import type { Metadata } from "next";
import { ImportDesk } from "@/components/desk/import/import-desk";
import { ImportHistory } from "@/components/desk/import/import-history";
import { Main } from "@/components/ui/main";
import { DeskPage, type DeskSearchParams } from "@/server/pages/desk-page";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import events · Situation Desk" };

/** Imports of ACLED, CSV and GeoJSON files into the situation the desk works on (editors; the API checks again). */
export default function ImportPage({ searchParams }: { searchParams: DeskSearchParams }) {
  return (
    <DeskPage searchParams={searchParams} role="editor">
      {() => (
        <Main className="admin-main">
          <ImportDesk />
          <ImportHistory />
        </Main>
      )}
    </DeskPage>
  );
}
