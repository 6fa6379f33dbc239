import { DashboardPage } from "../../_views/dashboard-page";

export const dynamic = "force-dynamic";

/** A situation's dashboard; an unknown slug is a 404. */
export default async function SituationDashboardPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ t?: string }> }) {
  return <DashboardPage slug={(await params).slug} searchParams={searchParams} />;
}
