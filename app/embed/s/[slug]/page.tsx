import type { Metadata } from "next";
import { EmbedPage, type SearchParams } from "../../../_views/embed-page";
import { oembedDiscovery } from "@/server/pages/oembed-discovery";

export const dynamic = "force-dynamic";

/** oEmbed consumers find the embed's own oEmbed answer from it (and from the dashboard). */
export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  const slug = (await params).slug;
  return { title: "Situation Desk · embed", ...(await oembedDiscovery(`/embed/s/${encodeURIComponent(slug)}`, await searchParams)) };
}

/** One view of a situation, made to be framed by any site; an unknown slug is a 404. */
export default async function SituationEmbedPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  return <EmbedPage slug={(await params).slug} searchParams={searchParams} />;
}
