import { describe, expect, it } from "vitest";
import { versionFields } from "@/tests/helpers/sale-form";
import { parseSaleForm, skuField } from "./draft";

const SH = "Asia/Shanghai";
const skus = [
  { id: 11, currency: "CNY" },
  { id: 12, currency: "CNY" },
];

function valid(over: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Noon sale",
    headline: "1,000 units",
    perAccountLimit: "2",
    registrationOpensAt: "2040-03-01T10:00",
    registrationClosesAt: "2040-03-02T12:00",
    startsAt: "2040-03-02T12:00",
    endsAt: "2040-03-02T14:00",
    ...versionFields(11, { include: "on", quantity: "600", price: "3999.00" }),
    ...versionFields(12, { quantity: "", price: "4299.00" }),
    ...over,
  };
}

function errorsOf(raw: Record<string, string>) {
  const parsed = parseSaleForm(raw, { timeZone: SH, skus });
  return parsed.ok ? {} : parsed.fieldErrors;
}

describe("the sale form", () => {
  it("turns a filled form into times in the store's zone, units and minor units", () => {
    const parsed = parseSaleForm(valid(), { timeZone: SH, skus });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.times.startsAt.at.toISOString()).toBe("2040-03-02T04:00:00.000Z");
    expect(parsed.value.times.startsAt.text).toBe("2040-03-02T12:00");
    expect(parsed.value.skus).toEqual([{ skuId: 11, quantity: 600, salePriceMinor: 399900 }]);
    expect(parsed.value.perAccountLimit).toBe(2);
  });

  it("answers an empty form with a message on every field a marketer must fill", () => {
    const errors = errorsOf({});
    expect(Object.keys(errors).sort()).toEqual(
      [
        "endsAt",
        "name",
        "perAccountLimit",
        "registrationClosesAt",
        "registrationOpensAt",
        "skus",
        "startsAt",
      ].sort(),
    );
    expect(errors.name).toEqual(["Give the sale a name."]);
    expect(errors.skus).toEqual(["Include at least one version in the sale."]);
  });

  it("refuses wrong types and out-of-range values field by field", () => {
    const errors = errorsOf(
      valid({
        perAccountLimit: "11",
        ...versionFields(11, { quantity: "0", price: "-5" }),
        ...versionFields(12, { include: "on", quantity: "twelve", price: "12.345" }),
      }),
    );
    expect(errors.perAccountLimit).toEqual(["At most 10 units per account."]);
    expect(errors[skuField(11, "quantity")]).toEqual(["Put at least 1 unit on sale."]);
    expect(errors[skuField(11, "price")]).toEqual(["A price cannot be negative."]);
    expect(errors[skuField(12, "quantity")]).toEqual(["Enter a number of units."]);
    expect(errors[skuField(12, "price")]).toEqual(["Use at most 2 decimals."]);
    expect(errorsOf(valid({ [skuField(11, "quantity")]: "2.5" }))[skuField(11, "quantity")]).toEqual([
      "Use a whole number of units.",
    ]);
    expect(errorsOf(valid({ [skuField(11, "quantity")]: "99999999999" }))[skuField(11, "quantity")]).toEqual([
      "That is more units than one sale can take.",
    ]);
  });

  it("wants registration before the start, and the start before the end", () => {
    expect(errorsOf(valid({ endsAt: "2040-03-02T12:00" })).endsAt).toEqual([
      "The sale must end after it starts.",
    ]);
    expect(errorsOf(valid({ registrationClosesAt: "2040-03-02T12:01" })).registrationClosesAt).toEqual([
      "Registration must close at or before the start.",
    ]);
    expect(errorsOf(valid({ registrationOpensAt: "2040-03-02T12:00" })).registrationClosesAt).toEqual([
      "Registration must close after it opens.",
    ]);
  });

  it("refuses a version that is not the product's (a forged or stale form)", () => {
    const errors = errorsOf(valid({ [skuField(999, "include")]: "on", [skuField(999, "quantity")]: "5" }));
    expect(errors.skus?.[0]).toContain("isn't part of this product");
  });
});
