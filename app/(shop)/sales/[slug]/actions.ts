"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type LegacyActionState as ActionState, legacyUnexpected, parseForm } from "@/lib/action";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getClientIp } from "@/lib/http";
import { getRequestNow } from "@/lib/qa/now";
import { checkSaleRateLimit, getSaleRateLimiter } from "@/lib/sales/rate-limit";
import { registerForSale } from "@/lib/sales/registration";
import { reserveSaleUnit } from "@/lib/sales/reserve";

const saleId = z.string().uuid("That sale does not exist.");
const registerSchema = z.strictObject({ saleId }, { error: "Unexpected field in the form." });
const reserveSchema = z.strictObject(
  {
    saleId,
    skuId: z.coerce.number({ message: "Choose an option." }).int().positive("Choose an option."),
    requestKey: z.string().min(8).max(64).optional(),
  },
  { error: "Unexpected field in the form." },
);

export type SaleActionState = ActionState<{ retryAfterSeconds?: number }>;

/** Registers the signed-in fan for a sale (once; a second press is fine). */
export async function registerForSaleAction(
  _prev: SaleActionState,
  formData: FormData,
): Promise<SaleActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to register for this sale." };
  const parsed = parseForm(registerSchema, formData);
  if (!parsed.ok) return parsed;
  const now = await getRequestNow();
  const limited = await checkSaleRateLimit(getSaleRateLimiter(), {
    action: "register",
    userId: user.id,
    ip: await getClientIp(),
    now,
  });
  if (!limited.ok) return { ok: false, error: limited.message, retryAfterSeconds: limited.retryAfterSeconds };
  try {
    const result = await registerForSale(await getDb(), {
      saleId: parsed.data.saleId,
      userId: user.id,
      now,
      timeZone: env.STORE_TIMEZONE,
    });
    if (!result.ok) return { ok: false, error: result.message };
    refresh();
    return {
      ok: true,
      message: result.alreadyRegistered
        ? "You're already registered."
        : "You're registered. See you at the start!",
    };
  } catch (error) {
    return legacyUnexpected(error, "registerForSale");
  }
}

/**
 * Buy now: reserves one unit in one statement (never waiting on Stripe), puts the fan in the checkout line and
 * sends them to their place in it. A double click or retry with the same request key returns the same hold.
 */
export async function reserveSaleUnitAction(
  _prev: SaleActionState,
  formData: FormData,
): Promise<SaleActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to buy in this sale." };
  const parsed = parseForm(reserveSchema, formData);
  if (!parsed.ok) return parsed;
  const now = await getRequestNow();
  const limited = await checkSaleRateLimit(getSaleRateLimiter(), {
    action: "reserve",
    userId: user.id,
    ip: await getClientIp(),
    now,
  });
  if (!limited.ok) return { ok: false, error: limited.message, retryAfterSeconds: limited.retryAfterSeconds };
  let holdId: string;
  try {
    const db = await getDb();
    const result = await reserveSaleUnit(db, {
      ...parsed.data,
      userId: user.id,
      now,
      holdMinutes: env.HOLD_MINUTES,
      timeZone: env.STORE_TIMEZONE,
      queueForCheckout: true,
    });
    if (!result.ok) return { ok: false, error: result.message };
    holdId = result.hold.holdId;
  } catch (error) {
    return legacyUnexpected(error, "reserveSaleUnit");
  }
  redirect(`/sales/holds/${holdId}`);
}
