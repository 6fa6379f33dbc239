import type { Metadata } from "next";
import { DashboardPage } from "./_views/dashboard-page";
import { oembedDiscovery } from "@/server/pages/oembed-discovery";

export const dynamic = "force-dynamic";

/** Feed readers find the default situation's Atom feed from its page, oEmbed consumers its embed. */
export async function generateMetadata({ searchParams }: { searchParams: Promise<{ t?: string }> }): Promise<Metadata> {
  const oembed = (await oembedDiscovery("/", await searchParams)).alternates!.types!;
  return { alternates: { types: { "application/atom+xml": [{ url: "/api/feed.atom", title: "Reports, corrections and retractions" }], ...oembed } } };
}

/** The default situation's dashboard (issue #15: the v1 API and the socket without `situation` are its too). */
export default function HomePage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  return <DashboardPage searchParams={searchParams} />;
}
