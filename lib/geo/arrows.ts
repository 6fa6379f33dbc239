/** Arrow and route geometry in lon/lat, drawn as plain GeoJSON (no icon sprites or glyphs needed). */
import type { Position } from "geojson";

export interface ArrowShape {
  /** The shaft, ending where the head begins. */
  shaft: Position[];
  /** A closed triangle whose tip is the arrow's end. */
  head: Position[];
}

/**
 * Arrow from `from` to `to`, both ends pulled in by `inset` degrees so it does not cover the places'
 * dots. Short arrows (a town next to a city) keep their shape: inset and head shrink with the length.
 */
export function arrow(from: Position, to: Position, options: { inset?: number; headLength?: number; headWidth?: number } = {}): ArrowShape | null {
  const [x1, y1] = from as [number, number];
  const [x2, y2] = to as [number, number];
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return null;
  const inset = Math.min(options.inset ?? 0.06, length * 0.15);
  const headLength = Math.min(options.headLength ?? 0.12, length * 0.35);
  const headWidth = Math.min(options.headWidth ?? 0.09, length * 0.3);
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const start: Position = [x1 + ux * inset, y1 + uy * inset];
  const tip: Position = [x2 - ux * inset, y2 - uy * inset];
  const base: Position = [tip[0]! - ux * headLength, tip[1]! - uy * headLength];
  const [px, py] = [-uy * (headWidth / 2), ux * (headWidth / 2)];
  return {
    shaft: [start, base],
    head: [tip, [base[0]! + px, base[1]! + py], [base[0]! - px, base[1]! - py], tip],
  };
}

/**
 * A gently curved route (quadratic Bézier) for long journeys such as evacuations abroad, so that
 * several routes leaving one city stay apart. `bend` is the control point's offset as a share of the length.
 */
export function arc(from: Position, to: Position, { bend = 0.18, segments = 32 } = {}): Position[] {
  const [x1, y1] = from as [number, number];
  const [x2, y2] = to as [number, number];
  const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
  const [cx, cy] = [mx - (y2 - y1) * bend, my + (x2 - x1) * bend];
  const points: Position[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    points.push([a * x1 + b * cx + c * x2, a * y1 + b * cy + c * y2]);
  }
  return points;
}
