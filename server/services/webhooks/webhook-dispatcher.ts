/**
 * Delivers webhooks (issue #17, docs/decisions/0026-webhooks.md). The outbox is the situation's feed
 * itself: its entries are committed in the report's own transaction, so nothing acknowledged can be
 * missing from it, and each webhook keeps a cursor (the last seq it has finished with) in the main
 * database. One loop per webhook reads the entries after its cursor, passes over those its filter does
 * not want, POSTs the others one at a time in seq order, and moves the cursor only after a 2xx: at least
 * once, in order, across restarts. A failure waits (backoff.ts) and tries the same entry again; other
 * webhooks go on. Posting never waits for any of it: a commit only wakes the loops of its situation.
 * Several nodes: a lease on the webhook's row lets one node deliver it at a time.
 */
import { randomUUID } from "node:crypto";
import { eventPlaceRefs } from "../../../lib/events/event-kinds";
import { retryDelayMs } from "../../../lib/webhooks/backoff";
import { signBody } from "../../../lib/webhooks/signature";
import type { FeedEntry } from "../../../lib/schemas/feed";
import { WEBHOOK_SIGNATURE_HEADER, type WebhookFilter, type WebhookPayload } from "../../../lib/schemas/webhooks";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { readFeedAfter } from "../feed/internal/read-feed";
import { situationContext } from "../situations/situation-context";
import { postDelivery } from "./internal/post-delivery";
import { entryMatches } from "./internal/webhook-filter";

/** How often the list of webhooks is read again (created or deleted on any node) and every loop looks for entries. */
export const WEBHOOK_POLL_MS = 2_000;
/** How long a node holds a webhook it delivers; renewed at every step. */
const LEASE_MS = 30_000;
/** Entries read per step. */
const PAGE = 100;
/** Attempts kept per webhook for `GET /api/webhooks/:id/deliveries`. */
export const DELIVERIES_KEPT = 100;
/** After an unexpected failure (the database unreachable): wait, then start the step again. */
const ERROR_WAIT_MS = 5_000;

interface WebhookRow {
  id: string;
  url: string;
  situation: string;
  filter: unknown;
  secret: string;
  cursor: number;
  failures: number;
  nextAttemptAt: Date | null;
}

/** One attempt, as kept in WebhookDelivery. */
interface DeliveryRecord {
  id: string;
  webhookId: string;
  seq: number;
  kind: string;
  reportId: string;
  at: Date;
  attempt: number;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export class WebhookDispatcher {
  private readonly loops = new Map<string, WebhookLoop>();
  private readonly regions = new Map<string, { at: number; map: Map<string, string | null> }>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly root: AppContext) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), WEBHOOK_POLL_MS);
    this.timer.unref();
  }

  /** A commit in `situation`: its webhooks look for the new entries now. */
  wake(situation: string): void {
    for (const loop of this.loops.values()) if (loop.situation === situation) loop.wake();
  }

  /** Starts loops for new webhooks, stops those of deleted ones, and wakes the rest (other nodes' commits). */
  async refresh(): Promise<void> {
    if (this.stopped) return;
    let rows: { id: string; situation: string }[];
    try {
      rows = await this.root.accounts.webhook.findMany({ select: { id: true, situation: true } });
    } catch {
      return; // the database is down: the loops wait too; the next refresh tries again
    }
    const ids = new Set(rows.map((row) => row.id));
    for (const [id, loop] of this.loops) {
      if (ids.has(id)) continue;
      void loop.stop();
      this.loops.delete(id);
    }
    for (const row of rows) {
      const loop = this.loops.get(row.id);
      if (loop) loop.wake();
      else if (!this.stopped) {
        const made = new WebhookLoop(row.id, row.situation, this.root, this);
        this.loops.set(row.id, made);
        void made.run().finally(() => this.loops.get(row.id) === made && this.loops.delete(row.id));
      }
    }
  }

  /** Which region each place of a situation is in (read again when a place is new to it). */
  async regionOf(db: Db, situation: string, places: string[]): Promise<(place: string) => string | null | undefined> {
    let cached = this.regions.get(situation);
    if (!cached || (places.some((p) => !cached!.map.has(p)) && Date.now() - cached.at > 1_000)) {
      const rows = await db.place.findMany({ select: { slug: true, regionSlug: true } });
      cached = { at: Date.now(), map: new Map(rows.map((row) => [row.slug, row.regionSlug])) };
      this.regions.set(situation, cached);
    }
    const map = cached.map;
    return (place) => map.get(place);
  }

  /** Stops every loop (a POST under way is cut off, and retried after the restart) and waits for them to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    const running = [...this.loops.values()].map((loop) => loop.stop());
    this.loops.clear();
    await Promise.all(running);
  }
}

class WebhookLoop {
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  private woken = false;
  private wakeUp: (() => void) | null = null;
  private readonly owner: string;

  constructor(
    readonly id: string,
    readonly situation: string,
    private readonly root: AppContext,
    private readonly dispatcher: WebhookDispatcher,
  ) {
    this.owner = `${root.nodeName}#${randomUUID().slice(0, 8)}`;
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake();
    return this.running;
  }

  run(): Promise<void> {
    this.running = this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let wait: number;
      try {
        wait = await this.step();
      } catch (error) {
        if (this.stopped) break;
        this.root.log.error("webhook delivery step failed", { webhook: this.id, error: String(error) });
        wait = ERROR_WAIT_MS;
      }
      if (wait > 0) await this.sleep(wait);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** One pass over the entries after the cursor; returns how long to wait before the next (0: go on at once). */
  private async step(): Promise<number> {
    const accounts = this.root.accounts;
    const now = this.root.now();
    const hook: WebhookRow | null = await accounts.webhook.findUnique({ where: { id: this.id } });
    if (!hook) {
      this.stopped = true;
      return 0;
    }
    if (hook.nextAttemptAt && hook.nextAttemptAt > now) return hook.nextAttemptAt.getTime() - now.getTime();
    const leased = await accounts.webhook.updateMany({
      where: { id: this.id, OR: [{ leaseOwner: null }, { leaseOwner: this.owner }, { leaseUntil: { lt: now } }] },
      data: { leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (leased.count === 0) return LEASE_MS / 2; // another node delivers it

    const ctx = await situationContext(this.root, hook.situation);
    const entries = await readFeedAfter(ctx.db, hook.situation, hook.cursor, PAGE);
    if (entries.length === 0) return WEBHOOK_POLL_MS * 15;
    const filter = hook.filter as WebhookFilter;
    const places = entries.flatMap((entry) => entry.report.events.flatMap((event) => eventPlaceRefs(event).map((ref) => ref.slug)));
    const regionOf = filter.region ? await this.dispatcher.regionOf(ctx.db, hook.situation, places) : () => null;

    let cursor = hook.cursor;
    const saveCursor = async () => {
      if (cursor !== hook.cursor) await accounts.webhook.update({ where: { id: this.id }, data: { cursor } });
      hook.cursor = cursor;
    };
    for (const entry of entries) {
      if (this.stopped) break;
      const wanted =
        entryMatches(entry, filter, regionOf) ||
        (await accounts.webhookReport.findUnique({ where: { webhookId_reportId: { webhookId: this.id, reportId: entry.report.id } } })) !== null;
      if (!wanted) {
        cursor = entry.seq;
        continue;
      }
      await saveCursor();
      const attempt = await this.attempt(hook, entry);
      if (!attempt) return 0; // cut off by the shutdown: not an attempt of the receiver's
      // The attempt's record and what it changes (the cursor, or the failure count) are written
      // together: whoever lists the deliveries and then the webhook never sees one without the other.
      if (attempt.error !== null) {
        const failures = hook.failures + 1;
        const delay = retryDelayMs(failures);
        await accounts.$transaction([
          accounts.webhookDelivery.create({ data: attempt }),
          accounts.webhook.update({ where: { id: this.id }, data: { failures, nextAttemptAt: new Date(this.root.now().getTime() + delay) } }),
        ]);
        await this.pruneDeliveries();
        return delay;
      }
      cursor = entry.seq;
      hook.failures = 0;
      await accounts.$transaction([
        accounts.webhookDelivery.create({ data: attempt }),
        accounts.webhook.update({ where: { id: this.id }, data: { cursor, failures: 0, nextAttemptAt: null } }),
        accounts.webhookReport.upsert({
          where: { webhookId_reportId: { webhookId: this.id, reportId: entry.report.id } },
          create: { webhookId: this.id, reportId: entry.report.id },
          update: {},
        }),
      ]);
      hook.cursor = cursor;
      await this.pruneDeliveries();
    }
    await saveCursor();
    return entries.length === PAGE ? 0 : WEBHOOK_POLL_MS * 15;
  }

  /** One attempt at one entry: the record to keep among the webhook's last deliveries, or null if the shutdown cut it off. */
  private async attempt(hook: WebhookRow, entry: FeedEntry): Promise<DeliveryRecord | null> {
    const payload: WebhookPayload = {
      id: `${entry.situation}:${entry.seq}`,
      situation: entry.situation,
      seq: entry.seq,
      kind: entry.kind,
      report: entry.report,
    };
    const body = JSON.stringify(payload);
    const deliveryId = randomUUID();
    const outcome = await postDelivery(
      hook.url,
      body,
      { [WEBHOOK_SIGNATURE_HEADER]: signBody(hook.secret, body), "X-Situation-Delivery": deliveryId, "X-Situation-Seq": String(entry.seq) },
      { allowHosts: this.root.env.WEBHOOK_ALLOW_HOSTS, timeoutMs: this.root.env.WEBHOOK_TIMEOUT_S * 1000, signal: this.abort.signal },
    );
    if (this.stopped) return null;
    return {
      id: deliveryId,
      webhookId: hook.id,
      seq: entry.seq,
      kind: entry.kind,
      reportId: entry.report.id,
      at: this.root.now(),
      attempt: hook.failures + 1,
      status: outcome.status,
      error: outcome.error,
      durationMs: outcome.durationMs,
    };
  }

  /** Keeps the last DELIVERIES_KEPT attempts. */
  private async pruneDeliveries(): Promise<void> {
    const accounts = this.root.accounts;
    const old = await accounts.webhookDelivery.findMany({
      where: { webhookId: this.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: DELIVERIES_KEPT,
      select: { id: true },
    });
    if (old.length > 0) await accounts.webhookDelivery.deleteMany({ where: { id: { in: old.map((row) => row.id) } } });
  }
}
