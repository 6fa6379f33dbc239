/**
 * Socket.IO on the app's HTTP server: checks the Origin, counts sockets per client address,
 * authenticates the handshake, validates `auth.after` and `auth.situation`, and hands each connection to
 * its situation's FeedHub (situation-feeds.ts), which
 * sends catch-up a page at a time as the client takes it. Sockets whose output backs up are dropped
 * (socket-output.ts). No business rules here.
 */
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { rooms, type ClientToServerEvents, type ServerToClientEvents, type SocketData, type SocketRefusal } from "../../lib/contract/realtime";
import { socketAuthSchema } from "../../lib/schemas/feed";
import { credentialsFrom } from "../auth/credentials";
import { findActor } from "../auth/sessions";
import type { AppContext } from "../context";
import { readLastSeq } from "../services/feed/internal/read-feed";
import { isAppError } from "../errors";
import { situationContext } from "../services/situations/situation-context";
import type { SituationFeeds } from "./situation-feeds";
import { isAllowedOrigin } from "../http/origin";
import { clientAddress } from "../http/client-address";
import { AddressLimit } from "./address-limit";
import { coalesceFlushedFrames } from "./coalesce-frames";
import { catchUpPageSize, limitSocketOutput, whenDrained, type EngineConnection } from "./socket-output";

/** Clients send nothing but the handshake: keep the largest accepted message small. */
export const SOCKET_MAX_MESSAGE_BYTES = 16 * 1024;

export type FeedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function refusal(code: SocketRefusal, message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

/** setTimeout's longest delay (~24.8 days); longer-lived tokens are re-armed when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

/** A socket lives no longer than the session or token it authenticated with. */
function closeAtExpiry(socket: FeedSocket, expiresAt: Date, ctx: AppContext): void {
  const arm = () => {
    const remainingMs = expiresAt.getTime() - ctx.now().getTime();
    if (remainingMs <= 0) return socket.disconnect(true);
    timer = setTimeout(arm, Math.min(remainingMs, MAX_TIMER_MS));
    timer.unref();
  };
  let timer: NodeJS.Timeout | undefined;
  arm();
  socket.once("disconnect", () => clearTimeout(timer));
}

export function createSocketServer(httpServer: HttpServer, ctx: AppContext, feeds: SituationFeeds): FeedServer {
  const io: FeedServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES,
    // Other upgrades (Next's dev HMR) are handled by the app server.
    destroyUpgrade: false,
    allowRequest: (req: IncomingMessage, callback) => callback(null, isAllowedOrigin(req.headers.origin, req.headers.host, ctx.env)),
  });
  coalesceFlushedFrames(io.engine);
  const stopOutputLimits = limitSocketOutput(io.engine, {
    maxBytes: ctx.env.SOCKET_BUFFER_LIMIT_BYTES,
    stallMs: ctx.env.SOCKET_STALL_TIMEOUT_S * 1000,
    onDrop: (conn, reason, pendingBytes) =>
      ctx.log.info(
        reason === "buffer"
          ? "dropped a socket whose output backed up past SOCKET_BUFFER_LIMIT_BYTES"
          : "dropped a socket whose client took none of its output for SOCKET_STALL_TIMEOUT_S",
        {
          transport: conn.transport.name,
          pendingBytes,
        },
      ),
  });
  httpServer.once("close", stopOutputLimits); // io.close() closes the HTTP server
  const addressLimit = new AddressLimit(ctx.env.SOCKET_ADDRESS_LIMIT);
  const refusingAddresses = new Set<string>();

  // Counted from the start of the handshake until the engine.io connection closes: sockets and handshakes
  // in progress alike, and a refused handshake until its client closes the connection.
  io.use((socket, next) => {
    const address = clientAddress(socket.request, ctx.env);
    const release = addressLimit.acquire(address);
    if (!release) {
      if (!refusingAddresses.has(address))
        ctx.log.info("socket refused: its address is at SOCKET_ADDRESS_LIMIT", { address, limit: ctx.env.SOCKET_ADDRESS_LIMIT });
      refusingAddresses.add(address);
      return next(
        refusal("rate_limited", `Too many open connections from this address (at most ${ctx.env.SOCKET_ADDRESS_LIMIT}); close some or try again later.`),
      );
    }
    refusingAddresses.delete(address);
    // A connection already closed emits no "close" any more.
    if (socket.conn.readyState === "closed") {
      release();
      return next(refusal("invalid_request", "The connection closed during the handshake."));
    }
    socket.conn.once("close", release);
    next();
  });

  // The handshake's checks are async; the middleware itself returns nothing (it never rejects: errors become a refusal).
  const authenticate = async (socket: FeedSocket, next: (error?: Error) => void): Promise<void> => {
    try {
      const auth = socketAuthSchema.safeParse(socket.handshake.auth ?? {});
      if (!auth.success) {
        const issue = auth.error.issues[0]!;
        return next(refusal("invalid_request", `auth.${issue.path.join(".") || "after"} ${issue.message}`));
      }
      const credentials = auth.data.token ? { token: auth.data.token, via: "bearer" as const } : credentialsFrom({ cookie: socket.handshake.headers.cookie });
      const actor = credentials ? await findActor(ctx.accounts, credentials.token, credentials.via, ctx.now()) : null;
      // A token the client chose to send must work; a stale session cookie reads as anonymous (contract
      // v2 "Accounts"), so a public page opened with an old cookie still goes live.
      if (credentials?.via === "bearer" && !actor) return next(refusal("unauthorized", "The session or token is not valid (expired, signed out or disabled)."));
      if (!actor && !ctx.env.PUBLIC_READ) return next(refusal("unauthorized", "Sign in first: this server does not serve the feed publicly."));
      const situation = await situationContext(ctx, auth.data.situation).catch((error: unknown) => {
        if (isAppError(error) && error.code === "not_found") return null;
        throw error;
      });
      if (!situation)
        return next(refusal("invalid_request", `auth.situation '${auth.data.situation}' is not a situation's slug; GET /api/situations lists them.`));
      const after = auth.data.after;
      if (after !== undefined) {
        const lastSeq = await readLastSeq(situation.db);
        if (after > lastSeq)
          return next(refusal("invalid_request", `auth.after ${after} is ahead of the feed (last seq is ${lastSeq}); reconnect with a seq you received.`));
      }
      socket.data = { userId: actor?.id ?? null, sessionId: actor?.sessionId ?? null, role: actor?.role ?? "anonymous" };
      Object.assign(socket, { feedAfter: after, feedSituation: situation });
      if (actor?.expiresAt) closeAtExpiry(socket, actor.expiresAt, ctx);
      next();
    } catch (error) {
      ctx.log.error("socket handshake failed", { error: String(error) });
      next(refusal("invalid_request", "The connection could not be set up; try again."));
    }
  };
  io.use((socket, next) => void authenticate(socket, next));

  io.on("connection", (socket) => {
    // The handshake's request (headers, parser state: ~4 KB of heap) is needed by the middleware above only;
    // engine.io keeps it for the connection's life unless let go (Socket.IO's "Memory usage" guide).
    // socket.handshake keeps its own copy of the headers and address.
    (socket.conn as unknown as { request: IncomingMessage | null }).request = null;
    if (socket.data.userId) void socket.join(rooms.user(socket.data.userId));
    if (socket.data.sessionId) void socket.join(rooms.session(socket.data.sessionId));
    const { feedAfter: after, feedSituation: situation } = socket as FeedSocket & { feedAfter?: number; feedSituation: AppContext };
    // engine.io's Socket, seen through what socket-output.ts needs of it (its queue is private in the types).
    const conn = socket.conn as unknown as EngineConnection;
    const slug = situation.situation.slug;
    feeds
      .hub(slug, situation.db)
      .then((hub) =>
        hub.attach(
          {
            get connected() {
              return socket.connected;
            },
            get pageSize() {
              return catchUpPageSize(conn);
            },
            send: (entry) => socket.emit("feed", entry),
            drained: () => whenDrained(conn),
            goLive: (lastSeq) => {
              void socket.join(rooms.feed(slug));
              socket.emit("feed:live", { lastSeq });
            },
          },
          after,
        ),
      )
      .catch((error: unknown) => {
        ctx.log.error("feed catch-up failed; closing the socket so the client retries", { error: String(error) });
        socket.disconnect(true);
      });
  });

  return io;
}
