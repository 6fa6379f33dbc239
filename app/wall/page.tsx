import { WallPage, type SearchParams } from "../_views/wall-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Situation Desk · wall", referrer: "no-referrer" as const };

/** The default situation's wall. */
export default function DefaultWallPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <WallPage searchParams={searchParams} />;
}
