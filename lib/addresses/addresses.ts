import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { type Address, addresses } from "@/db/schema";
import { lockAccount } from "@/lib/auth/users";
import type { Db, Tx } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { MAX_ADDRESSES_PER_ACCOUNT } from "@/lib/limits";
import { fail, ok, parseWith, Refusal, type Result, refusable } from "@/lib/result";
import { type AddressSnapshot, addressInput, toSnapshot } from "./rules";

/*
 * The address book. Every command names its owner (`userId`) and touches only that account's rows: an id from
 * another account is "not found", never a leak. The default is kept single by a partial unique index; the first
 * address is the default, and removing the default promotes the newest one left.
 */

export type AddressCode = "invalid" | "not_found" | "too_many";

const NOT_FOUND = "That address is no longer in your address book.";

export async function listAddresses(db: Db | Tx, { userId }: { userId: string }): Promise<Address[]> {
  return db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), desc(addresses.createdAt), desc(addresses.id));
}

export async function getAddress(
  db: Db | Tx,
  { userId, addressId }: { userId: string; addressId: string },
): Promise<Address | null> {
  if (!isUuid(addressId)) return null;
  const [row] = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
  return row ?? null;
}

/**
 * The address an order ships to: the one chosen, else the account's default. Null when the account has none
 * (or the chosen one is not theirs).
 */
export async function chooseShippingAddress(
  db: Db | Tx,
  { userId, addressId }: { userId: string; addressId?: string | undefined },
): Promise<AddressSnapshot | null> {
  const row = addressId
    ? await getAddress(db, { userId, addressId })
    : ((await listAddresses(db, { userId }))[0] ?? null);
  return row ? toSnapshot(row) : null;
}

/** Adds an address (no `addressId`) or edits one. Refuses a 21st address and anything malformed. */
export async function saveAddress(
  db: Db,
  { userId, addressId, raw }: { userId: string; addressId?: string | undefined; raw: unknown },
): Promise<Result<{ addressId: string }, AddressCode>> {
  const parsed = parseWith(addressInput, raw);
  if (!parsed.ok) return parsed;
  const { isDefault, ...fields } = parsed.data;
  return inAccountTransaction(db, userId, async (tx) => {
    const existing = await listAddresses(tx, { userId });
    const makeDefault = isDefault || existing.length === 0 || existing.every((a) => a.id === addressId);
    if (makeDefault) await clearDefault(tx, { userId });
    if (addressId !== undefined) {
      if (!existing.some((a) => a.id === addressId)) throw new Refusal(fail("not_found", NOT_FOUND));
      const keepDefault = existing.find((a) => a.id === addressId)?.isDefault ?? false;
      await tx
        .update(addresses)
        .set({ ...fields, isDefault: makeDefault || keepDefault })
        .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
      return ok({ addressId });
    }
    if (existing.length >= MAX_ADDRESSES_PER_ACCOUNT) {
      throw new Refusal(
        fail(
          "too_many",
          `Your address book holds up to ${MAX_ADDRESSES_PER_ACCOUNT} addresses. Remove one you no longer use first.`,
        ),
      );
    }
    const [row] = await tx
      .insert(addresses)
      .values({ ...fields, userId, isDefault: makeDefault })
      .returning({ id: addresses.id });
    if (!row) throw new Error("insert returned no row");
    return ok({ addressId: row.id });
  });
}

/**
 * One account's address-book writes take turns (so the count and the single default hold); a `Refusal` thrown
 * inside rolls back and becomes the answer.
 */
function inAccountTransaction<T extends object>(
  db: Db,
  userId: string,
  work: (tx: Tx) => Promise<Result<T, AddressCode>>,
): Promise<Result<T, AddressCode>> {
  return refusable(() =>
    db.transaction(async (tx) => {
      await lockAccount(tx, { userId });
      return work(tx);
    }),
  ) as Promise<Result<T, AddressCode>>;
}

async function clearDefault(tx: Tx, { userId }: { userId: string }) {
  await tx
    .update(addresses)
    .set({ isDefault: false })
    .where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true)));
}

export async function setDefaultAddress(
  db: Db,
  { userId, addressId }: { userId: string; addressId: string },
): Promise<Result<object, AddressCode>> {
  return inAccountTransaction(db, userId, async (tx) => {
    if (!(await getAddress(tx, { userId, addressId }))) throw new Refusal(fail("not_found", NOT_FOUND));
    await clearDefault(tx, { userId });
    await tx
      .update(addresses)
      .set({ isDefault: true })
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
    return ok();
  });
}

/** Removes an address; orders keep their own copy. Removing the default makes the newest one left the default. */
export async function deleteAddress(
  db: Db,
  { userId, addressId }: { userId: string; addressId: string },
): Promise<Result<object, AddressCode>> {
  // An id that is not even a uuid names nothing (and would be a cast error in SQL).
  if (!isUuid(addressId)) return fail("not_found", NOT_FOUND);
  return inAccountTransaction(db, userId, async (tx) => {
    const [gone] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .returning({ isDefault: addresses.isDefault });
    if (!gone) throw new Refusal(fail("not_found", NOT_FOUND));
    if (gone.isDefault) {
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(and(eq(addresses.userId, userId), ne(addresses.id, addressId)))
        .orderBy(desc(addresses.createdAt), desc(addresses.id))
        .limit(1);
      if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    }
    return ok();
  });
}
