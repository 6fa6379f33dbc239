/**
 * How long a webhook waits before it tries the same entry again: 2 s after the first failure, doubling
 * to at most 10 minutes, with up to a fifth more at random so receivers that failed together do not all
 * come back at the same instant. A webhook keeps trying (at least once): the admin deletes a dead one.
 */
export const BACKOFF_FIRST_MS = 2_000;
export const BACKOFF_MAX_MS = 10 * 60_000;

export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(base * (1 + random() * 0.2));
}
