/**
 * Faction colours an admin picks from: Okabe & Ito's palette (2008), told apart with every common
 * colour-vision deficiency, its black swapped for a grey that reads on the dark theme as on the light.
 */
export const FACTION_PALETTE = [
  { color: "#e69f00", name: "orange" },
  { color: "#56b4e9", name: "sky blue" },
  { color: "#009e73", name: "bluish green" },
  { color: "#f0e442", name: "yellow" },
  { color: "#0072b2", name: "blue" },
  { color: "#d55e00", name: "vermillion" },
  { color: "#cc79a7", name: "reddish purple" },
  { color: "#999999", name: "grey" },
] as const;

/** The first palette colour no faction has yet (the palette's first when all are taken); `#E69F00` is `#e69f00`. */
export function nextFactionColor(taken: readonly string[]): string {
  const used = new Set(taken.map((color) => color.toLowerCase()));
  return FACTION_PALETTE.find((entry) => !used.has(entry.color))?.color ?? FACTION_PALETTE[0].color;
}
