/**
 * A fixed window per key, in this process. For the readiness probe, which must answer when Redis (where
 * the other limits count) is down; each instance counting on its own is close enough for a probe.
 */
export class LocalRateLimit {
  private readonly windows = new Map<string, { hits: number; endsAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts a hit; the seconds to wait when the key is over its limit, undefined otherwise. */
  hit(key: string, now = Date.now()): number | undefined {
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      if (this.windows.size >= this.maxKeys) this.windows.clear();
      window = { hits: 0, endsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return window.hits > this.limit ? Math.max(1, Math.ceil((window.endsAt - now) / 1000)) : undefined;
  }
}
