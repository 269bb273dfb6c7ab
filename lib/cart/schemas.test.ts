import { describe, expect, it } from "vitest";
import { formFields } from "@/lib/action";
import { parseWith } from "@/lib/result";
import { addToCartSchema } from "./schemas";

/** What defineAction does with a form: read its text fields, then parse them with the action's schema. */
function parseForm(schema: typeof addToCartSchema, entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  const fields = formFields(fd);
  if (!fields.ok) throw new Error(fields.message);
  return parseWith(schema, fields.fields);
}

describe("add-to-cart form validation", () => {
  it("accepts a SKU id and a quantity as FormData strings", () => {
    const parsed = parseForm(addToCartSchema, { skuId: "12", quantity: "2", productSlug: "kite-9" });
    expect(parsed).toEqual({ ok: true, data: { skuId: 12, quantity: 2, productSlug: "kite-9" } });
  });

  it.each([
    ["0", "Choose at least 1."],
    ["-1", "Choose at least 1."],
    ["1000000000", "You can have at most 99 of one item."],
    ["abc", "Enter a number."],
    ["1.5", "Enter a whole number."],
  ])("refuses quantity %s with a message a shopper can act on", (quantity, message) => {
    const parsed = parseForm(addToCartSchema, { skuId: "12", quantity });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors?.quantity).toEqual([message]);
  });

  it("refuses a price smuggled into the form", () => {
    const parsed = parseForm(addToCartSchema, { skuId: "12", quantity: "1", priceMinor: "1" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(Object.values(parsed.fieldErrors ?? {}).flat()).toContain("Unexpected field in the form.");
  });
});
