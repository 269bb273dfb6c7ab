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
import { pointsField } from "@/lib/points/schemas";
import { ok, type Result } from "@/lib/result";

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

/**
 * A change to the caller's own cart (a guest's too): the cart is found from the session or its cookie, never
 * from the form, and the page redraws after it.
 */
const cartAction = <S extends z.ZodType, T extends object>(
  name: string,
  input: S,
  change: (
    db: Parameters<typeof addToCart>[0],
    command: z.infer<S> & { owner: Awaited<ReturnType<typeof getCartOwner>> },
  ) => Promise<Result<T>>,
) =>
  guestAction({
    name,
    input,
    refresh: true,
    run: async ({ input, db }) => change(db, Object.assign({ owner: await getCartOwner() }, input)),
  });

export const addToCartAction = cartAction("addToCart", addToCartSchema, async (db, command) => {
  const result = await addToCart(db, command);
  if (!result.ok) return result;
  if (result.createdGuestCart) await rememberGuestCart(result.cartId);
  return ok({ message: "Added to your cart." });
});

export const setCartQuantityAction = cartAction(
  "setCartQuantity",
  setCartQuantitySchema,
  async (db, command) => {
    const result = await setCartLineQuantity(db, command);
    return result.ok ? ok({ message: command.quantity === 0 ? "Removed." : "Quantity updated." }) : result;
  },
);

export const removeFromCartAction = cartAction(
  "removeFromCart",
  removeFromCartSchema,
  async (db, command) => {
    const result = await removeCartLine(db, command);
    return result.ok ? ok({ message: "Removed from your cart." }) : result;
  },
);

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
