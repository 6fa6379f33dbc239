import type { Metadata } from "next";
import { DashboardPage } from "../../_views/dashboard-page";
import { oembedDiscovery } from "@/server/pages/oembed-discovery";

export const dynamic = "force-dynamic";

/** Feed readers find the situation's Atom feed from its page, oEmbed consumers its embed. */
export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ t?: string }>;
}): Promise<Metadata> {
  const slug = encodeURIComponent((await params).slug);
  const oembed = (await oembedDiscovery(`/s/${slug}`, await searchParams)).alternates!.types!;
  return {
    alternates: { types: { "application/atom+xml": [{ url: `/api/situations/${slug}/feed.atom`, title: "Reports, corrections and retractions" }], ...oembed } },
  };
}

/** A situation's dashboard; an unknown slug is a 404. */
export default async function SituationDashboardPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ t?: string }> }) {
  return <DashboardPage slug={(await params).slug} searchParams={searchParams} />;
}
