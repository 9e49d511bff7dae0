/**
 * At most `limit` actions per key within any `windowMs` (a sliding log per key). Kept in
 * memory per process: a visitor's socket lives in one process, and a limit per IP is a
 * guard against floods, not an accounting.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweptAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an action for `key`; false (and nothing recorded) when the limit is reached. */
  take(key: string, now = Date.now()): boolean {
    this.sweep(now);
    const since = now - this.windowMs;
    const log = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (log.length >= this.limit) {
      this.hits.set(key, log);
      return false;
    }
    log.push(now);
    this.hits.set(key, log);
    return true;
  }

  /** Seconds until `key` may act again (at least 1). */
  retryAfter(key: string, now = Date.now()): number {
    const log = this.hits.get(key) ?? [];
    const oldest = log[0];
    return oldest === undefined ? 1 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  /** Drops keys whose window has passed, at most once per window, so memory follows the active keys. */
  private sweep(now: number): void {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    const since = now - this.windowMs;
    for (const [key, log] of this.hits) if ((log[log.length - 1] ?? 0) <= since) this.hits.delete(key);
  }
}
