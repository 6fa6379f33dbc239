/**
 * The map's colours per theme, besides the factions' (which come from the data): the live map's layers
 * (components/map/map-style.ts) and the snapshots drawn on the server (lib/snapshot/snapshot-palette.ts).
 */
export interface MapPalette {
  water: string;
  land: string;
  focusLand: string;
  border: string;
  focusBorder: string;
  regionLine: string;
  dotStroke: string;
  zoneOpacity: number;
}

export function mapPalette(theme: "dark" | "light"): MapPalette {
  return theme === "dark"
    ? {
        water: "#0a121b",
        land: "#1a212b",
        focusLand: "#222b37",
        border: "#3b4654",
        focusBorder: "#9aa6b2",
        regionLine: "#56606e",
        dotStroke: "#0e1116",
        zoneOpacity: 0.34,
      }
    : {
        water: "#d9e3ec",
        land: "#efede8",
        focusLand: "#fbfaf7",
        border: "#b7bdc5",
        focusBorder: "#4b5563",
        regionLine: "#9aa3ad",
        dotStroke: "#ffffff",
        zoneOpacity: 0.3,
      };
}
