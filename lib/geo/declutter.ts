/**
 * Label placement on a map: which labels to show so that none covers another. Greedy by priority
 * (lower first, then input order): a label is shown when its box, grown by `gap` pixels, overlaps no
 * label already shown. Pure; the map calls it with its labels' screen boxes after each move.
 */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Lower is placed first (the capital before cities, cities before distances). */
  priority: number;
}

export function declutter(boxes: readonly LabelBox[], gap = 2): boolean[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.priority - boxes[b]!.priority || a - b);
  const shown: LabelBox[] = [];
  const visible = boxes.map(() => false);
  for (const i of order) {
    const box = boxes[i]!;
    if (box.width <= 0 || box.height <= 0) continue;
    const hits = shown.some(
      (s) => box.x < s.x + s.width + gap && s.x < box.x + box.width + gap && box.y < s.y + s.height + gap && s.y < box.y + box.height + gap,
    );
    if (!hits) {
      shown.push(box);
      visible[i] = true;
    }
  }
  return visible;
}
