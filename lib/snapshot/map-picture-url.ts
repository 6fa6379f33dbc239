/**
 * Where the live map's first picture comes from (decision 0029): snapshot.svg with `frame=none`, framed
 * as the map's first view. The page's server render writes the URL's fixed part on the picture's `<img>`
 * (`data-map-picture`); before any of the page's JavaScript runs, MAP_PICTURE_BOOT_SCRIPT measures the
 * map's box and adds the theme and the size; once hydrated, the component builds the same URL with
 * `mapPictureSrc`, so the browser asks for the picture once. The two must write the suffix alike.
 */
import type { Bounds, MapPadding } from "../geo/map-views";
import { MAP_PICTURE_MIN_PX, SNAPSHOT_SIZE } from "./snapshot-size";

export interface MapPictureParams {
  slug: string;
  lang: string;
  /** The moment shown; absent: now. */
  at?: number | null;
  /** The live map's first view when the page chooses it (the wall's), else the situation's with its padding. */
  fit?: { bounds: Bounds; padding: MapPadding };
  /** The feed position drawn: a new report is a new URL (the answer may be kept a minute). */
  seq?: number;
}

const paddingParam = (padding: MapPadding) =>
  typeof padding === "number" ? String(padding) : [padding.top, padding.right, padding.bottom, padding.left].map(Math.round).join(",");

/** The URL without theme and size. */
export function mapPicturePrefix(params: MapPictureParams): string {
  const query = new URLSearchParams({ frame: "none", lang: params.lang });
  if (params.at !== undefined && params.at !== null) query.set("at", new Date(params.at).toISOString());
  if (params.fit) {
    query.set("bounds", params.fit.bounds.flat().join(","));
    query.set("padding", paddingParam(params.fit.padding));
  }
  if (params.seq !== undefined) query.set("v", String(params.seq));
  return `/api/situations/${encodeURIComponent(params.slug)}/snapshot.svg?${query}`;
}

/**
 * The whole URL for a box of `width` × `height` pixels, or null when the picture cannot be that size.
 * `scale`: the map's dots and names grow with the page's type (the wall's: its font size over 20 px),
 * within the 0.5–4 the endpoint takes.
 */
export function mapPictureSrc(prefix: string, theme: "dark" | "light", width: number, height: number, scale = 1): string | null {
  if (!fits(width, height)) return null;
  const rounded = Math.round(Math.min(4, Math.max(0.5, scale)) * 100) / 100;
  return `${prefix}&theme=${theme}&width=${width}&height=${height}${rounded === 1 ? "" : `&scale=${rounded}`}`;
}

/** The scale of a picture whose `<img>` says its type's base size (`data-map-picture-font`): its font size over that. */
export const pictureScale = (image: HTMLElement): number => {
  const base = Number(image.dataset.mapPictureFont);
  return base > 0 ? parseFloat(getComputedStyle(image).fontSize) / base : 1;
};

const fits = (width: number, height: number) =>
  width >= MAP_PICTURE_MIN_PX && width <= SNAPSHOT_SIZE.width.max && height >= MAP_PICTURE_MIN_PX && height <= SNAPSHOT_SIZE.height.max;

/**
 * Runs in the page's `<head>` (app/layout.tsx, with the page's nonce): as soon as the page's markup has
 * been parsed (the parser has reached the first script after the picture, which in a Next.js page is
 * the one before its data; the page's stylesheets loaded), else at `DOMContentLoaded`, each picture
 * without a source gets one for its box's size, the page's theme (components/ui/theme.tsx's rule:
 * `data-theme` on `<html>`, else the system's) and its type's scale. Waiting for `DOMContentLoaded`
 * alone also waited for the page's inline data (~0.5 MB over a large history) to be parsed and run:
 * 0.2–0.4 s here. The parser lets mutation observers run before each script it meets, so the check
 * runs there. `mapPictureSrc` and `pictureScale` in plain JavaScript.
 */
export const MAP_PICTURE_BOOT_SCRIPT = `(function(){var done=false;function go(){if(done)return;done=true;var d=document.documentElement,t=d.dataset.theme==="light"||d.dataset.theme==="dark"?d.dataset.theme:matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.querySelectorAll("img[data-map-picture]:not([src])").forEach(function(i){var b=i.parentElement,w=Math.round(b.clientWidth),h=Math.round(b.clientHeight);var f=Number(i.dataset.mapPictureFont),s=f>0?Math.round(Math.min(4,Math.max(0.5,parseFloat(getComputedStyle(i).fontSize)/f))*100)/100:1;if(w>=${MAP_PICTURE_MIN_PX}&&w<=${SNAPSHOT_SIZE.width.max}&&h>=${MAP_PICTURE_MIN_PX}&&h<=${SNAPSHOT_SIZE.height.max})i.src=i.dataset.mapPicture+"&theme="+t+"&width="+w+"&height="+h+(s===1?"":"&scale="+s)})}function parsed(){var i=document.querySelector("img[data-map-picture]"),c=document.querySelectorAll("body script"),l=document.querySelectorAll("link[rel=stylesheet]");if(!i||!c.length||!(i.compareDocumentPosition(c[c.length-1])&4))return false;for(var k=0;k<l.length;k++)if(!l[k].sheet)return false;return true}if(document.readyState==="loading"){document.addEventListener("DOMContentLoaded",go);if(typeof MutationObserver==="function"){var o=new MutationObserver(function(){if(done||parsed()){o.disconnect();go()}});o.observe(document,{childList:true,subtree:true});document.addEventListener("DOMContentLoaded",function(){o.disconnect()})}}else go()})()`;
