/**
 * Where focus goes in a set of controls that takes one Tab stop (the map's place names): arrow keys step,
 * Home and End jump, without wrapping. Null: the key is not one of these (let it do what it does).
 */
export function rovingIndex(key: string, index: number, count: number): number | null {
  if (count === 0 || index < 0) return null;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return Math.min(index + 1, count - 1);
    case "ArrowLeft":
    case "ArrowUp":
      return Math.max(index - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
