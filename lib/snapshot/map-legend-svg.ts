/**
 * The drawn map's legend (the live map's components/map/map-legend.tsx, as a picture): the factions on
 * the map with the number of places each holds, biggest first, then what the symbols mean and how old
 * the movements are. Built to a height: when the canvas is small, factions come first, the symbols go
 * before any faction does, and factions that still do not fit are counted in a last "+ N" row.
 */
import { el, fitText, num, textEl, textWidth } from "./svg-markup";
import type { SnapshotPalette } from "./snapshot-palette";

export interface LegendFaction {
  slug: string;
  name: string;
  color: string;
  count: number;
}

export interface MapLegendInput {
  x: number;
  y: number;
  width: number;
  /** The most the legend may take; it is as tall as its rows. */
  maxHeight: number;
  scale: number;
  palette: SnapshotPalette;
  /** Factions only, and few of them (a narrow canvas). */
  compact?: boolean;
  factions: readonly LegendFaction[];
  labels: {
    contested: string;
    advance: string;
    evacuation: string;
    strike: string;
    confirmed: string;
    reported: string;
    claimed: string;
    /** "Arrows and strikes: the 3 days before". */
    movements: string;
    /** Shown when no faction holds anything. */
    nobody: string;
  };
}

const ROW_PX = 20;
const PAD_PX = 10;
const TEXT_PX = 12.5;
const NOTE_PX = 11;
const ICON_PX = 28;
/** Faction rows of a compact legend (the rest are counted in a last row). */
const COMPACT_FACTIONS = 4;

/** The legend's markup and the height it took. */
export function mapLegendSvg(input: MapLegendInput): { svg: string; height: number } {
  const { scale: s, palette: p, labels } = input;
  const row = ROW_PX * s;
  const pad = PAD_PX * s;
  const size = TEXT_PX * s;
  const inner = input.width - 2 * pad;
  const left = input.x + pad;
  const parts: string[] = [];
  let y = input.y + pad;
  const room = (rows: number) => input.y + input.maxHeight - pad - y >= rows * row;

  // Symbols: a row each, and the three confidences in one row when they fit, else one each.
  const symbolRows: ((top: number) => string)[] = [
    (top) => symbolRow(left, top, s, p, labels.contested, contestedIcon(left, top, s, p), inner),
    (top) => symbolRow(left, top, s, p, labels.advance, arrowIcon(left, top, s, p), inner),
    (top) => symbolRow(left, top, s, p, labels.evacuation, curveIcon(left, top, s, p), inner),
    (top) => symbolRow(left, top, s, p, labels.strike, strikeIcon(left, top, s, p), inner),
  ];
  const confidences: [string, string | undefined][] = [
    [labels.confirmed, undefined],
    [labels.reported, `${num(6 * s)} ${num(4 * s)}`],
    [labels.claimed, `${num(1.5 * s)} ${num(4 * s)}`],
  ];
  const confidenceWidth = confidences.reduce((sum, [label]) => sum + ICON_PX * s + 4 * s + textWidth(label, size) + 10 * s, 0);
  if (confidenceWidth <= inner) {
    symbolRows.push((top) => {
      let x = left;
      return confidences
        .map(([label, dash]) => {
          const icon = lineIcon(x, top, s, p, dash);
          const text = textEl({ x: x + ICON_PX * s + 4 * s, y: top + row * 0.68, "font-size": size, fill: p.text }, label);
          x += ICON_PX * s + 4 * s + textWidth(label, size) + 10 * s;
          return icon + text;
        })
        .join("");
    });
  } else {
    for (const [label, dash] of confidences) symbolRows.push((top) => symbolRow(left, top, s, p, label, lineIcon(left, top, s, p, dash), inner));
  }
  const noteRows = 1;
  const symbolsHeight = (symbolRows.length + noteRows) * row + 8 * s;

  // Factions: as many as fit with the symbols below them; the symbols give way before the second faction does,
  // and on a narrow canvas (a phone's) altogether, with at most COMPACT_FACTIONS rows, so the map stays visible.
  const factionRoom = input.compact ? Math.min(COMPACT_FACTIONS, Math.floor((input.maxHeight - 2 * pad) / row)) : Math.floor((input.maxHeight - 2 * pad) / row);
  const withSymbols = !input.compact && factionRoom - Math.ceil(symbolsHeight / row) >= Math.min(input.factions.length, 2);
  const factionRows = Math.max(1, withSymbols ? factionRoom - Math.ceil(symbolsHeight / row) : factionRoom);
  const shown = input.factions.length > factionRows ? input.factions.slice(0, Math.max(0, factionRows - 1)) : input.factions;
  const countWidth = Math.max(0, ...input.factions.map((f) => textWidth(String(f.count), size, 600)));
  if (input.factions.length === 0 && room(1)) {
    parts.push(textEl({ x: left, y: y + row * 0.68, "font-size": size, fill: p.muted }, fitText(labels.nobody, inner, size)));
    y += row;
  }
  for (const faction of shown) {
    const mid = y + row / 2;
    parts.push(
      el("rect", { x: left, y: mid - 7 * s, width: 14 * s, height: 14 * s, rx: 3 * s, fill: faction.color, "fill-opacity": 0.55 }),
      el("circle", { cx: left + 7 * s, cy: mid, r: 4 * s, fill: faction.color, stroke: p.dotStroke, "stroke-width": 1.2 * s }),
      textEl(
        { x: left + 22 * s, y: y + row * 0.68, "font-size": size, fill: p.text, "data-faction": faction.slug },
        fitText(faction.name, inner - 22 * s - countWidth - 8 * s, size),
      ),
      textEl({ x: left + inner, y: y + row * 0.68, "font-size": size, "font-weight": 600, fill: p.text, "text-anchor": "end" }, String(faction.count)),
    );
    y += row;
  }
  const hidden = input.factions.length - shown.length;
  if (hidden > 0) {
    const places = input.factions.slice(shown.length).reduce((sum, f) => sum + f.count, 0);
    parts.push(
      textEl({ x: left + 22 * s, y: y + row * 0.68, "font-size": size, fill: p.muted }, `+ ${hidden}`),
      textEl({ x: left + inner, y: y + row * 0.68, "font-size": size, "font-weight": 600, fill: p.muted, "text-anchor": "end" }, String(places)),
    );
    y += row;
  }
  if (withSymbols && room(symbolRows.length + noteRows)) {
    y += 4 * s;
    parts.push(el("line", { x1: left, x2: left + inner, y1: y, y2: y, stroke: p.line, "stroke-width": s }));
    y += 4 * s;
    for (const draw of symbolRows) {
      parts.push(draw(y));
      y += row;
    }
    parts.push(
      textEl({ x: left, y: y + row * 0.62, "font-size": NOTE_PX * s, fill: p.muted, "data-role": "movements" }, fitText(labels.movements, inner, NOTE_PX * s)),
    );
    y += row;
  }
  const height = y + pad - input.y;
  const panel = el("rect", {
    x: input.x,
    y: input.y,
    width: input.width,
    height,
    rx: 6 * s,
    fill: p.panel,
    "fill-opacity": 0.92,
    stroke: p.line,
    "stroke-width": s,
  });
  return { svg: `<g data-role="legend">${panel}${parts.join("")}</g>`, height };
}

function symbolRow(left: number, top: number, s: number, p: SnapshotPalette, label: string, icon: string, inner: number): string {
  const size = TEXT_PX * s;
  return (
    icon +
    textEl({ x: left + ICON_PX * s + 6 * s, y: top + ROW_PX * s * 0.68, "font-size": size, fill: p.text }, fitText(label, inner - ICON_PX * s - 6 * s, size))
  );
}

const contestedIcon = (x: number, top: number, s: number, p: SnapshotPalette) =>
  el("circle", { cx: x + 14 * s, cy: top + 10 * s, r: 6 * s, fill: "none", stroke: p.text, "stroke-width": 2 * s, opacity: 0.7 }) +
  el("circle", { cx: x + 14 * s, cy: top + 10 * s, r: 3 * s, fill: p.text });

const arrowIcon = (x: number, top: number, s: number, p: SnapshotPalette) =>
  el("line", { x1: x + 2 * s, y1: top + 10 * s, x2: x + 20 * s, y2: top + 10 * s, stroke: p.text, "stroke-width": 3 * s }) +
  el("path", { d: `M${x + 20 * s} ${top + 5 * s}L${x + 27 * s} ${top + 10 * s}L${x + 20 * s} ${top + 15 * s}Z`, fill: p.text });

const curveIcon = (x: number, top: number, s: number, p: SnapshotPalette) =>
  el("path", {
    d: `M${x + 2 * s} ${top + 15 * s}Q${x + 14 * s} ${top + 1 * s} ${x + 26 * s} ${top + 13 * s}`,
    fill: "none",
    stroke: p.text,
    "stroke-width": 2 * s,
  });

const strikeIcon = (x: number, top: number, s: number, p: SnapshotPalette) =>
  el("circle", { cx: x + 14 * s, cy: top + 10 * s, r: 5.5 * s, fill: "none", stroke: p.text, "stroke-width": 2.5 * s });

const lineIcon = (x: number, top: number, s: number, p: SnapshotPalette, dash: string | undefined) =>
  el("line", {
    x1: x + 2 * s,
    y1: top + 10 * s,
    x2: x + 26 * s,
    y2: top + 10 * s,
    stroke: p.text,
    "stroke-width": 2.5 * s,
    "stroke-dasharray": dash,
    "stroke-linecap": dash ? "round" : undefined,
  });
