import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { addresses } from "@/db/schema";
import { createUser } from "@/lib/auth/users";
import { MAX_ADDRESSES_PER_ACCOUNT } from "@/lib/limits";
import { BEIJING_ADDRESS } from "@/tests/helpers/addresses";
import { openSeededPostgres } from "@/tests/helpers/db";
import {
  chooseShippingAddress,
  deleteAddress,
  listAddresses,
  saveAddress,
  setDefaultAddress,
} from "./addresses";
import { toStripeShipping } from "./rules";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 8 });
});
afterAll(async () => {
  await handle?.close();
});

let counter = 0;
async function newFan(): Promise<string> {
  counter += 1;
  const created = await createUser(handle.db, {
    input: {
      name: `Address Fan ${counter}`,
      email: `address-fan-${counter}-${Date.now()}@example.com`,
      password: "correct-horse-42",
    },
    now: new Date(),
  });
  if (!created.ok) throw new Error(created.message);
  return created.user.id;
}

const BEIJING = { ...BEIJING_ADDRESS, mobile: "+86 138 0013 8000" };
const SHENZHEN = {
  ...BEIJING,
  province: "Guangdong",
  city: "Shenzhen",
  district: "Nanshan",
  postcode: "518057",
};

describe("address book (PostgreSQL)", () => {
  it("refuses malformed fields with a message per field and writes nothing", async () => {
    const userId = await newFan();
    const bad = await saveAddress(handle.db, {
      userId,
      raw: {
        recipientName: " ",
        mobile: "12345",
        province: "Atlantis",
        city: "",
        district: "x".repeat(41),
        street: "x".repeat(10_000),
        postcode: "1000",
      },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.code).toBe("invalid");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(
      ["city", "district", "mobile", "postcode", "province", "recipientName", "street"].sort(),
    );
    expect(bad.fieldErrors?.mobile?.[0]).toMatch(/11-digit mainland mobile/);
    expect(await listAddresses(handle.db, { userId })).toHaveLength(0);
    // Not even an object: still a typed refusal.
    expect(await saveAddress(handle.db, { userId, raw: "street" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });

  it("keeps the mobile number normalised, makes the first address the default and moves the default on request", async () => {
    const userId = await newFan();
    const first = await saveAddress(handle.db, { userId, raw: BEIJING });
    const second = await saveAddress(handle.db, { userId, raw: SHENZHEN });
    if (!first.ok || !second.ok) throw new Error("save failed");
    let book = await listAddresses(handle.db, { userId });
    expect(book.map((a) => [a.city, a.isDefault])).toEqual([
      ["Beijing", true],
      ["Shenzhen", false],
    ]);
    expect(book[0]?.mobile).toBe("13800138000");

    expect(await setDefaultAddress(handle.db, { userId, addressId: second.addressId })).toMatchObject({
      ok: true,
    });
    book = await listAddresses(handle.db, { userId });
    expect(book.filter((a) => a.isDefault).map((a) => a.city)).toEqual(["Shenzhen"]);
    expect((await chooseShippingAddress(handle.db, { userId }))?.city).toBe("Shenzhen");
    expect((await chooseShippingAddress(handle.db, { userId, addressId: first.addressId }))?.city).toBe(
      "Beijing",
    );

    // Removing the default promotes the one left.
    expect(await deleteAddress(handle.db, { userId, addressId: second.addressId })).toMatchObject({
      ok: true,
    });
    book = await listAddresses(handle.db, { userId });
    expect(book.map((a) => [a.city, a.isDefault])).toEqual([["Beijing", true]]);
  });

  it("edits in place, and an edit can make an address the default", async () => {
    const userId = await newFan();
    const a = await saveAddress(handle.db, { userId, raw: BEIJING });
    const b = await saveAddress(handle.db, { userId, raw: SHENZHEN });
    if (!a.ok || !b.ok) throw new Error("save failed");
    const edited = await saveAddress(handle.db, {
      userId,
      addressId: b.addressId,
      raw: { ...SHENZHEN, street: "1 Keyuan Road", isDefault: "on" },
    });
    expect(edited).toEqual({ ok: true, addressId: b.addressId });
    const book = await listAddresses(handle.db, { userId });
    expect(book).toHaveLength(2);
    expect(book[0]).toMatchObject({ id: b.addressId, street: "1 Keyuan Road", isDefault: true });
  });

  it("never lets one account read, edit, default or delete another's address", async () => {
    const owner = await newFan();
    const stranger = await newFan();
    const saved = await saveAddress(handle.db, { userId: owner, raw: BEIJING });
    if (!saved.ok) throw new Error("save failed");
    const id = saved.addressId;
    expect(await chooseShippingAddress(handle.db, { userId: stranger, addressId: id })).toBeNull();
    expect(await saveAddress(handle.db, { userId: stranger, addressId: id, raw: SHENZHEN })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await setDefaultAddress(handle.db, { userId: stranger, addressId: id })).toMatchObject({
      code: "not_found",
    });
    expect(await deleteAddress(handle.db, { userId: stranger, addressId: id })).toMatchObject({
      code: "not_found",
    });
    expect(await deleteAddress(handle.db, { userId: stranger, addressId: "not-a-uuid" })).toMatchObject({
      code: "not_found",
    });
    const [row] = await handle.db.select().from(addresses).where(eq(addresses.id, id));
    expect(row).toMatchObject({ city: "Beijing", userId: owner });
  });

  it(`holds at most ${MAX_ADDRESSES_PER_ACCOUNT} addresses, even when they are added all at once`, async () => {
    const userId = await newFan();
    const results = await Promise.all(
      Array.from({ length: MAX_ADDRESSES_PER_ACCOUNT + 5 }, (_, i) =>
        saveAddress(handle.db, { userId, raw: { ...BEIJING, street: `${i + 1} Jianguo Road` } }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_ADDRESSES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.code === "too_many")).toHaveLength(5);
    const book = await listAddresses(handle.db, { userId });
    expect(book).toHaveLength(MAX_ADDRESSES_PER_ACCOUNT);
    // However the race went, exactly one of them is the default.
    expect(book.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it("hands Stripe the address in its documented shipping shape", async () => {
    const userId = await newFan();
    await saveAddress(handle.db, { userId, raw: BEIJING });
    const snapshot = await chooseShippingAddress(handle.db, { userId });
    if (!snapshot) throw new Error("no address");
    // Stripe's fields from ours: +86 on the mobile, the district as line2, the province as the state.
    const shipping = toStripeShipping(snapshot);
    expect(shipping.phone).toBe("+8613800138000");
    expect(shipping.address).toMatchObject({
      line2: "Chaoyang",
      state: "Beijing",
      postal_code: "100022",
      country: "CN",
    });
    expect(Object.keys(shipping.address).sort()).toEqual([
      "city",
      "country",
      "line1",
      "line2",
      "postal_code",
      "state",
    ]);
  });
});
