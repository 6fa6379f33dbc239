/**
 * Fast forms of the control fold (lib/control/control-at.ts) for large histories: a fold that walks
 * several times in one pass, and checkpoints (the state every N changes) so that the state at any time
 * costs a binary search plus at most N steps. Same results as `controlAt`; pure.
 */
import type { PlaceControl } from "../schemas/control";
import { applyChange, compareControlChanges, toControl, type BaselineHolding, type ControlChange, type Holding } from "./control-at";

type State = Map<string, Holding>;

const copy = (state: State): State => new Map([...state].map(([place, h]) => [place, { ...h }]));

/** The baseline enters the fold first; the fast paths are exact only when every baseline holding starts by `t`. */
const baselineStartsBy = (baseline: readonly BaselineHolding[], t: number) => baseline.every((b) => b.since <= t);

function baselineState(baseline: readonly BaselineHolding[]): State {
  return new Map(baseline.map((b) => [b.place, { faction: b.faction, since: b.since, attacker: undefined }]));
}

/**
 * Each place's holding at `at` from two folds of the same changes, one from the baseline and one from
 * nothing: a place whose baseline has not started by `at` takes the second (controlAt leaves such a
 * baseline out). Places are independent in the fold, so the merge is exact.
 */
function withLateBaselines(withBaseline: State, without: State, baseline: readonly BaselineHolding[], at: number): State {
  const late = new Set(baseline.filter((b) => b.since > at).map((b) => b.place));
  const state: State = new Map([...withBaseline].filter(([place]) => !late.has(place)));
  for (const place of late) {
    const h = without.get(place);
    if (h) state.set(place, h);
  }
  return state;
}

/** Whether the changes are in fold order already (a filtered control index is: no copy and sort then). */
function isSorted(changes: readonly ControlChange[]): boolean {
  for (let i = 1; i < changes.length; i++) if (compareControlChanges(changes[i - 1]!, changes[i]!) > 0) return false;
  return true;
}

/**
 * One pass over the changes for all `times` (ascending): `read` sees the state at each time. Baseline
 * holdings that start after some of the times are handled in the same pass (a second fold from nothing),
 * so the cost stays one sort and one walk, not one fold per time.
 */
function foldAtTimes<T>(baseline: readonly BaselineHolding[], changes: readonly ControlChange[], times: readonly number[], read: (state: State) => T): T[] {
  if (times.length === 0) return [];
  const sorted = isSorted(changes) ? changes : [...changes].sort(compareControlChanges);
  const withBaseline = baselineState(baseline);
  const lastStart = Math.max(...baseline.map((b) => b.since));
  const without: State | undefined = lastStart > times[0]! ? new Map() : undefined;
  let i = 0;
  return times.map((t) => {
    for (; i < sorted.length && sorted[i]!.occurredAt <= t; i++) {
      applyChange(withBaseline, sorted[i]!);
      if (without) applyChange(without, sorted[i]!);
    }
    return read(without && lastStart > t ? withLateBaselines(withBaseline, without, baseline, t) : withBaseline);
  });
}

/** The state at each of `times` (ascending), in one pass over the changes. */
export function controlAtTimes(baseline: readonly BaselineHolding[], changes: readonly ControlChange[], times: readonly number[]): PlaceControl[][] {
  return foldAtTimes(baseline, changes, times, toControl);
}

/** Places held per faction at each of `times` (ascending), in one pass: the control chart's series without building each state's list. */
export function controlCountsAtTimes(
  baseline: readonly BaselineHolding[],
  changes: readonly ControlChange[],
  times: readonly number[],
): Record<string, number>[] {
  return foldAtTimes(baseline, changes, times, (state) => {
    const counts: Record<string, number> = {};
    for (const holding of state.values()) counts[holding.faction] = (counts[holding.faction] ?? 0) + 1;
    return counts;
  });
}

/** Changes kept between checkpoints (a query folds at most this many). */
export const CHECKPOINT_EVERY_CHANGES = 2048;

export interface ControlCheckpoints {
  baseline: readonly BaselineHolding[];
  /** Sorted by compareControlChanges. */
  changes: readonly ControlChange[];
  /**
   * states[k]: the state after changes[0 .. k*CHECKPOINT_EVERY_CHANGES - 1], folded twice: from the
   * baseline, and from nothing. A place whose baseline starts after the asked time takes the second
   * (controlAt leaves such a baseline out).
   */
  states: { withBaseline: State; without: State }[];
}

/** One fold over all changes, remembering the state every CHECKPOINT_EVERY_CHANGES changes. `changes` must be sorted. */
export function buildCheckpoints(baseline: readonly BaselineHolding[], sortedChanges: readonly ControlChange[]): ControlCheckpoints {
  return foldFrom({ baseline, changes: [], states: [{ withBaseline: baselineState(baseline), without: new Map() }] }, sortedChanges, 0);
}

/** How many changes at the start of two sorted lists are the same objects (a control index keeps unchanged ones). */
export function samePrefix(a: readonly ControlChange[], b: readonly ControlChange[]): number {
  if (a === b) return a.length;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * The checkpoints of new sorted changes over the same baseline, keeping those of `previous` before the
 * first change that differs (same objects, in the same places) and folding on from there: a report
 * posted about today refolds the last few changes, not the history. Equal to buildCheckpoints.
 */
export function extendCheckpoints(previous: ControlCheckpoints, sortedChanges: readonly ControlChange[]): ControlCheckpoints {
  return foldFrom(previous, sortedChanges, Math.floor(samePrefix(previous.changes, sortedChanges) / CHECKPOINT_EVERY_CHANGES));
}

/** Checkpoints 0..k of `previous` (each still right for `sortedChanges`), then the fold on from checkpoint k. */
function foldFrom(previous: ControlCheckpoints, sortedChanges: readonly ControlChange[], k: number): ControlCheckpoints {
  const states = previous.states.slice(0, k + 1);
  const withBaseline = copy(states[k]!.withBaseline);
  const without = copy(states[k]!.without);
  for (let i = k * CHECKPOINT_EVERY_CHANGES; i < sortedChanges.length; i++) {
    applyChange(withBaseline, sortedChanges[i]!);
    applyChange(without, sortedChanges[i]!);
    if ((i + 1) % CHECKPOINT_EVERY_CHANGES === 0) states.push({ withBaseline: copy(withBaseline), without: copy(without) });
  }
  return { baseline: previous.baseline, changes: sortedChanges, states };
}

/** Number of changes with occurredAt ≤ at (binary search over the sorted changes). */
function countUpTo(changes: readonly ControlChange[], at: number): number {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (changes[mid]!.occurredAt <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The state at `at` from the nearest checkpoint: equal to controlAt(baseline, changes, at). */
export function controlAtFromCheckpoints(checkpoints: ControlCheckpoints, at: number): PlaceControl[] {
  const { baseline, changes, states } = checkpoints;
  const n = countUpTo(changes, at);
  const k = Math.floor(n / CHECKPOINT_EVERY_CHANGES);
  const withBaseline = copy(states[k]!.withBaseline);
  const lateBaseline = !baselineStartsBy(baseline, at);
  const without = lateBaseline ? copy(states[k]!.without) : undefined;
  for (let i = k * CHECKPOINT_EVERY_CHANGES; i < n; i++) {
    applyChange(withBaseline, changes[i]!);
    if (without) applyChange(without, changes[i]!);
  }
  return toControl(without ? withLateBaselines(withBaseline, without, baseline, at) : withBaseline);
}

/**
 * controlCountsAtTimes from the checkpoints: the state at the first time from the nearest checkpoint,
 * then one walk forward through the rest, so a range late in a long history does not fold it from the
 * start. `counts` picks the places counted (a region: places are independent in the fold, so counting
 * a subset of the full fold equals folding that subset alone). `times` ascending.
 */
export function controlCountsFromCheckpoints(
  checkpoints: ControlCheckpoints,
  times: readonly number[],
  counts: (place: string) => boolean = () => true,
): Record<string, number>[] {
  if (times.length === 0) return [];
  const { baseline, changes, states } = checkpoints;
  const k = Math.floor(countUpTo(changes, times[0]!) / CHECKPOINT_EVERY_CHANGES);
  const withBaseline = copy(states[k]!.withBaseline);
  const lastStart = Math.max(...baseline.map((b) => b.since));
  const without = lastStart > times[0]! ? copy(states[k]!.without) : undefined;
  let i = k * CHECKPOINT_EVERY_CHANGES;
  return times.map((t) => {
    for (; i < changes.length && changes[i]!.occurredAt <= t; i++) {
      applyChange(withBaseline, changes[i]!);
      if (without) applyChange(without, changes[i]!);
    }
    const state = without && lastStart > t ? withLateBaselines(withBaseline, without, baseline, t) : withBaseline;
    const row: Record<string, number> = {};
    for (const [place, holding] of state) if (counts(place)) row[holding.faction] = (row[holding.faction] ?? 0) + 1;
    return row;
  });
}

/**
 * controlAt for changes already sorted by compareControlChanges (no copy, no sort); `keep` picks the
 * changes that count (e.g. those known at a time) without building a filtered list.
 */
export function controlAtSorted<C extends ControlChange>(
  baseline: readonly BaselineHolding[],
  sortedChanges: readonly C[],
  at: number,
  keep: (change: C) => boolean = () => true,
): PlaceControl[] {
  // As controlAt: a baseline holding counts only once it has started.
  const state = baselineState(baseline.filter((b) => b.since <= at));
  const n = countUpTo(sortedChanges, at);
  for (let i = 0; i < n; i++) {
    const change = sortedChanges[i]!;
    if (keep(change)) applyChange(state, change);
  }
  return toControl(state);
}

/** Sorted changes split by place (each list still in compareControlChanges order). */
export function changesByPlace<C extends ControlChange>(sortedChanges: readonly C[]): Map<string, C[]> {
  const byPlace = new Map<string, C[]>();
  for (const change of sortedChanges) {
    const list = byPlace.get(change.place);
    if (list) list.push(change);
    else byPlace.set(change.place, [change]);
  }
  return byPlace;
}

/**
 * Where a fold of one place's first `n` changes may start: walking back over the current holder's run
 * (its kept uncontested changes of one faction, and the contested ones among them), the kept uncontested
 * change before it, of another faction. The place's state after that change no longer depends on what
 * came before. Undefined when the run reaches back to the first change (or to `floor`, when no change
 * before it is kept).
 */
export function holderRunStart<C extends ControlChange>(changes: readonly C[], n: number, keep: (change: C) => boolean, floor = 0): number | undefined {
  let runFaction: string | undefined;
  for (let i = n - 1; i >= floor; i--) {
    const change = changes[i]!;
    if (!keep(change) || change.contested) continue;
    if (runFaction === undefined) runFaction = change.faction;
    else if (change.faction !== runFaction) return i;
  }
  return undefined;
}

/**
 * controlAtByPlace where the lists of the places in `partial` hold only their newest changes up to
 * `at` (complete from their oldest instant on): exact when each such list reaches back past its
 * holder's run start (holderRunStart); undefined when one does not, and the whole history is needed.
 */
export function controlAtFromRecent<C extends ControlChange>(
  baseline: readonly BaselineHolding[],
  byPlace: ReadonlyMap<string, readonly C[]>,
  at: number,
  partial: ReadonlySet<string>,
  keep: (change: C) => boolean = () => true,
): PlaceControl[] | undefined {
  for (const place of partial) {
    const changes = byPlace.get(place) ?? [];
    if (holderRunStart(changes, countUpTo(changes, at), keep) === undefined) return undefined;
  }
  return controlAtByPlace(baseline, byPlace, at, keep);
}

/**
 * controlAtSorted, place by place from the end: for each place it walks back from `at` over the kept
 * changes only until the holder's run started (the last kept uncontested change of another faction),
 * then folds forward from there. A place's state after that change no longer depends on what came
 * before it, so the result equals the full fold while reading a few changes per place, not the whole
 * history ("what we knew then" over a million events). `keptFrom`: the index in a place's list before
 * which `keep` keeps nothing, where the walk back may stop (what we knew before a late import: without
 * it, the walk crossed every change the import brought, none of them known then).
 */
export function controlAtByPlace<C extends ControlChange>(
  baseline: readonly BaselineHolding[],
  byPlace: ReadonlyMap<string, readonly C[]>,
  at: number,
  keep: (change: C) => boolean = () => true,
  keptFrom: (changes: readonly C[]) => number = () => 0,
): PlaceControl[] {
  const started = new Map(baseline.filter((b) => b.since <= at).map((b) => [b.place, b]));
  const state: State = new Map();
  for (const place of new Set([...started.keys(), ...byPlace.keys()])) {
    const changes = byPlace.get(place) ?? [];
    const n = countUpTo(changes, at);
    // No change before `floor` is kept: the walk back stops there, and a fold from it starts at the baseline.
    const floor = Math.min(keptFrom(changes), n);
    const from = holderRunStart(changes, n, keep, floor) ?? floor;
    const holdings: State = new Map();
    const base = from === floor ? started.get(place) : undefined;
    if (base) holdings.set(place, { faction: base.faction, since: base.since, attacker: undefined });
    for (let i = from; i < n; i++) {
      const change = changes[i]!;
      if (keep(change)) applyChange(holdings, change);
    }
    const holding = holdings.get(place);
    if (holding) state.set(place, holding);
  }
  return toControl(state);
}
