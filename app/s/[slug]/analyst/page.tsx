import { AnalystPage, type SearchParams } from "../../../_views/analyst-page";

export const dynamic = "force-dynamic";

/** A situation's analyst workbench; an unknown slug is a 404. */
export default async function SituationAnalystPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  return <AnalystPage slug={(await params).slug} searchParams={searchParams} />;
}
