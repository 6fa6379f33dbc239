/** What changed between two views of control at the same time (as known then vs as known now). Pure. */
import type { PlaceControl } from "../schemas/control";

export interface ControlDifference {
  place: string;
  then: PlaceControl | null;
  now: PlaceControl | null;
}

/** Places whose holder or contested state differs, sorted by place. */
export function controlDifferences(then: readonly PlaceControl[], now: readonly PlaceControl[]): ControlDifference[] {
  const a = new Map(then.map((c) => [c.place, c]));
  const b = new Map(now.map((c) => [c.place, c]));
  const places = [...new Set([...a.keys(), ...b.keys()])].sort();
  return places.flatMap((place) => {
    const x = a.get(place) ?? null;
    const y = b.get(place) ?? null;
    const same = x && y && x.faction === y.faction && x.contested === y.contested && x.attacker === y.attacker;
    return same ? [] : [{ place, then: x, now: y }];
  });
}
