import { DashboardPage } from "./_views/dashboard-page";

export const dynamic = "force-dynamic";

/** The default situation's dashboard (issue #15: the v1 API and the socket without `situation` are its too). */
export default function HomePage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  return <DashboardPage searchParams={searchParams} />;
}
