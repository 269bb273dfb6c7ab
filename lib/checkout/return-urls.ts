/**
 * Where Stripe's page sends the buyer back, for cart and sale orders alike. Leaving the payment page (Stripe's
 * "back" link, often after a declined card) cancels nothing: it leads to the order's own page, which says the order
 * is still held and offers "Finish paying" (the same session, so the same order) or "Cancel order". A retry after a
 * decline therefore pays the order it started with instead of piling up new ones, and a GET changes nothing.
 */
export function checkoutReturnUrls(origin: string, orderId: string) {
  return {
    success_url: `${origin}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${origin}${unfinishedPaymentPath(orderId)}`,
  };
}

/** The order page, telling its owner the payment was not finished. */
export function unfinishedPaymentPath(orderId: string): string {
  return `/account/orders/${orderId}?payment=unfinished`;
}
