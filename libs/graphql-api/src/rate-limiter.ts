/**
 * Fixed-window counter per client: at most `limit` units of work in each
 * `windowMs`. Old windows are dropped as they pass, so memory stays bounded
 * by the number of clients seen in one window.
 */
export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /**
   * Counts `cost` units for the client; returns the seconds to wait when that would take it over its limit
   * (the units are then not counted), else 0.
   */
  take(client: string, now = Date.now(), cost = 1): number {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(client) ?? 0) + cost;
    if (count > this.limit) return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
    this.counts.set(client, count);
    return 0;
  }
}
