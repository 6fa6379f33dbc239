/**
 * The drawn snapshots kept in memory (issue #17: "cached per view, time, language, theme, size,
 * region, known"): a least-recently-used map of at most SNAPSHOTS_KEPT pictures per process. The key
 * (snapshot-key.ts) holds the situation's feed position, so a new report is never answered with a
 * picture from before it; old keys simply age out. Bounded in count and in bytes.
 */

/** Pictures kept: a 1200×800 PNG of the map is ~180 KB. */
export const SNAPSHOTS_KEPT = 64;
/** And at most this many bytes of them (64 pictures of 2400×2400 would be several times more). */
export const SNAPSHOT_BYTES_KEPT = 32 * 2 ** 20;

export interface DrawnSnapshot {
  body: Buffer;
  contentType: string;
  etag: string;
}

export class SnapshotCache {
  private readonly entries = new Map<string, DrawnSnapshot>();
  private bytes = 0;

  constructor(
    private readonly capacity = SNAPSHOTS_KEPT,
    private readonly maxBytes = SNAPSHOT_BYTES_KEPT,
  ) {}

  get(key: string): DrawnSnapshot | undefined {
    const found = this.entries.get(key);
    if (found) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, value: DrawnSnapshot): void {
    this.drop(key);
    this.entries.set(key, value);
    this.bytes += value.body.length;
    // The least recently used go first; the newest stays even when it alone is over the byte bound.
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.bytes > this.maxBytes)) this.drop(this.entries.keys().next().value!);
  }

  private drop(key: string): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.bytes -= found.body.length;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
