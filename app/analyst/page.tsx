import { AnalystPage, type SearchParams } from "../_views/analyst-page";

export const dynamic = "force-dynamic";

/** The default situation's analyst workbench. */
export default function DefaultAnalystPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <AnalystPage searchParams={searchParams} />;
}
