import { describe, expect, it } from "vitest";
import { parseAuditFilters } from "./filters";
import { AUDIT_KINDS, type AuditFacts, describeAuditEntry } from "./wording";

const SH = { timeZone: "Asia/Shanghai" };
const SALE_ID = "0b6a1c52-5f0e-4c1e-9b0a-3f3b8c2d1e00";
const ORDER_ID = "4f1c9e2a-77b0-4d5e-8a61-0c2d3e4f5a6b";

const entry = (over: Partial<AuditFacts>): AuditFacts => ({
  action: "sale.update",
  actorName: "Li Wei",
  entityType: "sale",
  entityId: SALE_ID,
  summary: "",
  diff: {},
  subject: { name: "Noon drop", productName: "Kite 9 Pro", currency: "CNY" },
  ...over,
});
const say = (over: Partial<AuditFacts>) => describeAuditEntry(entry(over), SH);

/** One case per kind the code writes (grep `action: "` under lib/ for the writers). */
const CASES: Record<string, [Partial<AuditFacts>, string]> = {
  "sale.create": [
    {
      action: "sale.create",
      diff: { status: { from: null, to: "scheduled" }, totalQuantity: { from: null, to: 500 } },
    },
    "Li Wei created sale “Noon drop” with 500 units",
  ],
  "sale.update": [
    { diff: { "Graphite · 12 GB + 256 GB price": { from: "3999.00", to: "3499.00" } } },
    "Li Wei changed the sale price of Kite 9 Pro (Graphite · 12 GB + 256 GB) from ¥3,999 to ¥3,499",
  ],
  "sale.publish": [{ action: "sale.publish" }, "Li Wei scheduled sale “Noon drop” (it was a draft)"],
  "sale.end": [{ action: "sale.end" }, "Li Wei ended sale “Noon drop” early"],
  "sale.draw": [
    { action: "sale.draw", diff: { entries: { from: null, to: 40 }, winners: { from: null, to: 10 } } },
    "Li Wei ran the draw of sale “Noon drop”: 10 winners among 40 entries",
  ],
  "sale.feature": [
    { action: "sale.feature", diff: { featured: { from: "Dawn drop", to: "Noon drop" } } },
    "Li Wei featured sale “Noon drop” instead of “Dawn drop”",
  ],
  "sale.unfeature": [
    { action: "sale.unfeature", diff: { featured: { from: "Noon drop", to: null } } },
    "Li Wei stopped featuring “Noon drop”: no sale is featured",
  ],
  "hero.set": [
    {
      action: "hero.set",
      entityType: "hero_day",
      entityId: "2040-03-02",
      diff: JSON.parse(
        JSON.stringify({
          headline: { from: undefined, to: "Noon drop" },
          imageUrl: { from: undefined, to: "/images/hero/a.svg" },
        }),
      ),
    },
    "Li Wei scheduled the hero of Fri 2 Mar (“Noon drop”)",
  ],
  "hero.delete": [
    {
      action: "hero.delete",
      entityType: "hero_day",
      entityId: "2040-03-02",
      diff: { headline: { from: "Noon drop", to: null } },
    },
    "Li Wei removed the hero of Fri 2 Mar (“Noon drop”)",
  ],
  "order.pack": [
    { action: "order.pack", entityType: "order", entityId: ORDER_ID },
    "Li Wei packed order #4F1C9E2A",
  ],
  "order.ship": [
    {
      action: "order.ship",
      entityType: "order",
      entityId: ORDER_ID,
      diff: { carrier: { from: null, to: "SF Express" }, trackingNumber: { from: null, to: "SF123" } },
    },
    "Li Wei shipped order #4F1C9E2A with SF Express, tracking SF123",
  ],
  "order.deliver": [
    { action: "order.deliver", entityType: "order", entityId: ORDER_ID },
    "Li Wei marked order #4F1C9E2A delivered",
  ],
  "contact.status": [
    {
      action: "contact.status",
      entityType: "contact_message",
      subject: { name: "Ana Lima", productName: null, currency: null },
      diff: { status: { from: "new", to: "answered" } },
    },
    "Li Wei marked the message from Ana Lima answered",
  ],
  "product.limit": [
    {
      action: "product.limit",
      entityType: "product",
      entityId: "3",
      subject: { name: "Kite 9 Pro", productName: null, currency: null },
      diff: { maxPerOrder: { from: 99, to: 2 } },
    },
    "Li Wei changed the order limit of Kite 9 Pro from 99 to 2",
  ],
  "fcode.issue": [
    {
      action: "fcode.issue",
      diff: {
        batch: { from: null, to: "Kite Club moderators" },
        version: { from: null, to: "Kite 9 Pro (Graphite · 256 GB)" },
        codes: { from: null, to: 1200 },
        quota: { from: null, to: 300 },
        validFrom: { from: null, to: "2026-03-13T04:00:00.000Z" },
        validUntil: { from: null, to: "2026-03-14T04:00:00.000Z" },
        atExpiry: { from: null, to: "return_to_sale" },
      },
    },
    "Li Wei issued 1,200 F-codes “Kite Club moderators” for Kite 9 Pro (Graphite · 256 GB) in sale “Noon drop”, setting 300 units aside, valid from Fri, 13 Mar 2026, 12:00 GMT+8 until Sat, 14 Mar 2026, 12:00 GMT+8; after that unused units go back to the sale",
  ],
  "fcode.give": [
    {
      action: "fcode.give",
      diff: { code: { from: null, to: "…7KQ4" }, fan: { from: null, to: "fan@example.com" } },
    },
    "Li Wei gave F-code …7KQ4 for sale “Noon drop” to fan@example.com",
  ],
  "return.request": [
    {
      action: "return.request",
      entityType: "order",
      entityId: ORDER_ID,
      actorName: "Chen Jing",
      diff: { return: { from: null, to: "requested" }, reason: { from: null, to: "Arrived damaged" } },
    },
    "Chen Jing asked to return order #4F1C9E2A: Arrived damaged",
  ],
  "return.approve": [
    {
      action: "return.approve",
      entityType: "order",
      entityId: ORDER_ID,
      diff: { return: { from: "requested", to: "approved" } },
    },
    "Li Wei approved the return of order #4F1C9E2A and refunded it",
  ],
  "return.refuse": [
    {
      action: "return.refuse",
      entityType: "order",
      entityId: ORDER_ID,
      diff: {
        return: { from: "requested", to: "refused" },
        refusalReason: { from: null, to: "Only the carton was dented." },
      },
    },
    "Li Wei refused the return of order #4F1C9E2A: Only the carton was dented.",
  ],
  "review.hide": [
    {
      action: "review.hide",
      entityType: "review",
      entityId: "412",
      subject: { name: "Zhang Min", productName: "Kite Buds 2", currency: null },
      diff: { hidden: { from: null, to: "Shares a phone number." } },
    },
    "Li Wei hid Zhang Min's review of Kite Buds 2: Shares a phone number.",
  ],
  "review.show": [
    {
      action: "review.show",
      entityType: "review",
      entityId: "412",
      subject: undefined,
      diff: { hidden: { from: "Shares a phone number.", to: null } },
    },
    "Li Wei showed review #412 again",
  ],
  "return.receive": [
    {
      action: "return.receive",
      entityType: "order",
      entityId: ORDER_ID,
      diff: { unitsRestocked: { from: 0, to: 2 } },
    },
    "Li Wei received the returned parcel of order #4F1C9E2A; 2 units back on sale",
  ],
  "beta.open": [
    {
      action: "beta.open",
      entityType: "beta",
      diff: { title: { from: null, to: "Kite Band 5 beta" }, seats: { from: null, to: 500 } },
    },
    "Li Wei opened the beta “Kite Band 5 beta” with 500 seats",
  ],
  "beta.select": [
    {
      action: "beta.select",
      entityType: "beta",
      diff: {
        title: { from: null, to: "Kite Band 5 beta" },
        selected: { from: null, to: 12 },
        by: { from: null, to: "by the published rule" },
      },
    },
    "Li Wei selected 12 fans for the beta “Kite Band 5 beta” (by the published rule)",
  ],
  "beta.decline_rest": [
    {
      action: "beta.decline_rest",
      entityType: "beta",
      diff: { title: { from: null, to: "Kite Band 5 beta" }, declined: { from: null, to: 88 } },
    },
    "Li Wei told 88 applicants to the beta “Kite Band 5 beta” they were not selected",
  ],
  "points.adjust": [
    {
      action: "points.adjust",
      entityType: "account",
      diff: {
        fan: { from: null, to: "lin@example.com" },
        points: { from: null, to: -200 },
        reason: { from: null, to: "Duplicate referral" },
      },
    },
    "Li Wei adjusted the points of lin@example.com by -200: Duplicate referral",
  ],
};

describe("the audit log's wording", () => {
  it.each(Object.entries(CASES))("words %s", (_kind, [over, sentence]) => {
    expect(say(over).sentence).toBe(sentence);
  });

  it("has a case for every kind it knows", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(AUDIT_KINDS).sort());
  });

  it("words every field of a sale's edit; the first in the sentence, all in the details", () => {
    const said = say({
      diff: {
        "Graphite · 12 GB + 256 GB price": { from: "3999.00", to: "3499.50" },
        "Ice · 12 GB + 512 GB quantity": { from: 0, to: 50 },
        "Graphite · 16 GB + 1 TB quantity": { from: 20, to: 0 },
        "Graphite · 12 GB + 256 GB quantity": { from: 300, to: 350 },
        startsAt: { from: "2040-03-02T04:00:00.000Z", to: "2040-03-03T04:00:00.000Z" },
        name: { from: "Noon", to: "Noon drop" },
        totalQuantity: { from: 320, to: 400 },
      },
    });
    expect(said.sentence).toBe(
      "Li Wei changed the sale price of Kite 9 Pro (Graphite · 12 GB + 256 GB) from ¥3,999 to ¥3,499.50 and 5 more things",
    );
    expect(said.details).toEqual([
      "added Kite 9 Pro (Ice · 12 GB + 512 GB) to the sale with 50 units",
      "took Kite 9 Pro (Graphite · 16 GB + 1 TB) out of the sale",
      "changed the units of Kite 9 Pro (Graphite · 12 GB + 256 GB) from 300 to 350",
      expect.stringMatching(/^changed the start of sale “Noon drop” from .*2 Mar.* to .*3 Mar/),
      "changed the name of sale “Noon drop” from “Noon” to “Noon drop”",
    ]);
    expect(say({ diff: { totalQuantity: { from: 10, to: 20 } } }).sentence).toBe(
      "Li Wei changed the units of sale “Noon drop” from 10 to 20",
    );
  });

  it("says so when the sale is gone, and never prints JSON", () => {
    const said = say({ action: "sale.end", subject: undefined });
    expect(said.sentence).toBe("Li Wei ended a sale that no longer exists early");
    const edited = say({ subject: undefined, diff: { "Ice price": { from: "10.00", to: "9.00" } } });
    expect(edited.sentence).toBe(
      "Li Wei changed the sale price of a sale that no longer exists (Ice) from 10 to 9",
    );
    expect(edited.sentence).not.toMatch(/[{}]/);
  });

  it("falls back to a readable sentence for a kind it does not know (one a newer release writes)", () => {
    const said = say({
      action: "return.exchange",
      actorName: "Mei Chen",
      entityType: "return",
      entityId: "R-1042",
      summary: "Exchanged return R-1042 for order 4F1C9E2A",
    });
    expect(said.sentence).toBe("Mei Chen recorded “return exchange” on return R-1042");
    expect(said.details).toEqual(["Exchanged return R-1042 for order 4F1C9E2A"]);
    expect(say({ action: "toString", entityType: "order", entityId: ORDER_ID }).sentence).toBe(
      "Li Wei recorded “toString” on order #4F1C9E2A",
    );
  });
});

/** One value per filter that no filter can read. */
const UNREADABLE_FILTERS = {
  actor: "mara",
  kind: "DROP TABLE",
  from: "2040-02-30",
  to: "tomorrow",
  before: "-1",
};

describe("the audit log's filters (URL search params)", () => {
  it("reads empty filters as none, and real ones as given", () => {
    expect(parseAuditFilters({})).toMatchObject({ ok: true, active: false });
    expect(parseAuditFilters({ actor: "", kind: "", from: "", to: "" })).toMatchObject({
      ok: true,
      active: false,
    });
    expect(
      parseAuditFilters({
        actor: SALE_ID,
        kind: "sale.update",
        from: "2040-03-01",
        to: "2040-03-01",
        before: "42",
      }),
    ).toEqual({
      ok: true,
      active: true,
      filters: { actor: SALE_ID, kind: "sale.update", from: "2040-03-01", to: "2040-03-01", before: 42 },
    });
    expect(parseAuditFilters({ kind: ["order.ship", "x"] })).toMatchObject({
      ok: true,
      filters: { kind: "order.ship" },
    });
    // A kind nobody worded yet is still a kind (another release may write it).
    expect(parseAuditFilters({ kind: "return.approve" })).toMatchObject({ ok: true });
  });

  it("refuses what it can't read, with a message per field, keeping what was asked", () => {
    const bad = parseAuditFilters(UNREADABLE_FILTERS);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors).toEqual({
      actor: ["Choose a marketer from the list."],
      kind: ["Choose a kind of change from the list."],
      from: ["Use a start date like 2026-03-14."],
      to: ["Use an end date like 2026-03-14."],
      before: ["That page link is broken: go back to the newest entries."],
    });
    expect(bad.message).toMatch(/^These filters can't be used: Choose a marketer/);
    expect(bad.values.actor).toBe("mara");
    const backwards = parseAuditFilters({ from: "2040-03-05", to: "2040-03-01" });
    expect(backwards).toMatchObject({
      ok: false,
      fieldErrors: { to: ["The end date must be on or after the start date."] },
    });
  });
});
