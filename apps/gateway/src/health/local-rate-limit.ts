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
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.makeRoom(now);
      window = { hits: 0, endsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return window.hits > this.limit ? Math.max(1, Math.ceil((window.endsAt - now) / 1000)) : undefined;
  }

  // Expired windows go first; then the oldest (a Map keeps insertion order), so that new addresses can
  // reset a counter only after as many others as the table holds, never every counter at once.
  private makeRoom(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    const oldest = this.windows.keys().next();
    if (this.windows.size >= this.maxKeys && oldest.done !== true) this.windows.delete(oldest.value);
  }
}
