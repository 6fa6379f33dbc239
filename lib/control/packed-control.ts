/**
 * Control state as a page's first render carries it. `GET /api/control` answers one object per place
 * ({place, faction, since, contested, attacker?}: ~110 bytes each once the page's payload has quoted
 * it); a situation whose every town has a holder (Ukraine: ~3,900) made that alone ~430 KB of the page.
 * Packed, a place is one short row, the factions and times it repeats named once: ~25 bytes.
 * Lossless: `unpackControl(packControl(s))` equals `s` (unit-tested).
 */
import { listEntry, listIndexer } from "../packing/string-lists";
import type { ControlState, PlaceControl } from "../schemas/control";

/** [place, faction, since] or, when contested, [place, faction, since, attacker] (-1: no attacker named); indexes into `factions` and `since`. */
export type PackedControlRow = [place: string, faction: number, since: number] | [place: string, faction: number, since: number, attacker: number];

export interface PackedControl {
  at: string;
  known?: string;
  factions: string[];
  since: string[];
  rows: PackedControlRow[];
}

const NO_ATTACKER = -1;

export function packControl(state: ControlState): PackedControl {
  const factions: string[] = [];
  const since: string[] = [];
  const indexIn = listIndexer();
  const rows = state.places.map((p): PackedControlRow => {
    const row: PackedControlRow = [p.place, indexIn(factions, p.faction), indexIn(since, p.since)];
    return p.contested ? [...row, p.attacker === undefined ? NO_ATTACKER : indexIn(factions, p.attacker)] : row;
  });
  return { at: state.at, ...(state.known !== undefined ? { known: state.known } : {}), factions, since, rows };
}

const entry = (list: readonly string[], index: number) => listEntry(list, index, "packed control");

export function unpackControl(packed: PackedControl): ControlState {
  const places = packed.rows.map(([place, faction, since, attacker]): PlaceControl => {
    const holding: PlaceControl = { place, faction: entry(packed.factions, faction), since: entry(packed.since, since), contested: attacker !== undefined };
    if (attacker !== undefined && attacker !== NO_ATTACKER) holding.attacker = entry(packed.factions, attacker);
    return holding;
  });
  return { at: packed.at, ...(packed.known !== undefined ? { known: packed.known } : {}), places };
}
