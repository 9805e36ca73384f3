/**
 * At most `limit` concurrent tasks per host. Per instance: each ingester process counts only its own
 * fetches, so N instances may open up to N × limit connections to one host. Good enough for
 * politeness at a handful of instances; a Redis semaphore would be the next step beyond that.
 */
export class HostConcurrencyLimiter {
  private readonly hosts = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(private readonly limit: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  /** Tasks running for `host` now (for tests and metrics). */
  active(host: string): number {
    return this.hosts.get(host)?.active ?? 0;
  }

  private async acquire(host: string): Promise<void> {
    let slot = this.hosts.get(host);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.hosts.set(host, slot);
    }
    if (slot.active < this.limit) {
      slot.active += 1;
      return;
    }
    // The releasing task hands its place over directly, so `active` never dips and lets a newcomer in.
    await new Promise<void>((resolve) => slot.waiting.push(resolve));
  }

  private release(host: string): void {
    const slot = this.hosts.get(host);
    if (!slot) return;
    const next = slot.waiting.shift();
    if (next) {
      next();
      return;
    }
    slot.active -= 1;
    if (slot.active === 0) this.hosts.delete(host);
  }
}
