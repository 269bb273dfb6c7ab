"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { type ActionState, parseForm, unexpected } from "@/lib/action";
import { getCartOwner } from "@/lib/auth/session";
import { addToCart, CART_COOKIE, removeCartLine, setCartLineQuantity } from "@/lib/cart/cart";
import { addToCartSchema, removeFromCartSchema, setCartQuantitySchema } from "@/lib/cart/schemas";
import { getDb } from "@/lib/db";

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
    return unexpected(error, "addToCart");
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
    return unexpected(error, "setCartQuantity");
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
    return unexpected(error, "removeFromCart");
  }
}
