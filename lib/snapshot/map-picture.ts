/**
 * The live map's first picture: the same drawing as snapshot.svg's map (map-svg.ts), without its frame
 * or legend, at the map's own size and framed as MapLibre frames its first view, so that the WebGL map
 * drawn over it later lines up with it. A browser without a GPU takes seconds to draw the WebGL map
 * (decision 0029); this is drawn as soon as the page has its data. Pure: the browser calls it.
 */
import type { MapPadding } from "../geo/map-views";
import { mapSvgBody, type SnapshotMapData } from "./map-svg";
import { snapshotPalette, type SnapshotTheme } from "./snapshot-palette";
import { escapeXml, FONT_FAMILY } from "./svg-markup";

export interface MapPictureOptions {
  width: number;
  height: number;
  /** The live map's `scale` (dots, lines and names; the wall's grows with the screen). */
  scale: number;
  theme: SnapshotTheme;
  padding: MapPadding;
}

/** The picture as a standalone SVG document (shown as an image: its ids cannot meet the page's). */
export function mapPictureSvg(data: Omit<SnapshotMapData, "legend">, options: MapPictureOptions): string {
  const { width, height } = options;
  const { defs, body } = mapSvgBody(data, { x: 0, y: 0, width, height }, options.scale, snapshotPalette(options.theme), { padding: options.padding });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<defs>${defs}</defs>${body}</svg>`
  );
}
