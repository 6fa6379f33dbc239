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
  /** Refuses (429) a sign-in for this account and address after too many recent failures. */
  assertLoginAllowed(email: string, clientIp: string): Promise<void>;
  loginFailed(email: string, clientIp: string): Promise<void>;
  /** A successful sign-in clears the failures of that account and address. */
  loginSucceeded(email: string, clientIp: string): Promise<void>;
  /** Counts one write by this user; refuses (429) over the limit. */
  countWrite(userId: string): Promise<void>;
  close(): Promise<void>;
}

type LimitEnv = Pick<Env, "LOGIN_RATE_LIMIT" | "LOGIN_RATE_WINDOW_S" | "WRITE_RATE_LIMIT" | "WRITE_RATE_WINDOW_S" | "REDIS_URL">;

export function rateLimited(msBeforeNext: number, what: string): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("rate_limited", `Too many ${what}; try again in ${seconds} s.`, [], seconds);
}

const loginKey = (email: string, clientIp: string) => `${email.trim().toLowerCase()}|${clientIp}`;

export function createRateLimits(env: LimitEnv, log: Logger): RateLimits {
  const redis = env.REDIS_URL ? createClient({ url: env.REDIS_URL, disableOfflineQueue: true }) : undefined;
  redis?.on("error", (error: unknown) => log.error("rate-limit redis error (in-memory limits in force)", { error: String(error) }));
  redis?.connect().catch(() => {});

  const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis ? new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: memory, keyPrefix, points, duration }) : memory;
  };
  const logins = limiter("sd-login-fail", env.LOGIN_RATE_LIMIT, env.LOGIN_RATE_WINDOW_S);
  const writes = env.WRITE_RATE_LIMIT > 0 ? limiter("sd-write", env.WRITE_RATE_LIMIT, env.WRITE_RATE_WINDOW_S) : undefined;

  /** A limiter's own failure (Redis down without insurance) must not refuse requests: it logs and lets them pass. */
  const failOpen = (error: unknown) => {
    if (error instanceof RateLimiterRes) throw error;
    log.error("rate limiter failed; request allowed", { error: String(error) });
  };

  return {
    async assertLoginAllowed(email, clientIp) {
      const state = await logins.get(loginKey(email, clientIp)).catch(failOpen);
      if (state && state.consumedPoints >= env.LOGIN_RATE_LIMIT) throw rateLimited(state.msBeforeNext, "failed sign-ins for this account from this address");
    },
    async loginFailed(email, clientIp) {
      await logins.consume(loginKey(email, clientIp)).catch((error: unknown) => {
        if (!(error instanceof RateLimiterRes)) failOpen(error);
      });
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
    async close() {
      if (redis?.isOpen) await redis.quit().catch(() => {});
    },
  };
}
