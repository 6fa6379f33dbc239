import { WallPage, type SearchParams } from "../../../_views/wall-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Situation Desk · wall", referrer: "no-referrer" as const };

/** A situation's wall, with every parameter `/wall` takes; an unknown slug is a 404. */
export default async function SituationWallPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  return <WallPage slug={(await params).slug} searchParams={searchParams} />;
}
