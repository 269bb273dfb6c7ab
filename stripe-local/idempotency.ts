export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

type Lookup = { kind: "miss" } | { kind: "replay"; response: StoredResponse } | { kind: "mismatch" };

const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
// The SDK puts a fresh key on every POST, so a long load test would otherwise grow this map without bound.
const MAX_ENTRIES = 200_000;

/** Stripe keeps an idempotency key for 24 hours, per API key, together with the parameters it was first used with. */
export class IdempotencyStore {
  private readonly entries = new Map<string, { fingerprint: string; response: StoredResponse; at: number }>();

  lookup(apiKey: string, key: string, fingerprint: string, nowMs: number): Lookup {
    const entry = this.entries.get(`${apiKey}\n${key}`);
    if (!entry || nowMs - entry.at > KEY_LIFETIME_MS) return { kind: "miss" };
    return entry.fingerprint === fingerprint
      ? { kind: "replay", response: entry.response }
      : { kind: "mismatch" };
  }

  save(apiKey: string, key: string, fingerprint: string, response: StoredResponse, nowMs: number): void {
    this.entries.set(`${apiKey}\n${key}`, { fingerprint, response, at: nowMs });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  prune(nowMs: number): void {
    // Insertion order is time order, so the first live entry ends the scan.
    for (const [key, entry] of this.entries) {
      if (nowMs - entry.at <= KEY_LIFETIME_MS) break;
      this.entries.delete(key);
    }
  }
}
