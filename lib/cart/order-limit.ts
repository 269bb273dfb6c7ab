/**
 * Per-product order limits: how many units of one product (all its versions together) one order may hold. The
 * marketer sets each product's limit in the console (products.max_per_order, 1…MAX_LINE_QUANTITY); the cart
 * refuses to pass it, the cart page flags a cart that does (a merged guest cart can), and checkout refuses it.
 * Pure: unit-tested without a database, imported by lib/cart and lib/checkout.
 */

export interface ProductUnits {
  productId: number;
  productName: string;
  maxPerOrder: number;
  quantity: number;
}

/** "You can buy at most 2 Kite 9 Pro per order." (plus what the cart already holds, when it holds some). */
export function orderLimitMessage(
  { productName, maxPerOrder }: Pick<ProductUnits, "productName" | "maxPerOrder">,
  alreadyInCart = 0,
): string {
  const limit = `You can buy at most ${maxPerOrder} ${productName} per order`;
  if (alreadyInCart <= 0) return `${limit}.`;
  return `${limit}, and ${alreadyInCart} ${alreadyInCart === 1 ? "is" : "are"} already in your cart.`;
}

/** Units per product, in the order each product first appears. */
export function unitsByProduct(lines: readonly ProductUnits[]): ProductUnits[] {
  const byProduct = new Map<number, ProductUnits>();
  for (const line of lines) {
    const seen = byProduct.get(line.productId);
    if (seen) seen.quantity += line.quantity;
    else byProduct.set(line.productId, { ...line });
  }
  return [...byProduct.values()];
}

/** Products whose units across the lines pass their limit (empty when the cart keeps every limit). */
export function productsOverLimit(lines: readonly ProductUnits[]): ProductUnits[] {
  return unitsByProduct(lines).filter((p) => p.quantity > p.maxPerOrder);
}
