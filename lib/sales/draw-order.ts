import { createHash, randomBytes } from "node:crypto";

/*
 * The draw's algorithm, pure so the store, the tests and scripts/verify-draw.mjs (which restates it in a dozen
 * lines of plain Node) agree:
 *
 *   commitment = SHA-256(seed)                        (seed: 64 hex characters, hashed as that text)
 *   rank(entry) = SHA-256(seed + ":" + entryId)       (hex)
 *   order = entries sorted by rank, then by entryId   (ascending, as strings)
 *
 * The first `units` entries in that order win; the rest are the reserve list, in that order.
 */

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A fresh secret seed: 32 random bytes as hex. */
export function newDrawSeed(): string {
  return randomBytes(32).toString("hex");
}

/** What the sale page publishes while registration is open. */
export function drawCommitment(seed: string): string {
  return sha256(seed);
}

/** A fresh pseudonymous entry id: 12 random bytes as hex, nothing derived from the account. */
export function newEntryId(): string {
  return randomBytes(12).toString("hex");
}

/** The entries in drawn order. */
export function drawOrder(seed: string, entryIds: readonly string[]): string[] {
  return entryIds
    .map((id) => ({ id, rank: sha256(`${seed}:${id}`) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => e.id);
}
