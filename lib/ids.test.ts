import { describe, expect, it } from "vitest";
import { addToCartSchema, setCartQuantitySchema } from "@/lib/cart/schemas";
import { isSqlInt, isUuid } from "./ids";

describe("ids as the database stores them", () => {
  it("a uuid is 8-4-4-4-12 hex digits, not any 36 characters of hex and dashes", () => {
    expect(isUuid("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe(true);
    expect(isUuid("-".repeat(36))).toBe(false);
    expect(isUuid("0f8fad5b-d9cb-469f-a165-70867728950")).toBe(false);
    expect(isUuid("0f8fad5bd9cb469fa16570867728950e----")).toBe(false);
  });

  it("a SKU id beyond int4 is refused by the cart's schemas like any bad choice", () => {
    expect(isSqlInt(2_147_483_647)).toBe(true);
    expect(isSqlInt(2_147_483_648)).toBe(false);
    for (const skuId of ["2147483648", "99999999999999999999", "1e10"]) {
      const parsed = addToCartSchema.safeParse({ skuId, quantity: "1" });
      expect(parsed.success, skuId).toBe(false);
      expect(setCartQuantitySchema.safeParse({ skuId, quantity: "1" }).success, skuId).toBe(false);
    }
    expect(addToCartSchema.safeParse({ skuId: "2147483647", quantity: "1" }).success).toBe(true);
  });
});
