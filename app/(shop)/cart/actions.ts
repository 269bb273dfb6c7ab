"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { actionsFor, defineAction } from "@/lib/action";
import { getCartOwner } from "@/lib/auth/session";
import { addToCart, CART_COOKIE, removeCartLine, setCartLineQuantity } from "@/lib/cart/cart";
import { addToCartSchema, removeFromCartSchema, setCartQuantitySchema } from "@/lib/cart/schemas";
import { startCheckout } from "@/lib/checkout/checkout";
import { env, isProduction } from "@/lib/env";
import { getOrigin } from "@/lib/http";
import { getStripe } from "@/lib/payments/stripe";
import { ok } from "@/lib/result";

async function rememberGuestCart(cartId: string) {
  const jar = await cookies();
  jar.set(CART_COOKIE, cartId, {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction,
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
}

const guestAction = actionsFor({ caller: "guest" });

export const addToCartAction = guestAction({
  name: "addToCart",
  input: addToCartSchema,
  refresh: true,
  run: async ({ input, db }) => {
    const result = await addToCart(db, { owner: await getCartOwner(), ...input });
    if (!result.ok) return result;
    if (result.createdGuestCart) await rememberGuestCart(result.cartId);
    return ok({ message: "Added to your cart." });
  },
});

export const setCartQuantityAction = guestAction({
  name: "setCartQuantity",
  input: setCartQuantitySchema,
  refresh: true,
  run: async ({ input, db }) => {
    const result = await setCartLineQuantity(db, { owner: await getCartOwner(), ...input });
    if (!result.ok) return result;
    return ok({ message: input.quantity === 0 ? "Removed." : "Quantity updated." });
  },
});

export const removeFromCartAction = guestAction({
  name: "removeFromCart",
  input: removeFromCartSchema,
  refresh: true,
  run: async ({ input, db }) => {
    const result = await removeCartLine(db, { owner: await getCartOwner(), ...input });
    return result.ok ? ok({ message: "Removed from your cart." }) : result;
  },
});

/**
 * Cart → held stock → Stripe Checkout. Signed-in shoppers only; the cart is the caller's own (no id from the
 * client), and the chosen delivery address must be in the caller's own book (lib checks). Redirects to Stripe's
 * page last.
 */
export const startCheckoutAction = defineAction({
  name: "startCheckout",
  caller: "user",
  signInTo: "/sign-in?callbackUrl=/cart",
  input: z.object({ addressId: z.string().max(64).optional() }),
  run: async ({ input, caller, db, now }) => {
    const result = await startCheckout(
      { db, stripe: getStripe() },
      {
        userId: caller.id,
        email: caller.email,
        addressId: input.addressId || undefined,
        now,
        holdMinutes: env.HOLD_MINUTES,
        origin: await getOrigin(),
      },
    );
    return result.ok ? ok({ url: result.url }) : result;
  },
  redirectTo: (out) => out.url,
});
