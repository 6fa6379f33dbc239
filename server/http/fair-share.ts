/**
 * Fair share for expensive reads (the statistics endpoints): no client address can take more than its
 * share of the server, however fast it loops.
 *
 * - Identical requests made at the same feed position are computed once: a second asker shares the
 *   running computation or, for up to RESULT_TTL_MS, its result (a new feed entry starts afresh).
 * - At most CONCURRENT computations run at once in all; the others wait in one queue per client address,
 *   and a free slot goes to the addresses in turn (round robin), so six clients looping from six
 *   addresses get a sixth each and a seventh asker waits for one turn, not for six queues.
 * - An address may have at most QUEUE_PER_ADDRESS requests waiting (then 429 with Retry-After; eight, so
 *   a few analysts behind one NAT opening the workbench at once still fit), and a
 *   request that waited WAIT_MAX_MS for a turn gives up with 503 busy: load sheds instead of piling up.
 */
import { requireReader } from "../auth/require-role";
import type { Actor } from "../auth/sessions";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import { readLastSeq } from "../services/feed/internal/read-feed";
import { CLIENT_IP_HEADER } from "./request-guard";

export const FAIR_SHARE = {
  CONCURRENT: 2,
  QUEUE_PER_ADDRESS: 8,
  WAIT_MAX_MS: 10_000,
  RESULT_TTL_MS: 30_000,
  RESULTS_KEPT: 64,
} as const;

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

export class FairShare {
  private running = 0;
  private readonly queues = new Map<string, Waiter[]>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly results = new Map<string, { value: unknown; at: number }>();

  constructor(
    private readonly limits: { [K in keyof typeof FAIR_SHARE]: number } = FAIR_SHARE,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs `compute` for `address` in its turn, or answers from a computation of the same `key`. */
  async run<T>(address: string, key: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.results.get(key);
    if (kept && this.clock() - kept.at < this.limits.RESULT_TTL_MS) return kept.value as T;
    const shared = this.inflight.get(key);
    if (shared) return shared as Promise<T>;
    const task = this.inTurn(address, compute).then((value) => {
      this.keep(key, value);
      return value;
    });
    this.inflight.set(key, task);
    try {
      return await task;
    } finally {
      this.inflight.delete(key);
    }
  }

  private keep(key: string, value: unknown): void {
    this.results.delete(key);
    this.results.set(key, { value, at: this.clock() });
    while (this.results.size > this.limits.RESULTS_KEPT) this.results.delete(this.results.keys().next().value!);
  }

  private async inTurn<T>(address: string, compute: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.CONCURRENT || this.queues.size > 0) await this.waitForTurn(address);
    else this.running++;
    try {
      return await compute();
    } finally {
      this.handOn();
    }
  }

  private waitForTurn(address: string): Promise<void> {
    const queue = this.queues.get(address) ?? [];
    if (queue.length >= this.limits.QUEUE_PER_ADDRESS) {
      return Promise.reject(new AppError("rate_limited", `Too many statistics requests at once from your address; try again in 1 s.`, [], 1));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const list = this.queues.get(address);
          const at = list?.indexOf(waiter) ?? -1;
          if (list && at >= 0) list.splice(at, 1);
          if (list?.length === 0) this.queues.delete(address);
          reject(new AppError("busy", "The server is busy computing statistics for others; try again shortly.", [], 2));
        }, this.limits.WAIT_MAX_MS),
      };
      queue.push(waiter);
      this.queues.set(address, queue);
    });
  }

  /** A computation ended: its slot goes to the address at the head of the rotation (then to the back). */
  private handOn(): void {
    const next = this.queues.entries().next().value;
    if (!next) {
      this.running--;
      return;
    }
    const [address, queue] = next;
    const waiter = queue.shift()!;
    this.queues.delete(address);
    if (queue.length > 0) this.queues.set(address, queue); // to the back of the rotation
    waiter.start();
  }
}

/**
 * A statistics read in its fair turn: the reader rule first (a kept result must not skip it), then keyed
 * by the path, the sorted query and the feed position, so a new entry is never answered from before it.
 */
export async function fairRead<T>(ctx: AppContext, actor: Actor | null, request: Request, compute: () => Promise<T>): Promise<T> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const url = new URL(request.url);
  return fairReadOf(ctx, request.headers.get(CLIENT_IP_HEADER) ?? "unknown", url.pathname, url.searchParams, compute);
}

/** The same for a page's server render: the key a request for `path?params` would have, so both share a result. */
export async function fairReadOf<T>(ctx: AppContext, address: string, path: string, params: URLSearchParams, compute: () => Promise<T>): Promise<T> {
  const sorted = new URLSearchParams(params);
  sorted.sort();
  const key = `${path}?${sorted.toString()}@${await readLastSeq(ctx.db)}`;
  return ctx.fairShare.run(address, key, compute);
}
