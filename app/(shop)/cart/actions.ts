"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { getCartOwner } from "@/lib/auth/session";
import { addToCart, CART_COOKIE, removeCartLine, setCartLineQuantity } from "@/lib/cart/cart";
import { addToCartSchema, removeFromCartSchema, setCartQuantitySchema } from "@/lib/cart/schemas";
import { startCheckout } from "@/lib/checkout/checkout";
import { env, isProduction } from "@/lib/env";
import { getOrigin } from "@/lib/http";
import { getStripe } from "@/lib/payments/stripe";
import { pointsField } from "@/lib/points/schemas";
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

export const addToCartAction = defineAction({
  name: "addToCart",
  caller: "guest",
  input: addToCartSchema,
  refresh: true,
  run: async ({ input, db }) => {
    const result = await addToCart(db, { owner: await getCartOwner(), ...input });
    if (!result.ok) return result;
    if (result.createdGuestCart) await rememberGuestCart(result.cartId);
    return ok({ message: "Added to your cart." });
  },
});

export const setCartQuantityAction = defineAction({
  name: "setCartQuantity",
  caller: "guest",
  input: setCartQuantitySchema,
  refresh: true,
  run: async ({ input, db }) => {
    const result = await setCartLineQuantity(db, { owner: await getCartOwner(), ...input });
    if (!result.ok) return result;
    return ok({ message: input.quantity === 0 ? "Removed." : "Quantity updated." });
  },
});

export const removeFromCartAction = defineAction({
  name: "removeFromCart",
  caller: "guest",
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
  input: z.object({
    addressId: z.string().max(64).optional(),
    points: pointsField,
    expectedBalance: z.coerce.number().int().min(-100_000_000).max(100_000_000).optional(),
  }),
  run: async ({ input, caller, db, now }) => {
    const result = await startCheckout(
      { db, stripe: getStripe() },
      {
        userId: caller.id,
        email: caller.email,
        addressId: input.addressId || undefined,
        points: input.points,
        expectedBalance: input.expectedBalance,
        now,
        holdMinutes: env.HOLD_MINUTES,
        origin: await getOrigin(),
      },
    );
    return result.ok ? ok({ url: result.url }) : result;
  },
  redirectTo: (out) => out.url,
});
