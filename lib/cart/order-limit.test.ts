import { describe, expect, it } from "vitest";
import { orderLimitMessage, productsOverLimit, unitsByProduct } from "./order-limit";

const phone = { productId: 1, productName: "Kite 9 Pro", maxPerOrder: 2 };
const buds = { productId: 2, productName: "Kite Buds 2", maxPerOrder: 5 };

describe("per-product order limits", () => {
  it("adds a product's versions together, in the order products first appear", () => {
    expect(
      unitsByProduct([
        { ...buds, quantity: 1 },
        { ...phone, quantity: 1 },
        { ...buds, quantity: 3 },
      ]),
    ).toEqual([
      { ...buds, quantity: 4 },
      { ...phone, quantity: 1 },
    ]);
  });

  it("flags only products past their limit, counting every version", () => {
    expect(productsOverLimit([{ ...phone, quantity: 2 }])).toEqual([]);
    expect(
      productsOverLimit([
        { ...phone, quantity: 1 },
        { ...buds, quantity: 5 },
        { ...phone, quantity: 2 },
      ]),
    ).toEqual([{ ...phone, quantity: 3 }]);
  });

  it("says the limit, and what the cart already holds", () => {
    expect(orderLimitMessage(phone)).toBe("You can buy at most 2 Kite 9 Pro per order.");
    expect(orderLimitMessage(phone, 1)).toBe(
      "You can buy at most 2 Kite 9 Pro per order, and 1 is already in your cart.",
    );
    expect(orderLimitMessage(buds, 3)).toBe(
      "You can buy at most 5 Kite Buds 2 per order, and 3 are already in your cart.",
    );
  });
});
