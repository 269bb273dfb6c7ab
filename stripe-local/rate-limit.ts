/**
 * A token bucket per API key: `perSecond` tokens refill every second and a full second's worth may burst,
 * which is how Stripe's test mode behaves at its 25 writes per second. `perSecond = 0` turns it off.
 */
export class WriteRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private perSecond: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get limit(): number {
    return this.perSecond;
  }

  setLimit(perSecond: number): void {
    this.perSecond = perSecond;
    this.buckets.clear();
  }

  tryTake(key: string): boolean {
    if (this.perSecond <= 0) return true;
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, at: now };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
