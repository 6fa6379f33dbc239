import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../../lib/schemas/feed";
import { FeedHub, GAP_FILL_DELAY_MS, type FeedClient, type FeedSource } from "./feed-hub";

const entry = (seq: number): FeedEntry => ({
  seq,
  kind: "report.published",
  at: "2024-12-07T10:00:00.000Z",
  situation: "syria",
  report: { id: `r${seq}` } as FeedEntry["report"],
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A database whose reads can be held open, to interleave them with live publishes. */
class FakeFeed implements FeedSource {
  committed: FeedEntry[] = [];
  private held: (() => void)[] = [];
  holdReads = false;
  /** A held read answers what was committed when it started (a statement's snapshot), not when released. */
  snapshotAtStart = false;
  commit(...seqs: number[]) {
    this.committed.push(...seqs.map(entry));
  }
  async readAfter(after: number, limit: number): Promise<FeedEntry[]> {
    const atStart = this.committed.filter((e) => e.seq > after).slice(0, limit);
    if (this.holdReads) await new Promise<void>((resolve) => this.held.push(resolve));
    return this.snapshotAtStart ? atStart : this.committed.filter((e) => e.seq > after).slice(0, limit);
  }
  release() {
    this.holdReads = false;
    this.held.splice(0).forEach((resolve) => resolve());
  }
}

function fixture(lastSeq: number) {
  const db = new FakeFeed();
  db.commit(...range(1, lastSeq));
  const room: { received: number[] } = { received: [] };
  const members = new Set<TestClient>();
  const hub = new FeedHub(db, (e) => members.forEach((m) => m.received.push(e.seq)), lastSeq);
  class TestClient implements FeedClient {
    received: number[] = [];
    live = false;
    connected = true;
    pageSize = 1000;
    /** With `holdDrains`, each `drained()` waits until the test calls `take()`. */
    holdDrains = false;
    private taking: (() => void)[] = [];
    send(e: FeedEntry) {
      this.received.push(e.seq);
    }
    drained() {
      return this.holdDrains ? new Promise<void>((resolve) => this.taking.push(resolve)) : Promise.resolve();
    }
    /** The client took what it was sent. */
    take() {
      this.taking.splice(0).forEach((resolve) => resolve());
    }
    get waitingForDrain() {
      return this.taking.length > 0;
    }
    goLive() {
      this.live = true;
      members.add(this);
    }
  }
  return { db, hub, room, client: () => new TestClient() };
}

describe("FeedHub", () => {
  it("broadcasts entries strictly in seq order, holding early arrivals", () => {
    const { hub, client } = fixture(0);
    const c = client();
    void hub.attach(c, undefined);
    hub.publish(entry(2));
    expect(c.received).toEqual([]);
    hub.publish(entry(1));
    hub.publish(entry(1)); // a duplicate publish is ignored
    expect(c.received).toEqual([1, 2]);
  });

  it("fills a gap from the database when a publish never comes", async () => {
    const { db, hub, client } = fixture(3);
    const c = client();
    await hub.attach(c, undefined);
    db.commit(4, 5); // 4 committed by another writer whose publish is lost
    hub.publish(entry(5));
    expect(c.received).toEqual([]);
    await sleep(GAP_FILL_DELAY_MS + 100);
    expect(c.received).toEqual([4, 5]);
  });

  it("catches a client up while entries are published, without gap or duplicate", async () => {
    const { db, hub, client } = fixture(5);
    db.holdReads = true;
    const c = client();
    const attached = hub.attach(c, 2);
    // While the backlog read is in flight, 6 and 7 commit and are broadcast.
    db.commit(6, 7);
    hub.publish(entry(6));
    hub.publish(entry(7));
    db.release();
    await attached;
    hub.publish(entry(8));
    db.commit(8);
    expect(c.received).toEqual([3, 4, 5, 6, 7, 8]);
    expect(c.live).toBe(true);
  });

  it("gets entries broadcast while its last read was in flight (and missing from that read) from its buffer", async () => {
    const { db, hub, client } = fixture(25);
    db.snapshotAtStart = true;
    const c = client();
    c.pageSize = 10;
    c.holdDrains = true;
    const attached = hub.attach(c, 0);
    await sleep(10);
    c.take();
    await sleep(10);
    db.holdReads = true;
    c.take(); // the third read (21..25, the last page) starts and is held
    await sleep(10);
    db.commit(26, 27);
    hub.publish(entry(26));
    hub.publish(entry(27));
    db.release();
    await attached;
    expect(c.received).toEqual(range(1, 27));
    expect(c.live).toBe(true);
  });

  it("waits for the broadcast to reach what the database already showed the client", async () => {
    const { db, hub, client } = fixture(3);
    db.commit(4); // committed, its publish not yet run
    const c = client();
    const attached = hub.attach(c, 0);
    await sleep(10);
    expect(c.received).toEqual([1, 2, 3, 4]);
    expect(c.live).toBe(false); // joining now would send 4 again
    hub.publish(entry(4));
    await attached;
    hub.publish(entry(5));
    expect(c.received).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads long backlogs in batches", async () => {
    const { hub, client } = fixture(2500);
    const c = client();
    await hub.attach(c, 0);
    expect(c.received).toEqual(range(1, 2500));
  });

  it("sends catch-up a page at a time, the next once the client took the previous one", async () => {
    const { hub, client } = fixture(25);
    const c = client();
    c.pageSize = 10;
    c.holdDrains = true;
    const attached = hub.attach(c, 0);
    await sleep(10);
    expect(c.received).toEqual(range(1, 10));
    expect(c.waitingForDrain).toBe(true);
    c.take();
    await sleep(10);
    expect(c.received).toEqual(range(1, 20));
    c.take();
    await attached; // 21..25 is a short page: the last, so no wait
    expect(c.received).toEqual(range(1, 25));
    expect(c.live).toBe(true);
  });

  it("brings a client that takes its pages slowly to live without gap or duplicate while entries are published", async () => {
    const { db, hub, client } = fixture(30);
    const c = client();
    c.pageSize = 10;
    c.holdDrains = true;
    const attached = hub.attach(c, 5);
    let seq = 30;
    while (!c.live) {
      await sleep(5);
      // Entries committed and broadcast while the client holds a page, some published out of order.
      db.commit(seq + 1, seq + 2);
      hub.publish(entry(seq + 2));
      hub.publish(entry(seq + 1));
      seq += 2;
      if (seq > 90) c.holdDrains = false;
      c.take();
    }
    await attached;
    db.commit(seq + 1);
    hub.publish(entry(seq + 1));
    expect(c.received).toEqual(range(6, seq + 1));
  });

  it("stops for a client that disconnected while taking a page", async () => {
    const { hub, client } = fixture(30);
    const c = client();
    c.pageSize = 10;
    c.holdDrains = true;
    const attached = hub.attach(c, 0);
    await sleep(10);
    c.connected = false;
    c.take();
    await attached;
    expect(c.received).toEqual(range(1, 10));
    expect(c.live).toBe(false);
  });

  it("does nothing more for a client that disconnected during catch-up", async () => {
    const { db, hub, client } = fixture(3);
    db.holdReads = true;
    const c = client();
    const attached = hub.attach(c, 0);
    c.connected = false;
    db.release();
    await attached;
    expect(c.received).toEqual([]);
    expect(c.live).toBe(false);
  });
});
