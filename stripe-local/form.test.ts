import { describe, expect, it } from "vitest";
import { formatMinorUnits } from "./checkout-page";
import { StripeApiError } from "./errors";
import { canonicalJson, parseStripeForm } from "./form";
import { Params } from "./params";

describe("parseStripeForm", () => {
  it("nests bracketed keys and turns numeric indexes into arrays", () => {
    const body =
      "mode=payment&line_items[0][price_data][currency]=usd&line_items[0][price_data][product_data][images][0]=a" +
      "&line_items[1][quantity]=2&metadata[order%20id]=o%261&expand[]=x&expand[]=y";
    expect(parseStripeForm(body)).toEqual({
      mode: "payment",
      line_items: [{ price_data: { currency: "usd", product_data: { images: ["a"] } } }, { quantity: "2" }],
      metadata: { "order id": "o&1" },
      expand: ["x", "y"],
    });
  });

  it("accepts percent-encoded brackets and keeps __proto__ as plain data", () => {
    const parsed = parseStripeForm("metadata%5B__proto__%5D=x&metadata%5Bok%5D=1");
    expect(Object.keys(parsed.metadata ?? {})).toEqual(["__proto__", "ok"]);
    expect(({} as Record<string, unknown>).ok).toBeUndefined();
  });

  it("rejects malformed and conflicting keys", () => {
    expect(() => parseStripeForm("a]=1")).toThrow(StripeApiError);
    expect(() => parseStripeForm("a=1&a[b]=2")).toThrow(StripeApiError);
    expect(() => parseStripeForm("a[b]=2&a=1")).toThrow(StripeApiError);
  });

  it("compares parameters regardless of order", () => {
    expect(canonicalJson(parseStripeForm("a=1&b[y]=2&b[x]=3"))).toBe(
      canonicalJson(parseStripeForm("b[x]=3&b[y]=2&a=1")),
    );
    expect(canonicalJson(parseStripeForm("a=1"))).not.toBe(canonicalJson(parseStripeForm("a=2")));
  });
});

describe("Params", () => {
  it("reports the full param path on errors", () => {
    const params = new Params(parseStripeForm("line_items[0][quantity]=two"));
    const [line] = params.objectList("line_items");
    try {
      line?.integer("quantity");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StripeApiError);
      expect((error as StripeApiError).body).toMatchObject({
        param: "line_items[0][quantity]",
        message: "Invalid integer: two",
      });
    }
  });

  it("treats empty strings as unset and enforces metadata limits", () => {
    const params = new Params(parseStripeForm(`a=&metadata[k]=${"v".repeat(501)}`));
    expect(params.string("a")).toBeUndefined();
    expect(() => params.metadata()).toThrow(/500 characters/);
  });
});

describe("formatMinorUnits", () => {
  it("uses Stripe's minor units per currency", () => {
    expect(formatMinorUnits(4_498, "usd")).toBe("$44.98");
    expect(formatMinorUnits(5, "eur")).toBe("€0.05");
    expect(formatMinorUnits(39_800, "jpy")).toBe("¥39,800");
    expect(formatMinorUnits(1_234_567, "kwd")).toMatch(/^KWD\s1,234\.567$/);
    expect(formatMinorUnits(123_456_789_012, "usd")).toBe("$1,234,567,890.12");
  });
});
