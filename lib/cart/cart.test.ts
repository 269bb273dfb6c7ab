import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { carts, products, skus, users } from "@/db/schema";
import { openSeededPglite } from "@/tests/helpers/db";
import { addToCart, getCart, mergeGuestCart, removeCartLine, setCartLineQuantity } from "./cart";

let handle: DbHandle;
let userId: string;
let inStock: { id: number; priceMinor: number; productSlug: string; available: number };
let other: { id: number; priceMinor: number };
let soldOut: { id: number } | undefined;
let scarce: { id: number; available: number };

beforeAll(async () => {
  handle = await openSeededPglite();
  const [user] = await handle.db.select().from(users).where(eq(users.email, "shopper@example.com"));
  if (!user) throw new Error("seeded shopper missing");
  userId = user.id;
  const rows = await handle.db.query.skus.findMany({ with: { product: true } });
  // Room for the quantities below: products whose order limit is at least 5 (the seed limits phones to 2).
  const candidates = rows.filter((s) => s.available > 20 && s.product.maxPerOrder >= 5);
  const a = candidates[0];
  const b = candidates.find((s) => s.productId !== a?.productId);
  if (!a || !b) throw new Error("seed needs two in-stock products");
  inStock = { id: a.id, priceMinor: a.priceMinor, productSlug: a.product.slug, available: a.available };
  other = { id: b.id, priceMinor: b.priceMinor };
  soldOut = rows.find((s) => s.available === 0);
  // A low-stock SKU under its product's order limit, so stock is what refuses (3 left of a limit-5 product).
  const few = candidates.find((s) => s.id !== a?.id && s.id !== b?.id);
  if (!few) throw new Error("seed needs a third in-stock SKU");
  await handle.db
    .update(skus)
    .set({ available: 3, quantity: 3, held: 0, sold: 0 })
    .where(eq(skus.id, few.id));
  scarce = { id: few.id, available: 3 };
});
afterAll(() => handle.close());

describe("cart rules (PGlite)", () => {
  it("adds to a new guest cart and totals from database prices", async () => {
    const added = await addToCart(handle.db, {
      owner: { guestCartId: undefined },
      skuId: inStock.id,
      quantity: 2,
    });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.createdGuestCart).toBe(true);
    await addToCart(handle.db, { owner: { guestCartId: added.cartId }, skuId: other.id, quantity: 1 });
    const cart = await getCart(handle.db, { guestCartId: added.cartId });
    expect(cart.itemCount).toBe(3);
    expect(cart.subtotalMinor).toBe(inStock.priceMinor * 2 + other.priceMinor);
  });

  it("refuses a SKU of another product, unknown SKUs, sold-out SKUs and more than in stock", async () => {
    const owner = { guestCartId: undefined };
    const foreign = await addToCart(handle.db, {
      owner,
      skuId: other.id,
      quantity: 1,
      productSlug: inStock.productSlug,
    });
    expect(foreign).toMatchObject({ ok: false, code: "sku_not_in_product" });
    expect(await addToCart(handle.db, { owner, skuId: 99_999_999, quantity: 1 })).toMatchObject({
      ok: false,
      code: "sku_not_found",
    });
    if (soldOut) {
      expect(await addToCart(handle.db, { owner, skuId: soldOut.id, quantity: 1 })).toMatchObject({
        ok: false,
        code: "out_of_stock",
      });
    }
    const tooMany = await addToCart(handle.db, {
      owner: { userId },
      skuId: scarce.id,
      quantity: scarce.available + 1,
    });
    expect(tooMany).toMatchObject({ ok: false, code: "not_enough_stock" });
    expect((await getCart(handle.db, { userId })).lines).toEqual([]);
  });

  it("a guest cookie never opens a user's cart, and garbage ids are ignored", async () => {
    await addToCart(handle.db, { owner: { userId }, skuId: inStock.id, quantity: 1 });
    const [own] = await handle.db.select().from(carts).where(eq(carts.userId, userId));
    expect(own).toBeDefined();
    expect((await getCart(handle.db, { guestCartId: own?.id })).lines).toEqual([]);
    expect((await getCart(handle.db, { guestCartId: "not-a-uuid" })).lines).toEqual([]);
  });

  it("changes quantity, removes at zero, and merges a guest cart into the user's on sign-in", async () => {
    await setCartLineQuantity(handle.db, { owner: { userId }, skuId: inStock.id, quantity: 3 });
    expect((await getCart(handle.db, { userId })).itemCount).toBe(3);
    const guest = await addToCart(handle.db, {
      owner: { guestCartId: undefined },
      skuId: inStock.id,
      quantity: 2,
    });
    if (!guest.ok) throw new Error(guest.message);
    await addToCart(handle.db, { owner: { guestCartId: guest.cartId }, skuId: other.id, quantity: 1 });
    await mergeGuestCart(handle.db, { guestCartId: guest.cartId, userId });
    const merged = await getCart(handle.db, { userId });
    expect(merged.lines.find((l) => l.skuId === inStock.id)?.quantity).toBe(5);
    expect(merged.lines.find((l) => l.skuId === other.id)?.quantity).toBe(1);
    expect((await getCart(handle.db, { guestCartId: guest.cartId })).lines).toEqual([]);
    await setCartLineQuantity(handle.db, { owner: { userId }, skuId: other.id, quantity: 0 });
    await removeCartLine(handle.db, { owner: { userId }, skuId: inStock.id });
    expect((await getCart(handle.db, { userId })).itemCount).toBe(0);
  });

  it("reads stock problems at view time", async () => {
    await addToCart(handle.db, { owner: { userId }, skuId: inStock.id, quantity: 2 });
    await handle.db
      .update(skus)
      .set({ available: 1, quantity: 1, held: 0, sold: 0 })
      .where(eq(skus.id, inStock.id));
    const cart = await getCart(handle.db, { userId });
    expect(cart.problems).toHaveLength(1);
    expect(cart.problems[0]).toContain("Only 1");
  });

  it("keeps a product's order limit across its versions: add, set quantity, view and checkout's own check", async () => {
    const phone = await handle.db.query.products.findFirst({
      where: (p, { eq }) => eq(p.slug, "kite-9-pro"),
      with: { skus: true },
    });
    const [first, second] = (phone?.skus ?? []).filter((s) => s.available > 5);
    if (!phone || !first || !second) throw new Error("seed needs two Kite 9 Pro versions in stock");
    expect(phone.maxPerOrder).toBe(2);
    const owner = { guestCartId: undefined };
    const tooMany = await addToCart(handle.db, { owner, skuId: first.id, quantity: 3 });
    expect(tooMany).toMatchObject({
      ok: false,
      code: "quantity_limit",
      message: "You can buy at most 2 Kite 9 Pro per order.",
    });
    const added = await addToCart(handle.db, { owner, skuId: first.id, quantity: 1 });
    if (!added.ok) throw new Error(added.message);
    const guest = { guestCartId: added.cartId };
    expect(await addToCart(handle.db, { owner: guest, skuId: second.id, quantity: 1 })).toMatchObject({
      ok: true,
    });
    // A third unit of any version passes the limit, and says what the cart already holds.
    expect(await addToCart(handle.db, { owner: guest, skuId: second.id, quantity: 1 })).toMatchObject({
      ok: false,
      code: "quantity_limit",
      message: "You can buy at most 2 Kite 9 Pro per order, and 2 are already in your cart.",
    });
    expect(
      await setCartLineQuantity(handle.db, { owner: guest, skuId: first.id, quantity: 2 }),
    ).toMatchObject({ ok: false, code: "quantity_limit" });
    const view = await getCart(handle.db, guest);
    expect(view.itemCount).toBe(2);
    expect(view.problems).toEqual([]);
    expect(view.lines.map((l) => l.maxQuantity)).toEqual([1, 1]);

    // A marketer lowers the limit while the cart holds two: the cart page says so.
    await handle.db.update(products).set({ maxPerOrder: 1 }).where(eq(products.id, phone.id));
    try {
      const lowered = await getCart(handle.db, guest);
      expect(lowered.problems).toEqual([
        "You can buy at most 1 Kite 9 Pro per order. Lower the quantity to check out.",
      ]);
    } finally {
      await handle.db.update(products).set({ maxPerOrder: 2 }).where(eq(products.id, phone.id));
    }
  });
});
