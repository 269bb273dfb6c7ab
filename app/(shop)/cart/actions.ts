"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type LegacyActionState as ActionState, legacyUnexpected, parseForm } from "@/lib/action";
import { getCartOwner, getCurrentUser } from "@/lib/auth/session";
import { addToCart, CART_COOKIE, removeCartLine, setCartLineQuantity } from "@/lib/cart/cart";
import { addToCartSchema, removeFromCartSchema, setCartQuantitySchema } from "@/lib/cart/schemas";
import { startCheckout } from "@/lib/checkout/checkout";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getOrigin } from "@/lib/http";
import { getStripe } from "@/lib/payments/stripe";
import { getRequestNow } from "@/lib/qa/now";

export type CartActionState = ActionState<{ itemCount?: number }>;

async function rememberGuestCart(cartId: string) {
  const jar = await cookies();
  jar.set(CART_COOKIE, cartId, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && process.env.STORE_ENV === "production",
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
}

export async function addToCartAction(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = parseForm(addToCartSchema, formData);
  if (!parsed.ok) return parsed;
  try {
    const owner = await getCartOwner();
    const result = await addToCart(await getDb(), { owner, ...parsed.data });
    if (!result.ok) return { ok: false, error: result.message };
    if (result.createdGuestCart) await rememberGuestCart(result.cartId);
    refresh();
    return { ok: true, message: "Added to your cart." };
  } catch (error) {
    return legacyUnexpected(error, "addToCart");
  }
}

export async function setCartQuantityAction(
  _prev: CartActionState,
  formData: FormData,
): Promise<CartActionState> {
  const parsed = parseForm(setCartQuantitySchema, formData);
  if (!parsed.ok) return parsed;
  try {
    const result = await setCartLineQuantity(await getDb(), { owner: await getCartOwner(), ...parsed.data });
    if (!result.ok) return { ok: false, error: result.message };
    refresh();
    return { ok: true, message: parsed.data.quantity === 0 ? "Removed." : "Quantity updated." };
  } catch (error) {
    return legacyUnexpected(error, "setCartQuantity");
  }
}

export async function removeFromCartAction(
  _prev: CartActionState,
  formData: FormData,
): Promise<CartActionState> {
  const parsed = parseForm(removeFromCartSchema, formData);
  if (!parsed.ok) return parsed;
  try {
    const result = await removeCartLine(await getDb(), { owner: await getCartOwner(), ...parsed.data });
    if (!result.ok) return { ok: false, error: result.message };
    refresh();
    return { ok: true, message: "Removed from your cart." };
  } catch (error) {
    return legacyUnexpected(error, "removeFromCart");
  }
}

/**
 * Cart → held stock → Stripe Checkout. Signed-in shoppers only; the cart is the caller's own (no id from the
 * client). Redirects to Stripe's page last, outside any try/catch.
 */
export async function startCheckoutAction(
  _prev: CartActionState,
  _formData: FormData,
): Promise<CartActionState> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/cart");
  let url: string;
  try {
    const result = await startCheckout(
      { db: await getDb(), stripe: getStripe() },
      {
        userId: user.id,
        email: user.email,
        now: await getRequestNow(),
        holdMinutes: env.HOLD_MINUTES,
        origin: await getOrigin(),
      },
    );
    if (!result.ok) return { ok: false, error: result.message };
    url = result.url;
  } catch (error) {
    return legacyUnexpected(error, "startCheckout");
  }
  redirect(url);
}
