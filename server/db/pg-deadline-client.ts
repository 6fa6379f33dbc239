/**
 * The pg Client the PostgreSQL pool makes (pg Pool's `Client` option). pg's `query_timeout` answers the
 * caller but leaves the timed-out query active on its connection, so everything queued behind it on
 * that connection (a transaction's ROLLBACK, the next request given the pooled client) waits for the
 * same deadline again: measured behind a partition, a post took 12 s (BEGIN, then ROLLBACK) instead of
 * 6 s. A connection that stayed silent past the deadline is presumed dead: this client closes its
 * socket at once, which fails the queued queries with "Connection terminated" and makes the pool drop
 * the client instead of handing it out again.
 */
import pg from "pg";

const isReadTimeout = (error: unknown) => error instanceof Error && error.message === "Query read timeout";

type Callback = (error: unknown, result?: unknown) => void;

export class DeadlineClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // The closed socket's error reaches whoever listens (the pool, the adapter); never crash on it.
    this.on("error", () => {});
  }
}

const dropConnection = (client: pg.Client) => client.connection.stream.destroy();

const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
DeadlineClient.prototype.query = function (this: DeadlineClient, ...args: unknown[]): unknown {
  const last = args.at(-1);
  if (typeof last === "function") {
    // Callback form (the pool's own `query`): the caller releases the client first, then the socket closes.
    const callback = last as Callback;
    args[args.length - 1] = (error: unknown, result?: unknown) => {
      callback(error, result);
      if (isReadTimeout(error)) dropConnection(this);
    };
    return baseQuery.apply(this, args);
  }
  const result = baseQuery.apply(this, args);
  if (result instanceof Promise) {
    result.catch((error: unknown) => {
      if (isReadTimeout(error)) dropConnection(this);
    });
  }
  return result;
} as typeof pg.Client.prototype.query;
