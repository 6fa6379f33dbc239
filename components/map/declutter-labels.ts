import { declutter } from "@/lib/geo/declutter";

/** Which names win a spot: the capital, places abroad (the routes view), cities, then distances. */
const PRIORITY: [string, number][] = [
  ["map-label-capital", 0],
  ["map-label-abroad", 1],
  ["map-label-city", 2],
  ["map-label-distance", 3],
];
const priorityOf = (label: HTMLElement) => PRIORITY.find(([name]) => label.classList.contains(name))?.[1] ?? 4;

/** Marks what a page lays over its map (the wall's legend): labels under it are hidden too. */
export const COVERS_MAP = "data-covers-map";

const boxOf = (el: Element, priority: number) => {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height, priority };
};

/**
 * Hides the map's HTML labels that would cover another or lie under a panel laid over the map (a sibling
 * of the map's stage, components/map/situation-map.tsx, marked COVERS_MAP) (lib/geo/declutter); called after the map moved, resized, or its labels
 * changed. Hidden labels keep their place in the DOM (visibility, so they are measured again next time)
 * and say so in `data-hidden`.
 */
export function declutterMapLabels(root: HTMLElement | null): void {
  if (!root) return;
  const labels = [...root.querySelectorAll<HTMLElement>(".map-label")];
  // The map sits in its stage with its first picture; the page's panels are beside the stage.
  const page = root.closest(".map-stage")?.parentElement ?? root.parentElement;
  const covers = [...(page?.querySelectorAll(`[${COVERS_MAP}]`) ?? [])].map((el) => boxOf(el, -1));
  const placed = declutter([...covers, ...labels.map((label) => boxOf(label, priorityOf(label)))]).slice(covers.length);
  placed.forEach((visible, i) => {
    labels[i]!.style.visibility = visible ? "" : "hidden";
    labels[i]!.dataset.hidden = String(!visible);
  });
}
