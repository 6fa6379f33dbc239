/**
 * The string lists packed first-render data names its repeated values in (lib/control/packed-control.ts,
 * lib/dashboard/packed-timeline.ts): a row holds an index into a list instead of the value. A plain module:
 * the browser bundle imports it.
 */

/** `indexIn(list, value)`: `value`'s index in `list`, appended the first time it is asked for. */
export function listIndexer(): (list: string[], value: string) => number {
  const indexes = new Map<string[], Map<string, number>>();
  return (list, value) => {
    let byValue = indexes.get(list);
    if (!byValue) indexes.set(list, (byValue = new Map<string, number>()));
    let index = byValue.get(value);
    if (index === undefined) {
      index = list.push(value) - 1;
      byValue.set(value, index);
    }
    return index;
  };
}

/** The value at `index`; a RangeError naming `what` when the packed data has none there. */
export function listEntry(list: readonly string[], index: number, what: string): string {
  const value = list[index];
  if (value === undefined) throw new RangeError(`${what}: no entry ${index}`);
  return value;
}
