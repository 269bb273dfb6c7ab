import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addresses, orders } from "@/db/schema";
import { saveAddress } from "@/lib/addresses/addresses";
import { SHENZHEN_ADDRESS } from "@/lib/qa/sample-addresses";
import { withCheckoutEnv } from "@/tests/helpers/checkout";

/** Where a cart order goes: chosen or default address, frozen on the order, and handed to Stripe. */
const env = withCheckoutEnv({ secret: "whsec_checkout_address_tests", poolMax: 6 });

const SHENZHEN = { ...SHENZHEN_ADDRESS, recipientName: "Zhang Min" };

async function orderRow(orderId: string) {
  const [row] = await env.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) throw new Error("order missing");
  return row;
}

describe("the delivery address of a cart checkout (PostgreSQL)", () => {
  it("refuses to hold anything for an account without an address, and says what to do", async () => {
    const userId = await env.newShopper();
    await env.db.delete(addresses).where(eq(addresses.userId, userId));
    await env.addOne(userId);
    const before = await env.readSku();
    expect(await env.start(userId)).toMatchObject({
      ok: false,
      code: "address_required",
      message: "Add a delivery address so we know where to send your order.",
    });
    expect((await env.readSku()).held).toBe(before.held);
    expect(await env.pendingOrderOf(userId)).toBeUndefined();
  });

  it("ships to the default unless another is chosen; the order keeps its copy and Stripe gets it", async () => {
    const userId = await env.newShopper();
    await env.addOne(userId);
    const first = await env.start(userId);
    if (!first.ok) throw new Error(first.message);
    expect((await orderRow(first.orderId)).shippingAddress).toMatchObject({ city: "Beijing", country: "CN" });

    // Choosing another address is another checkout: the live order is released and a new one goes there.
    const other = await saveAddress(env.db, { userId, raw: SHENZHEN });
    if (!other.ok) throw new Error(other.message);
    const second = await env.start(userId, {}, { addressId: other.addressId });
    if (!second.ok) throw new Error(second.message);
    expect(second.orderId).not.toBe(first.orderId);
    expect((await orderRow(first.orderId)).status).toBe("cancelled");
    const order = await orderRow(second.orderId);
    expect(order.shippingAddress).toMatchObject({ recipientName: "Zhang Min", city: "Shenzhen" });

    // The same choice again reuses the live order and its session.
    const again = await env.start(userId, {}, { addressId: other.addressId });
    expect(again).toMatchObject({ ok: true, orderId: second.orderId, url: second.url });

    // Editing the book afterwards does not move a placed order.
    await saveAddress(env.db, {
      userId,
      addressId: other.addressId,
      raw: { ...SHENZHEN, street: "2 Keyuan Road" },
    });
    expect((await orderRow(second.orderId)).shippingAddress?.street).toBe("1 Keyuan Road, Tower B, 18F");

    if (!order.stripeSessionId) throw new Error("no session");
    const session = await env.stripe.checkout.sessions.retrieve(order.stripeSessionId);
    expect(session.url).toBe(second.url);
    const page = await (await fetch(session.url ?? "")).text();
    expect(page).toContain("1 Keyuan Road, Tower B, 18F");
  });

  it("an address from another account is refused, nothing held", async () => {
    const owner = await env.newShopper();
    const [theirs] = await env.db.select().from(addresses).where(eq(addresses.userId, owner));
    const userId = await env.newShopper();
    await env.addOne(userId);
    const before = await env.readSku();
    expect(await env.start(userId, {}, { addressId: theirs?.id ?? "" })).toMatchObject({
      ok: false,
      code: "address_required",
    });
    expect(await env.start(userId, {}, { addressId: "not-a-uuid" })).toMatchObject({
      code: "address_required",
    });
    expect((await env.readSku()).held).toBe(before.held);
  });
});
