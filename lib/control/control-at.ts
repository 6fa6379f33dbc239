import type { PlaceControl } from "../schemas/control";

/** Who held a place before the first event (the scenario's baseline). */
export interface BaselineHolding {
  place: string;
  faction: string;
  /** Epoch milliseconds. */
  since: number;
}

/** A `control_change` reduced to what the fold needs. */
export interface ControlChange {
  place: string;
  faction: string;
  contested: boolean;
  /** Epoch milliseconds. */
  occurredAt: number;
  /**
   * Breaks ties between events with the same `occurredAt`: the higher value was published later
   * and wins (a desk's later word on the same moment supersedes its earlier one).
   */
  order: number;
}

/** One place's holder while folding (`attacker`: who is fighting for it, if anyone). */
export interface Holding {
  faction: string;
  since: number;
  attacker: string | undefined;
}

export function compareControlChanges(a: ControlChange, b: ControlChange): number {
  return a.occurredAt - b.occurredAt || a.order - b.order;
}

/**
 * The control state at `at`: a fold of control changes by time over the baseline.
 * - A plain change hands the place to `faction` (its `since` moves only when the holder changes).
 * - A contested change marks fighting: the holder stays, `faction` is the attacker.
 * - A later plain change ends the fighting, whoever wins it.
 * Events after `at` are ignored; `changes` need not be sorted.
 */
export function controlAt(baseline: readonly BaselineHolding[], changes: readonly ControlChange[], at: number): PlaceControl[] {
  const holdings = new Map<string, Holding>();
  for (const b of baseline) {
    if (b.since <= at) holdings.set(b.place, { faction: b.faction, since: b.since, attacker: undefined });
  }
  const relevant = changes.filter((c) => c.occurredAt <= at).sort(compareControlChanges);
  for (const change of relevant) applyChange(holdings, change);
  return toControl(holdings);
}

/** A folded state as the contract's control list, by place. */
export function toControl(holdings: ReadonlyMap<string, Holding>): PlaceControl[] {
  return [...holdings.entries()]
    .map(([place, h]) => ({
      place,
      faction: h.faction,
      since: new Date(h.since).toISOString(),
      contested: h.attacker !== undefined,
      ...(h.attacker !== undefined ? { attacker: h.attacker } : {}),
    }))
    .sort((a, b) => a.place.localeCompare(b.place));
}

/** One step of the fold (the rules above); the fast forms in control-fold.ts take the same step. */
export function applyChange(holdings: Map<string, Holding>, change: ControlChange): void {
  const current = holdings.get(change.place);
  if (change.contested) {
    if (current) current.attacker = change.faction;
    // Fighting over a place nobody held yet: the attacker is the only one we know is there.
    else holdings.set(change.place, { faction: change.faction, since: change.occurredAt, attacker: change.faction });
    return;
  }
  if (!current || current.faction !== change.faction) {
    holdings.set(change.place, { faction: change.faction, since: change.occurredAt, attacker: undefined });
  } else {
    current.attacker = undefined;
  }
}

/** How many places each faction holds in a control state, largest first (ties by slug, so lists are stable). */
export function placesHeld(control: readonly { faction: string }[]): [faction: string, places: number][] {
  const counts = new Map<string, number>();
  for (const holding of control) counts.set(holding.faction, (counts.get(holding.faction) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
