import type { Metadata } from "next";
import { ShareDesk } from "@/components/desk/share/share-desk";
import { Main } from "@/components/ui/main";
import { DeskPage, type DeskSearchParams } from "@/server/pages/desk-page";
import { pageOrigin } from "@/server/pages/oembed-discovery";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Share · Situation Desk" };

/** Embed code, oEmbed URL and snapshot links of the situation the desk works on (any signed-in user: they are public URLs). */
export default function SharePage({ searchParams }: { searchParams: DeskSearchParams }) {
  return (
    <DeskPage searchParams={searchParams} role="editor">
      {async ({ root }) => (
        <Main className="admin-main">
          <ShareDesk origin={await pageOrigin()} publicRead={root.env.PUBLIC_READ} />
        </Main>
      )}
    </DeskPage>
  );
}
