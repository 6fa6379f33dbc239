/**
 * The frame every drawn snapshot shares (issue #17): a header with the title and the "as of" stamp, the
 * view's body below it, a footer with a note and the attribution, and the document's `<title>` and
 * `<desc>` (the text alternative, snapshot.txt's text) for screen readers and search. A picture taken
 * out of its page must still say what it shows, when, and from whom; so these are drawn into it, not
 * left to the page around it.
 */
import { el, escapeXml, FONT_FAMILY, fitText, textEl, textWidth } from "./svg-markup";
import type { SnapshotPalette } from "./snapshot-palette";

/** The canvas the sizes below are designed for; other sizes scale them (within SCALE_MIN..SCALE_MAX). */
const DESIGN_WIDTH_PX = 1200;
const DESIGN_HEIGHT_PX = 800;
const SCALE_MIN = 0.6;
const SCALE_MAX = 2;
const HEADER_PX = 64;
const FOOTER_PX = 26;
const MARGIN_PX = 16;
const TITLE_PX = 22;
const STAMP_PX = 14;
const FOOTER_TEXT_PX = 11;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  /** Sizes in the design are multiplied by this (text, lines, dots). */
  scale: number;
  /** The view's own area, between header and footer. */
  body: Box;
}

export function frameLayout(width: number, height: number): FrameLayout {
  const scale = Math.min(SCALE_MAX, Math.max(SCALE_MIN, Math.min(width / DESIGN_WIDTH_PX, height / DESIGN_HEIGHT_PX)));
  const top = HEADER_PX * scale;
  const bottom = FOOTER_PX * scale;
  return { width, height, scale, body: { x: 0, y: top, width, height: height - top - bottom } };
}

export interface FrameInput {
  layout: FrameLayout;
  palette: SnapshotPalette;
  /** The heading drawn (the situation, and the view when it is a chart). */
  heading: string;
  /** "As of 7 Dec 2024, 12:00 UTC", drawn under the heading. */
  stamp: string;
  /** The footer's left: what the reader should know about how it was drawn (left out when it does not fit). */
  note?: string;
  /** The footer's right: who made it and whose data it draws on. */
  attribution: string;
  /** The document's `<title>` and `<desc>`. */
  title: string;
  desc: string;
  defs?: string;
  body: string;
}

/** The whole SVG document. */
export function frameSvg(input: FrameInput): string {
  const { layout, palette: p } = input;
  const { width, height, scale: s } = layout;
  const margin = MARGIN_PX * s;
  const inner = width - 2 * margin;
  const footerTop = height - FOOTER_PX * s;
  const footerBaseline = height - 8.5 * s;
  const attribution = fitText(input.attribution, inner, FOOTER_TEXT_PX * s);
  const attributionWidth = textWidth(attribution, FOOTER_TEXT_PX * s);
  const noteRoom = inner - attributionWidth - 24 * s;
  const note = input.note && textWidth(input.note, FOOTER_TEXT_PX * s) <= noteRoom ? input.note : "";

  const header = [
    el("rect", { x: 0, y: 0, width, height: layout.body.y, fill: p.panel }),
    el("line", { x1: 0, x2: width, y1: layout.body.y - 0.5, y2: layout.body.y - 0.5, stroke: p.line, "stroke-width": 1 }),
    textEl(
      { x: margin, y: 30 * s, "font-size": TITLE_PX * s, "font-weight": 700, fill: p.text, "data-role": "heading" },
      fitText(input.heading, inner, TITLE_PX * s, 700),
    ),
    textEl({ x: margin, y: 52 * s, "font-size": STAMP_PX * s, fill: p.muted, "data-role": "stamp" }, fitText(input.stamp, inner, STAMP_PX * s)),
  ].join("");
  const footer = [
    el("rect", { x: 0, y: footerTop, width, height: height - footerTop, fill: p.panel }),
    el("line", { x1: 0, x2: width, y1: footerTop + 0.5, y2: footerTop + 0.5, stroke: p.line, "stroke-width": 1 }),
    note ? textEl({ x: margin, y: footerBaseline, "font-size": FOOTER_TEXT_PX * s, fill: p.muted, "data-role": "note" }, note) : "",
    textEl(
      { x: width - margin, y: footerBaseline, "font-size": FOOTER_TEXT_PX * s, fill: p.muted, "text-anchor": "end", "data-role": "attribution" },
      attribution,
    ),
  ].join("");

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="snapshot-title snapshot-desc" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<title id="snapshot-title">${escapeXml(input.title)}</title>` +
    `<desc id="snapshot-desc">${escapeXml(input.desc)}</desc>` +
    (input.defs ? `<defs>${input.defs}</defs>` : "") +
    el("rect", { x: 0, y: 0, width, height, fill: p.bg }) +
    input.body +
    header +
    footer +
    `</svg>\n`
  );
}
