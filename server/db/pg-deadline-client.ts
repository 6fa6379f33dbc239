/**
 * The pg Client the PostgreSQL pool makes (pg Pool's `Client` option). pg's `query_timeout` answers the
 * caller but leaves the timed-out query active on its connection, so everything queued behind it on
 * that connection (a transaction's ROLLBACK, the next request given the pooled client) waits for the
 * same deadline again: measured behind a partition, a post took 12 s (BEGIN, then ROLLBACK) instead of
 * 6 s. A connection that stayed silent past the deadline is presumed dead: this client closes its
 * socket at once, which fails the queued queries with "Connection terminated" and makes the pool drop
 * the client instead of handing it out again.
 *
 * A connection found silent also opens a circuit breaker: for the next BREAK_MS every new connection and
 * query of this process fails at once, before anything is sent (so nothing can be stored), instead of
 * each waiting out its own deadline: a request that reads several times would otherwise take one deadline
 * per read (measured: up to 15 s behind a partition). One attempt per PROBE_MS still goes through; the
 * first success closes the breaker.
 */
import pg from "pg";

const isReadTimeout = (error: unknown) => error instanceof Error && error.message === "Query read timeout";

/** The breaker's error; server/db/errors.ts reads it as unreachable before anything was sent. */
export const CIRCUIT_OPEN_MESSAGE = "DatabaseCircuitOpen: the database went silent moments ago; not tried again yet";

export class ConnectionBreaker {
  static readonly BREAK_MS = 5_000;
  static readonly PROBE_MS = 1_000;
  private openUntil = 0;
  private lastProbe = -Infinity;

  constructor(private readonly clock: () => number = Date.now) {}

  /** A connection went silent past its deadline. */
  trip(): void {
    this.openUntil = this.clock() + ConnectionBreaker.BREAK_MS;
  }

  succeeded(): void {
    this.openUntil = 0;
  }

  /** Whether an attempt may go to the database now: always while closed, one per PROBE_MS while open. */
  allows(): boolean {
    const now = this.clock();
    if (now >= this.openUntil) return true;
    if (now - this.lastProbe < ConnectionBreaker.PROBE_MS) return false;
    this.lastProbe = now;
    return true;
  }
}

/** One per process: every pooled connection goes to the same database. */
export const breaker = new ConnectionBreaker();
const circuitOpen = () => new Error(CIRCUIT_OPEN_MESSAGE);

type Callback = (error: unknown, result?: unknown) => void;

export class DeadlineClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // The closed socket's error reaches whoever listens (the pool, the adapter); never crash on it.
    this.on("error", () => {});
  }
}

const dropConnection = (client: pg.Client) => client.connection.stream.destroy();

const baseConnect = pg.Client.prototype.connect as (this: pg.Client, callback?: (error: Error | null) => void) => Promise<void> | undefined;
/** New connections wait on the breaker too (pg's Pool connects a new client with a callback). */
DeadlineClient.prototype.connect = function (this: DeadlineClient, callback?: (error: Error | null) => void): Promise<void> | undefined {
  if (!breaker.allows()) {
    if (callback) return void process.nextTick(callback, circuitOpen());
    return Promise.reject(circuitOpen());
  }
  const settle = (error: Error | null | undefined) => (error ? breaker.trip() : breaker.succeeded());
  if (callback) return baseConnect.call(this, (error) => (settle(error), callback(error)));
  const connected = baseConnect.call(this);
  connected?.then(
    () => settle(null),
    (error: Error) => settle(error),
  );
  return connected;
} as typeof pg.Client.prototype.connect;

const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
DeadlineClient.prototype.query = function (this: DeadlineClient, ...args: unknown[]): unknown {
  const last = args.at(-1);
  if (!breaker.allows()) {
    if (typeof last === "function") return void process.nextTick(last, circuitOpen());
    return Promise.reject(circuitOpen());
  }
  if (typeof last === "function") {
    // Callback form (the pool's own `query`): the caller releases the client first, then the socket closes.
    const callback = last as Callback;
    args[args.length - 1] = (error: unknown, result?: unknown) => {
      if (!error) breaker.succeeded();
      callback(error, result);
      if (isReadTimeout(error)) {
        breaker.trip();
        dropConnection(this);
      }
    };
    return baseQuery.apply(this, args);
  }
  const result = baseQuery.apply(this, args);
  if (result instanceof Promise) {
    result.then(
      () => breaker.succeeded(),
      (error: unknown) => {
        if (isReadTimeout(error)) {
          breaker.trip();
          dropConnection(this);
        }
      },
    );
  }
  return result;
} as typeof pg.Client.prototype.query;
