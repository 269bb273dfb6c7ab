import { buttonClass } from "@/components/ui/button-class";
import type { OrderDetail } from "@/lib/checkout/orders";
import { formatStoreDateTime } from "@/lib/store-time";

/**
 * What a buyer reads on coming back from Stripe's page without paying (often after a declined card): the order is
 * still theirs and held, and "Finish paying" returns to the same payment page, so a second try pays this order
 * rather than starting another. An order no longer waiting says what became of it.
 */
export function UnfinishedPayment({ order, timeZone }: { order: OrderDetail; timeZone: string }) {
  if (order.status !== "pending") {
    const said =
      order.status === "paid"
        ? "Your payment went through after all: this order is paid."
        : "This order is no longer held and no payment was taken. Your items are still in your cart.";
    return (
      <p
        role="status"
        className="mb-4 rounded-2xl border border-ink-100 bg-ink-50 px-4 py-3 text-sm text-ink-700"
      >
        {said}
      </p>
    );
  }
  return (
    <section
      aria-labelledby="unfinished-title"
      className="mb-4 rounded-2xl border border-amber-200 bg-amber-50 px-4 py-4 text-sm text-amber-900"
    >
      <h2 id="unfinished-title" className="text-base font-semibold">
        Payment not finished
      </h2>
      <p className="mt-1">
        Nothing was charged. Your items are held for you until{" "}
        {formatStoreDateTime(new Date(order.holdExpiresAt), timeZone)}: pay with another card, or cancel the
        order below to put them back on sale now.
      </p>
      {order.stripeSessionUrl ? (
        <a href={order.stripeSessionUrl} className={buttonClass({ className: "mt-3" })}>
          Finish paying
        </a>
      ) : null}
    </section>
  );
}
