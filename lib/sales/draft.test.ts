import { describe, expect, it } from "vitest";
import { SHANGHAI_FORM, shanghaiSaleForm, versionFields } from "@/tests/helpers/sale-form";
import {
  CONFIRM_EVERYDAY_PRICE_FIELD,
  everydayPriceError,
  minTierFor,
  parseRulesEdit,
  parseSaleForm,
  skuField,
} from "./draft";

const SH = SHANGHAI_FORM.timeZone;

const valid = (over: Record<string, string> = {}) =>
  shanghaiSaleForm({ quantities: ["600", ""], headline: "1,000 units", perAccountLimit: "2" }, over);

function errorsOf(raw: Record<string, string>, savedPrices?: ReadonlyMap<number, number>) {
  const parsed = parseSaleForm(raw, { ...SHANGHAI_FORM, savedPrices });
  return parsed.ok ? {} : parsed.fieldErrors;
}

describe("the sale form", () => {
  it("turns a filled form into times in the store's zone, units and minor units", () => {
    const parsed = parseSaleForm(valid(), SHANGHAI_FORM);
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

describe("a sale price at or above the everyday price", () => {
  const priceOf11 = skuField(11, "price");
  const at = (price: string, over: Record<string, string> = {}) =>
    errorsOf(valid({ ...versionFields(11, { include: "on", quantity: "600", price }), ...over }));

  it("is refused without the confirmation, next to the price, naming the everyday price", () => {
    expect(at("4499.00")[priceOf11]).toEqual([
      "The same as the everyday price (¥4,499.00). Lower it, or tick “Sell at or above the everyday price”.",
    ]);
    expect(at("4699")[priceOf11]).toEqual([
      "Above the everyday price (¥4,499.00). Lower it, or tick “Sell at or above the everyday price”.",
    ]);
    expect(at("4498.99")[priceOf11]).toBeUndefined();
  });

  it("is allowed when the marketer ticks the confirmation", () => {
    for (const ticked of ["on", "true"]) {
      const parsed = parseSaleForm(
        valid({
          ...versionFields(11, { include: "on", quantity: "600", price: "4699.00" }),
          [CONFIRM_EVERYDAY_PRICE_FIELD]: ticked,
        }),
        SHANGHAI_FORM,
      );
      expect(parsed.ok).toBe(true);
    }
    expect(at("4699", { [CONFIRM_EVERYDAY_PRICE_FIELD]: "" })[priceOf11]).toHaveLength(1);
  });

  it("checks only versions in the sale, each against its own everyday price", () => {
    const errors = errorsOf(
      valid({
        ...versionFields(11, { include: "on", quantity: "1", price: "4600" }),
        ...versionFields(12, { include: "on", quantity: "1", price: "4600" }),
      }),
    );
    expect(errors[priceOf11]).toHaveLength(1);
    expect(errors[skuField(12, "price")]).toBeUndefined();
    expect(
      errorsOf(valid({ ...versionFields(12, { price: "9999" }) }))[skuField(12, "price")],
    ).toBeUndefined();
  });

  it("on edit, does not ask again about a price left as it was saved, but does about a changed one", () => {
    const saved = new Map([[11, 460_000]]);
    expect(
      errorsOf(valid({ ...versionFields(11, { include: "on", quantity: "1", price: "4600" }) }), saved)[
        priceOf11
      ],
    ).toBeUndefined();
    expect(
      errorsOf(valid({ ...versionFields(11, { include: "on", quantity: "1", price: "4650" }) }), saved)[
        priceOf11
      ],
    ).toHaveLength(1);
  });

  it("is one pure rule (everydayPriceError) the parser uses", () => {
    const base = { everydayPriceMinor: 1000, currency: "CNY", confirmed: false };
    expect(everydayPriceError({ ...base, salePriceMinor: 999 })).toBeNull();
    expect(everydayPriceError({ ...base, salePriceMinor: 1000 })).toContain(
      "The same as the everyday price (¥10.00)",
    );
    expect(everydayPriceError({ ...base, salePriceMinor: 1001, confirmed: true })).toBeNull();
    expect(everydayPriceError({ ...base, salePriceMinor: 1001, unchanged: true })).toBeNull();
    expect(everydayPriceError({ ...base, currency: "JPY", salePriceMinor: 1000 })).toContain("¥1,000");
  });
});

describe("the edit form's rules fields", () => {
  /** 09:30:15 in Shanghai on 1 Jan 2040: the form shows it without its seconds. */
  const current = {
    purchaseWindowMinutes: 60,
    eligibleCreatedBefore: new Date("2040-01-01T01:30:15Z"),
    minLifetimePoints: 5_000,
  };
  const parse = (raw: Record<string, string>, kind: "first_come" | "draw" = "draw") =>
    parseRulesEdit(raw, { timeZone: SH, kind, current });

  it("keeps what the form did not send, and a cutoff shown as stored at its exact instant", () => {
    expect(parse({})).toEqual({ ok: true, value: current });
    expect(minTierFor(current.minLifetimePoints)).toBe("Gold");
    expect(
      parse({ purchaseWindowMinutes: "60", eligibleCreatedBefore: "2040-01-01T09:30", minTier: "Gold" }),
    ).toEqual({ ok: true, value: current });
  });

  it("reads new values, blanks as none, and a first-come sale has no window to pay", () => {
    expect(parse({ purchaseWindowMinutes: "45", eligibleCreatedBefore: "", minTier: "" })).toEqual({
      ok: true,
      value: { purchaseWindowMinutes: 45, eligibleCreatedBefore: null, minLifetimePoints: null },
    });
    expect(parse({ purchaseWindowMinutes: "45", minTier: "Silver" }, "first_come")).toEqual({
      ok: true,
      value: { ...current, minLifetimePoints: 1_000 },
    });
  });

  it("names each bad field", () => {
    const bad = parse({ purchaseWindowMinutes: "2", eligibleCreatedBefore: "soon", minTier: "Bronze" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors).sort()).toEqual([
      "eligibleCreatedBefore",
      "minTier",
      "purchaseWindowMinutes",
    ]);
    expect(parse({ purchaseWindowMinutes: "" })).toMatchObject({
      ok: false,
      fieldErrors: { purchaseWindowMinutes: ["Enter how many minutes a winner has to pay."] },
    });
  });
});
