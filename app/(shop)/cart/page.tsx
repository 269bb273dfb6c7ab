import type { Metadata } from "next";
import { CartLines, CartSummary, EmptyCart } from "@/components/cart/cart-view";
import { listAddresses } from "@/lib/addresses/addresses";
import { getCartOwner, getCurrentUser } from "@/lib/auth/session";
import { getCart } from "@/lib/cart/cart";
import { getDb } from "@/lib/db";
import { getCartClub } from "@/lib/points/checkout";
import { removeFromCartAction, setCartQuantityAction, startCheckoutAction } from "./actions";

export const metadata: Metadata = { title: "Your cart · Kite" };

export default async function CartPage() {
  const [owner, user] = await Promise.all([getCartOwner(), getCurrentUser()]);
  const db = await getDb();
  const [cart, addresses] = await Promise.all([
    getCart(db, owner),
    user ? listAddresses(db, { userId: user.id }) : [],
  ]);
  // Only what the address choice shows goes to the browser.
  const choices = addresses.map(({ userId: _owner, createdAt: _c, updatedAt: _u, ...choice }) => choice);
  if (cart.lines.length === 0) return <EmptyCart />;
  const club = user
    ? await getCartClub(db, { userId: user.id, lines: cart.lines, currency: cart.currency ?? "CNY" })
    : null;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Your cart</h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_320px]">
        <CartLines lines={cart.lines} setQuantity={setCartQuantityAction} remove={removeFromCartAction} />
        <CartSummary
          cart={cart}
          signedIn={user !== null}
          startCheckout={startCheckoutAction}
          addresses={choices}
          club={club}
        />
      </div>
    </div>
  );
}
