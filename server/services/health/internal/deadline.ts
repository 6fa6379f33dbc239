/** A promise that rejects with a DeadlineError after `ms` unless `work` settled first (its late result is dropped). */
export class DeadlineError extends Error {
  override readonly name = "DeadlineError";
}

export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => {}); // settled after the deadline: nobody waits for it any more
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
