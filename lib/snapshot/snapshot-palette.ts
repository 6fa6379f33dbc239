/**
 * The colours of a drawn snapshot, per theme. The map's are those of the live map
 * (lib/geo/map-palette.ts); the frame's are the pages' own (app/globals.css `--bg`, `--panel`, `--text`,
 * `--muted`, `--line`, `--accent`), so a snapshot beside the dashboard reads as the same product.
 * Faction colours come from the data.
 */
import { mapPalette, type MapPalette } from "../geo/map-palette";

export type SnapshotTheme = "dark" | "light";

export interface SnapshotPalette extends MapPalette {
  /** The frame: page background, header and legend panels, text, secondary text, rules, the moment's marker. */
  bg: string;
  panel: string;
  text: string;
  muted: string;
  line: string;
  accent: string;
}

export function snapshotPalette(theme: SnapshotTheme): SnapshotPalette {
  const frame =
    theme === "dark"
      ? { bg: "#0e1116", panel: "#161b22", text: "#e6edf3", muted: "#9aa6b2", line: "#2b323c", accent: "#58a6ff" }
      : { bg: "#f5f6f8", panel: "#ffffff", text: "#14171c", muted: "#5b6472", line: "#d9dde3", accent: "#0b5ed7" };
  return { ...frame, ...mapPalette(theme) };
}
