/**
 * Rate limits (rate-limiter-flexible): failed sign-ins per account and client address, and writes per
 * user. In memory on one node; in Redis when REDIS_URL is set, so that every node counts together
 * (with an in-memory limiter as insurance while Redis is unreachable). Over a limit: the contract's
 * 429 `rate_limited` with Retry-After. Decision record: docs/decisions/0011.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createClient } from "redis";
import type { Env } from "../env";
import { AppError } from "../errors";
import type { Logger } from "../logger";

export interface RateLimits {
  /**
   * Refuses (429) a sign-in for this account and address after too many recent failures, and any sign-in
   * from an address with too many failures over all accounts (a password spray from one address).
   */
  assertLoginAllowed(email: string, clientIp: string): Promise<void>;
  loginFailed(email: string, clientIp: string): Promise<void>;
  /** A successful sign-in clears the failures of that account and address. */
  loginSucceeded(email: string, clientIp: string): Promise<void>;
  /** Counts one write by this user; refuses (429) over the limit. */
  countWrite(userId: string): Promise<void>;
  /** Whether the limits' Redis answers a PING within REDIS_PING_TIMEOUT_MS ("not used" without REDIS_URL). */
  redisStatus(): Promise<"ok" | "down" | "not used">;
  close(): Promise<void>;
}

type LimitEnv = Pick<Env, "LOGIN_RATE_LIMIT" | "LOGIN_ADDRESS_RATE_LIMIT" | "LOGIN_RATE_WINDOW_S" | "WRITE_RATE_LIMIT" | "WRITE_RATE_WINDOW_S" | "REDIS_URL">;

/**
 * Longest wait for Redis on a limiter call. Redis holds nothing that cannot be lost: a slower answer
 * (Redis partitioned: packets held, not refused) counts in memory instead, and the request goes on.
 */
export const REDIS_LIMIT_TIMEOUT_MS = 250;
/** Longest wait for Redis's answer to health's PING. */
export const REDIS_PING_TIMEOUT_MS = 500;

export function rateLimited(msBeforeNext: number, what: string): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("rate_limited", `Too many ${what}; try again in ${seconds} s.`, [], seconds);
}

/** The three calls the limits make, on Redis (with a deadline) or in memory. */
type Limiter = Pick<RateLimiterAbstract, "get" | "consume" | "delete">;

const loginKey = (email: string, clientIp: string) => `${email.trim().toLowerCase()}|${clientIp}`;

export function createRateLimits(env: LimitEnv, log: Logger): RateLimits {
  const redis = env.REDIS_URL ? createClient({ url: env.REDIS_URL, disableOfflineQueue: true, socket: { connectTimeout: 2_000 } }) : undefined;
  redis?.on("error", (error: unknown) => log.error("rate-limit redis error (in-memory limits in force)", { error: String(error) }));
  redis?.connect().catch(() => {});

  const limiter = (keyPrefix: string, points: number, duration: number): Limiter => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!redis) return memory;
    const shared = new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
      keyPrefix,
      points,
      duration,
    });
    let lastLate = 0;
    // Redis down is the insurance limiter's job; Redis slow (a partition holds packets, and node-redis's
    // command timeout does not cover MULTI) is this deadline's: the memory limiter answers instead.
    const deadline = <T>(op: (l: RateLimiterAbstract) => Promise<T>): Promise<T> => {
      const viaRedis = op(shared);
      viaRedis.catch(() => {}); // settled late, after the memory limiter answered
      let timer: NodeJS.Timeout | undefined;
      const viaMemory = new Promise<T>((resolve, reject) => {
        timer = setTimeout(() => {
          if (Date.now() - lastLate > 10_000) log.error("rate-limit redis too slow; in-memory limits in force", { timeoutMs: REDIS_LIMIT_TIMEOUT_MS });
          lastLate = Date.now();
          op(memory).then(resolve, reject);
        }, REDIS_LIMIT_TIMEOUT_MS);
      });
      return Promise.race([viaRedis.finally(() => clearTimeout(timer)), viaMemory]);
    };
    return { get: (key) => deadline((l) => l.get(key)), consume: (key) => deadline((l) => l.consume(key)), delete: (key) => deadline((l) => l.delete(key)) };
  };
  const logins = limiter("sd-login-fail", env.LOGIN_RATE_LIMIT, env.LOGIN_RATE_WINDOW_S);
  const loginsByAddress = limiter("sd-login-fail-address", env.LOGIN_ADDRESS_RATE_LIMIT, env.LOGIN_RATE_WINDOW_S);
  const writes = env.WRITE_RATE_LIMIT > 0 ? limiter("sd-write", env.WRITE_RATE_LIMIT, env.WRITE_RATE_WINDOW_S) : undefined;

  /** A limiter's own failure (Redis down without insurance) must not refuse requests: it logs and lets them pass. */
  const failOpen = (error: unknown) => {
    // rate-limiter-flexible rejects with a RateLimiterRes (not an Error) when over the limit; pass it on.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (error instanceof RateLimiterRes) throw error;
    log.error("rate limiter failed; request allowed", { error: String(error) });
  };

  return {
    async assertLoginAllowed(email, clientIp) {
      const [state, addressState] = await Promise.all([logins.get(loginKey(email, clientIp)).catch(failOpen), loginsByAddress.get(clientIp).catch(failOpen)]);
      if (addressState && addressState.consumedPoints >= env.LOGIN_ADDRESS_RATE_LIMIT)
        throw rateLimited(addressState.msBeforeNext, "failed sign-ins from this address");
      if (state && state.consumedPoints >= env.LOGIN_RATE_LIMIT) throw rateLimited(state.msBeforeNext, "failed sign-ins for this account from this address");
    },
    async loginFailed(email, clientIp) {
      const count = (error: unknown) => {
        if (!(error instanceof RateLimiterRes)) failOpen(error);
      };
      await Promise.all([logins.consume(loginKey(email, clientIp)).catch(count), loginsByAddress.consume(clientIp).catch(count)]);
    },
    async loginSucceeded(email, clientIp) {
      await logins.delete(loginKey(email, clientIp)).catch(failOpen);
    },
    async countWrite(userId) {
      if (!writes) return;
      await writes.consume(userId).catch((error: unknown) => {
        if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext, "changes from this account");
        failOpen(error);
      });
    },
    async redisStatus() {
      if (!redis) return "not used";
      if (!redis.isReady) return "down";
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"down">((resolve) => (timer = setTimeout(() => resolve("down"), REDIS_PING_TIMEOUT_MS)));
      const ping = redis.ping().then(
        () => "ok" as const,
        () => "down" as const,
      );
      return Promise.race([ping, late]).finally(() => clearTimeout(timer));
    },
    async close() {
      if (redis?.isOpen) await redis.quit().catch(() => {});
    },
  };
}
