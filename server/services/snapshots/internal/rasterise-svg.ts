/**
 * SVG → PNG without a browser (issue #17): resvg (Rust, through @resvg/resvg-js's prebuilt binary),
 * with the bundled fonts only, never the machine's (`loadSystemFonts: false`), so the same SVG gives
 * the same picture on every server. The drawing runs on libuv's thread pool (`renderAsync`): the event
 * loop keeps serving the feed while a picture is drawn. docs/decisions/0027-snapshot-images.md says why
 * resvg.
 */
import { renderAsync } from "@resvg/resvg-js";
import { bundledFontFiles, DEFAULT_FONT_FAMILY } from "./bundled-fonts";

export async function rasteriseSvg(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: bundledFontFiles(), defaultFontFamily: DEFAULT_FONT_FAMILY, sansSerifFamily: DEFAULT_FONT_FAMILY },
    fitTo: { mode: "original" },
    logLevel: "off",
  });
  return image.asPng();
}
