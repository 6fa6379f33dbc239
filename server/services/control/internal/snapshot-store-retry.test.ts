/**
 * A snapshot store that fails (a full or read-only disk) is not tried again on every request for a while:
 * each try encodes the whole index on the request thread (decision 0031).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../../db/client";
import { controlIndex, markControlIndexKeeper, SNAPSHOT_EVERY_ENTRIES } from "./control-index";

/** A database with no control changes whose feed moves by `seq`, on which every write fails. */
function failingDisk() {
  const state = { seq: 0, writes: 0 };
  const db = {
    feedCounter: { findUnique: async () => ({ value: state.seq }) },
    feedEntry: { findMany: async () => [] },
    $queryRaw: async () => [],
    $executeRaw: async () => {
      state.writes++;
      throw new Error("SQLITE_FULL: database or disk is full");
    },
  } as unknown as Db;
  return { db, state };
}

const turn = () => new Promise((resolve) => setImmediate(resolve)).then(() => new Promise((resolve) => setImmediate(resolve)));

afterEach(() => {
  vi.restoreAllMocks();
});

describe("storing the control index's snapshot", () => {
  it("after a failed store, waits a minute before the next try however many requests catch up", async () => {
    const { db, state } = failingDisk();
    let now = Date.parse("2026-12-03T10:00:00Z");
    vi.spyOn(Date, "now").mockImplementation(() => now);
    markControlIndexKeeper(db);

    // Read whole (nothing stored yet): stored after the read, which fails.
    await controlIndex(db);
    await turn();
    expect(state.writes).toBe(1);

    // The feed moves far enough for a new store, on every request: none is tried within the minute.
    for (let i = 1; i <= 3; i++) {
      state.seq = i * SNAPSHOT_EVERY_ENTRIES;
      await controlIndex(db);
      await turn();
    }
    expect(state.writes).toBe(1);

    now += 61_000;
    state.seq += SNAPSHOT_EVERY_ENTRIES;
    await controlIndex(db);
    await controlIndex(db);
    await turn();
    expect(state.writes).toBe(2);
  });
});
