import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { cartLines, carts, productImages, products, skus } from "@/db/schema";
import type { Db } from "@/lib/db";
import { MAX_LINE_QUANTITY } from "@/lib/limits";
import type { Result } from "@/lib/result";
import { orderLimitMessage, productsOverLimit } from "./order-limit";

/** The guest cart's id lives in this cookie until sign-in merges it into the account's cart. */
export const CART_COOKIE = "kite_cart";

/** Who a cart belongs to: a signed-in user, or a guest known only by the cart id in their cookie. */
export type CartOwner = { userId: string } | { guestCartId: string | undefined };

export interface CartLineView {
  skuId: number;
  skuCode: string;
  productSlug: string;
  productName: string;
  colour: string;
  storage: string | null;
  imageUrl: string | null;
  unitPriceMinor: number;
  currency: string;
  quantity: number;
  available: number;
  /** The most this line may hold: the product's per-order limit less the cart's other versions of it. */
  maxQuantity: number;
  lineTotalMinor: number;
}

export interface CartView {
  id: string | null;
  lines: CartLineView[];
  itemCount: number;
  subtotalMinor: number;
  currency: string | null;
  /** Lines asking for more than is in stock or a product's order limit; checkout refuses until they are fixed. */
  problems: string[];
}

export type CartError =
  | "sku_not_found"
  | "sku_not_in_product"
  | "out_of_stock"
  | "not_enough_stock"
  | "quantity_limit"
  | "line_not_found";

export type CartResult = Result<{ cartId: string; createdGuestCart: boolean }, CartError>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cart id an owner may touch, or null if they have none yet. A guest cookie never opens a user's cart. */
export async function findCartId(db: Db, owner: CartOwner): Promise<string | null> {
  if ("userId" in owner) {
    const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, owner.userId));
    return row?.id ?? null;
  }
  if (!owner.guestCartId || !UUID.test(owner.guestCartId)) return null;
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.id, owner.guestCartId), isNull(carts.userId)));
  return row?.id ?? null;
}

async function ensureCart(db: Db, owner: CartOwner): Promise<{ id: string; created: boolean }> {
  const existing = await findCartId(db, owner);
  if (existing) return { id: existing, created: false };
  if ("userId" in owner) {
    await db.insert(carts).values({ userId: owner.userId }).onConflictDoNothing();
    const id = await findCartId(db, owner);
    if (!id) throw new Error("cart for user vanished after insert");
    return { id, created: false };
  }
  const [row] = await db.insert(carts).values({}).returning({ id: carts.id });
  if (!row) throw new Error("guest cart insert returned nothing");
  return { id: row.id, created: true };
}

export async function getCart(db: Db, owner: CartOwner): Promise<CartView> {
  const cartId = await findCartId(db, owner);
  const empty: CartView = {
    id: cartId,
    lines: [],
    itemCount: 0,
    subtotalMinor: 0,
    currency: null,
    problems: [],
  };
  if (!cartId) return empty;
  const rows = await db
    .select({
      skuId: skus.id,
      skuCode: skus.code,
      productSlug: products.slug,
      productName: products.name,
      colour: skus.colour,
      storage: skus.storage,
      unitPriceMinor: skus.priceMinor,
      currency: skus.currency,
      quantity: cartLines.quantity,
      available: skus.available,
      productId: products.id,
      maxPerOrder: products.maxPerOrder,
      imageUrl: sql<string | null>`(
        select ${productImages.url} from ${productImages}
        where ${productImages.productId} = ${products.id}
          and (${productImages.colour} = ${skus.colour} or ${productImages.colour} is null)
        order by ${productImages.position}, ${productImages.id} limit 1)`,
    })
    .from(cartLines)
    .innerJoin(skus, eq(skus.id, cartLines.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.createdAt), asc(skus.id));
  if (rows.length === 0) return empty;
  const ofProduct = new Map<number, number>();
  for (const r of rows) ofProduct.set(r.productId, (ofProduct.get(r.productId) ?? 0) + r.quantity);
  const lines = rows.map(({ productId, maxPerOrder, ...r }) => ({
    ...r,
    maxQuantity: maxPerOrder - ((ofProduct.get(productId) ?? 0) - r.quantity),
    lineTotalMinor: r.unitPriceMinor * r.quantity,
  }));
  const problems = [
    ...lines.flatMap((l) => {
      const name = `${l.productName} (${[l.colour, l.storage].filter(Boolean).join(", ")})`;
      if (l.available <= 0) return [`${name} is sold out. Remove it to check out.`];
      if (l.quantity > l.available)
        return [`Only ${l.available} of ${name} left. Lower the quantity to check out.`];
      return [];
    }),
    ...productsOverLimit(rows).map((p) => `${orderLimitMessage(p)} Lower the quantity to check out.`),
  ];
  return {
    id: cartId,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotalMinor: lines.reduce((n, l) => n + l.lineTotalMinor, 0),
    currency: lines[0]?.currency ?? null,
    problems,
  };
}

export async function getCartItemCount(db: Db, owner: CartOwner): Promise<number> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return 0;
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int` })
    .from(cartLines)
    .where(eq(cartLines.cartId, cartId));
  return Number(row?.n ?? 0);
}

const SKU_NOT_FOUND = {
  ok: false,
  code: "sku_not_found",
  message: "That option is no longer sold.",
} as const;

/** A SKU with what the cart's rules need of it and its product (stock, order limit), or undefined. */
async function findSku(db: Db, skuId: number) {
  const sku = await db.query.skus.findFirst({
    where: eq(skus.id, skuId),
    columns: { available: true },
    with: { product: { columns: { id: true, slug: true, name: true, maxPerOrder: true } } },
  });
  if (!sku) return undefined;
  const { id: productId, slug: productSlug, name: productName, maxPerOrder } = sku.product;
  return { available: sku.available, productId, productSlug, productName, maxPerOrder };
}

/**
 * Adds units of a SKU. Prices are never taken from the caller; the cart reads them from the SKU when shown.
 * The quantity cap and stock are checked against the line's new total.
 */
export async function addToCart(
  db: Db,
  {
    owner,
    skuId,
    quantity,
    productSlug,
  }: { owner: CartOwner; skuId: number; quantity: number; productSlug?: string },
): Promise<CartResult> {
  const sku = await findSku(db, skuId);
  if (!sku) return SKU_NOT_FOUND;
  if (productSlug !== undefined && sku.productSlug !== productSlug) {
    return {
      ok: false,
      code: "sku_not_in_product",
      message: "That option does not belong to this product.",
    };
  }
  if (sku.available <= 0)
    return { ok: false, code: "out_of_stock", message: "Sorry, this option is sold out." };

  const cart = await ensureCart(db, owner);
  const held = await unitsInCart(db, { cartId: cart.id, productId: sku.productId, skuId });
  if (held.ofProduct + quantity > sku.maxPerOrder) {
    return { ok: false, code: "quantity_limit", message: orderLimitMessage(sku, held.ofProduct) };
  }
  const current = held.ofSku > 0 ? { quantity: held.ofSku } : null;
  const next = held.ofSku + quantity;
  if (next > sku.available) {
    return {
      ok: false,
      code: "not_enough_stock",
      message: `Only ${sku.available} left${current ? `, and ${current.quantity} are already in your cart` : ""}.`,
    };
  }
  await db
    .insert(cartLines)
    .values({ cartId: cart.id, skuId, quantity })
    .onConflictDoUpdate({
      target: [cartLines.cartId, cartLines.skuId],
      set: {
        quantity: sql`least(${cartLines.quantity} + excluded.quantity, ${MAX_LINE_QUANTITY})`,
        updatedAt: new Date(),
      },
    });
  return { ok: true, cartId: cart.id, createdGuestCart: cart.created };
}

/** Units a cart holds of one product (all its versions) and of one of its SKUs. */
async function unitsInCart(
  db: Db,
  { cartId, productId, skuId }: { cartId: string; productId: number; skuId: number },
): Promise<{ ofProduct: number; ofSku: number }> {
  const [row] = await db
    .select({
      ofProduct: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int`,
      ofSku: sql<number>`coalesce(sum(${cartLines.quantity}) filter (where ${cartLines.skuId} = ${skuId}), 0)::int`,
    })
    .from(cartLines)
    .innerJoin(skus, eq(skus.id, cartLines.skuId))
    .where(and(eq(cartLines.cartId, cartId), eq(skus.productId, productId)));
  return { ofProduct: Number(row?.ofProduct ?? 0), ofSku: Number(row?.ofSku ?? 0) };
}

export async function setCartLineQuantity(
  db: Db,
  { owner, skuId, quantity }: { owner: CartOwner; skuId: number; quantity: number },
): Promise<CartResult> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return { ok: false, code: "line_not_found", message: "Your cart is empty." };
  if (quantity === 0) return removeCartLine(db, { owner, skuId });
  const sku = await findSku(db, skuId);
  if (!sku) return SKU_NOT_FOUND;
  const held = await unitsInCart(db, { cartId, productId: sku.productId, skuId });
  const otherVersions = held.ofProduct - held.ofSku;
  if (otherVersions + quantity > sku.maxPerOrder) {
    return { ok: false, code: "quantity_limit", message: orderLimitMessage(sku, otherVersions) };
  }
  if (quantity > sku.available) {
    return { ok: false, code: "not_enough_stock", message: `Only ${sku.available} left.` };
  }
  const updated = await db
    .update(cartLines)
    .set({ quantity, updatedAt: new Date() })
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.skuId, skuId)))
    .returning({ skuId: cartLines.skuId });
  if (updated.length === 0)
    return { ok: false, code: "line_not_found", message: "That item is not in your cart." };
  return { ok: true, cartId, createdGuestCart: false };
}

export async function removeCartLine(
  db: Db,
  { owner, skuId }: { owner: CartOwner; skuId: number },
): Promise<CartResult> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return { ok: false, code: "line_not_found", message: "Your cart is empty." };
  await db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.skuId, skuId)));
  return { ok: true, cartId, createdGuestCart: false };
}

/**
 * Moves a guest cart's lines into the user's cart (adding quantities, each line capped at its product's order
 * limit; two versions of one product can still pass it together, which the cart page flags and checkout refuses)
 * and deletes the guest cart.
 */
export async function mergeGuestCart(
  db: Db,
  { guestCartId, userId }: { guestCartId: string; userId: string },
): Promise<void> {
  if (!UUID.test(guestCartId)) return;
  await db.transaction(async (tx) => {
    const [guest] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, guestCartId), isNull(carts.userId)))
      .for("update");
    if (!guest) return;
    await tx.insert(carts).values({ userId }).onConflictDoNothing();
    const [own] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId));
    if (!own) throw new Error("user cart missing after insert");
    await tx.execute(sql`
      insert into ${cartLines} (cart_id, sku_id, quantity)
      select ${own.id}, sku_id, quantity from ${cartLines} where cart_id = ${guest.id}
      on conflict (cart_id, sku_id) do update
        set quantity = least(${cartLines.quantity} + excluded.quantity, (
          select p.max_per_order from skus s join products p on p.id = s.product_id where s.id = excluded.sku_id
        )), updated_at = now()`);
    await tx.delete(carts).where(eq(carts.id, guest.id));
  });
}
