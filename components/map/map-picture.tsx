"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import { liveFeedQuery } from "@/lib/client/feed-cache";
import { mapPicturePrefix, mapPictureSrc, pictureScale } from "@/lib/snapshot/map-picture-url";
import { useSituation } from "@/components/ui/situation";
import { useThemeMode } from "@/components/ui/theme";
import type { MapViewProps } from "./map-view";

export interface MapPictureProps {
  /** The moment the map shows; absent: now. */
  at?: number | null;
  fit?: MapViewProps["fit"];
  /** The page's type size (px) at which the map's dots and names are drawn at their own size (the wall's); absent: never scaled. */
  fontBase?: number;
  /** true once the live map has drawn itself: the picture fades out. */
  hidden: boolean;
}

/**
 * The map's first picture (decision 0029): the server's drawing of the same map (snapshot.svg,
 * `frame=none`), in the map's place until the WebGL map has drawn itself over it, then faded out. Its
 * source is set before the page's JavaScript runs (lib/snapshot/map-picture-url.ts), so it shows with the
 * page's first paint; where the map cannot draw (no WebGL), it stays and follows the feed. Hidden from
 * assistive technology: the live map is the one to read.
 */
export function MapPicture({ at, fit, fontBase, hidden }: MapPictureProps) {
  const ref = useRef<HTMLDivElement>(null);
  const imageRef = useRef<HTMLImageElement>(null);
  const [size, setSize] = useState<{ width: number; height: number; scale: number } | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const theme = useThemeMode();
  const { slug } = useSituation();
  const lang = useLocale();
  // Observed, never fetched here: the page's live feed keeps it.
  const seq = useQuery({ ...liveFeedQuery(), enabled: false }).data?.lastSeq;
  const prefix = mapPicturePrefix({ slug, lang, at, fit, seq });

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const scale = imageRef.current ? pictureScale(imageRef.current) : 1;
      const next = { width: Math.round(element.clientWidth), height: Math.round(element.clientHeight), scale };
      setSize((size) => (size && size.width === next.width && size.height === next.height && size.scale === next.scale ? size : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A picture that loaded before hydration fired its load event before React listened for it.
  useLayoutEffect(() => {
    const image = imageRef.current;
    if (image?.complete && image.naturalWidth > 0) setLoaded(image.getAttribute("src"));
  }, []);

  const src = size ? mapPictureSrc(prefix, theme, size.width, size.height, size.scale) : null;
  const state = hidden ? "hidden" : src !== null && loaded === src ? "drawn" : "waiting";
  return (
    <div ref={ref} className="map-picture" data-testid="map-picture" data-state={state} aria-hidden="true">
      {/* Server-rendered without a source: the boot script gives it one for this box before hydration. */}
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn by this server for this box; nothing for next/image to do */}
      <img
        ref={imageRef}
        data-map-picture={prefix}
        data-map-picture-font={fontBase}
        // Element Timing: when the picture was painted (bench/first-map-run.ts). React's types lack the attribute.
        {...{ elementtiming: "map-picture" }}
        src={src ?? undefined}
        // The page's largest paint: ahead of the page's scripts for a connection (HTTP/1.1 gives six per host).
        fetchPriority="high"
        alt=""
        suppressHydrationWarning
        onLoad={(event) => setLoaded(event.currentTarget.getAttribute("src"))}
      />
    </div>
  );
}
