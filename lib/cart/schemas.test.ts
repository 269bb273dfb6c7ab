import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/action";
import { addToCartSchema } from "./schemas";

function form(entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
}

describe("add-to-cart form validation", () => {
  it("accepts a SKU id and a quantity as FormData strings", () => {
    const parsed = parseForm(addToCartSchema, form({ skuId: "12", quantity: "2", productSlug: "kite-9" }));
    expect(parsed).toEqual({ ok: true, data: { skuId: 12, quantity: 2, productSlug: "kite-9" } });
  });

  it.each([
    ["0", "Choose at least 1."],
    ["-1", "Choose at least 1."],
    ["1000000000", "You can have at most 99 of one item."],
    ["abc", "Enter a number."],
    ["1.5", "Enter a whole number."],
  ])("refuses quantity %s with a message a shopper can act on", (quantity, message) => {
    const parsed = parseForm(addToCartSchema, form({ skuId: "12", quantity }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors.quantity).toEqual([message]);
  });

  it("refuses a price smuggled into the form", () => {
    const parsed = parseForm(addToCartSchema, form({ skuId: "12", quantity: "1", priceMinor: "1" }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(Object.values(parsed.fieldErrors).flat()).toContain("Unexpected field in the form.");
  });
});
