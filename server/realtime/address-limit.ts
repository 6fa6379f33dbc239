/** Open sockets per client address, with a ceiling (SOCKET_ADDRESS_LIMIT; 0: no ceiling). */
export class AddressLimit {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts one more socket for `address` and returns its release (idempotent), or null when at the limit. */
  acquire(address: string): (() => void) | null {
    const count = this.open.get(address) ?? 0;
    if (this.limit > 0 && count >= this.limit) return null;
    this.open.set(address, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    };
  }

  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
