"use server";

import { randomUUID } from "node:crypto";
import { refresh, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { legacyUnexpected } from "@/lib/action";
import type { AdminFormState } from "@/lib/admin/form-state";
import { MARKETERS_ONLY } from "@/lib/auth/marketer-page";
import { getCurrentMarketer } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { HERO_TAG } from "@/lib/hero/cached";
import { getRequestNow } from "@/lib/qa/now";
import { saleTag } from "@/lib/sales/cached";
import {
  createConsoleSale,
  endSale,
  publishSale,
  setFeaturedSale,
  updateConsoleSale,
} from "@/lib/sales/console";
import { formRecord } from "@/lib/sales/draft";
import { getSale } from "@/lib/sales/queries";

/*
 * The console's sale commands. Each one checks the caller itself (a server action is a public POST endpoint),
 * then hands the form to lib/admin, which validates, writes and records the audit entry in one transaction.
 * Afterwards the cached pages that show sales are expired: the homepage hero and the sale's own page.
 */

async function expireSaleCaches(saleId: string) {
  updateTag(HERO_TAG);
  updateTag("sales");
  const sale = await getSale(await getDb(), { saleId });
  if (sale) updateTag(saleTag(sale.slug));
}

export async function createSaleAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const marketer = await getCurrentMarketer();
  if (!marketer) return { ok: false, error: MARKETERS_ONLY };
  const raw = formRecord(formData);
  let saleId: string;
  try {
    const result = await createConsoleSale(await getDb(), {
      actor: marketer,
      raw,
      timeZone: env.STORE_TIMEZONE,
      now: await getRequestNow(),
    });
    if (!result.ok) return { ...result, values: raw };
    saleId = result.saleId;
    await expireSaleCaches(saleId);
  } catch (error) {
    return { ...legacyUnexpected(error, "createSale"), values: raw, nextRequestKey: randomUUID() };
  }
  redirect(`/admin/sales/${saleId}?status=created`);
}

export async function updateSaleAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const marketer = await getCurrentMarketer();
  if (!marketer) return { ok: false, error: MARKETERS_ONLY };
  const raw = formRecord(formData);
  try {
    const result = await updateConsoleSale(await getDb(), {
      actor: marketer,
      saleId: raw.saleId ?? "",
      raw,
      timeZone: env.STORE_TIMEZONE,
      now: await getRequestNow(),
    });
    if (!result.ok) return { ...result, values: raw };
    if (result.changed) await expireSaleCaches(result.saleId);
    refresh();
    return { ok: true, message: result.message };
  } catch (error) {
    return { ...legacyUnexpected(error, "updateSale"), values: raw };
  }
}

async function simpleSaleCommand(
  formData: FormData,
  context: string,
  run: (input: {
    saleId: string;
    now: Date;
    actor: { id: string; email: string };
  }) => Promise<AdminFormState>,
): Promise<AdminFormState> {
  const marketer = await getCurrentMarketer();
  if (!marketer) return { ok: false, error: MARKETERS_ONLY };
  const saleId = String(formData.get("saleId") ?? "");
  try {
    const result = await run({ saleId, now: await getRequestNow(), actor: marketer });
    if (result?.ok) {
      if (saleId) await expireSaleCaches(saleId);
      refresh();
    }
    return result;
  } catch (error) {
    return legacyUnexpected(error, context);
  }
}

export async function publishSaleAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return simpleSaleCommand(formData, "publishSale", async ({ saleId, now, actor }) =>
    publishSale(await getDb(), { actor, saleId, now, timeZone: env.STORE_TIMEZONE }),
  );
}

export async function endSaleAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return simpleSaleCommand(formData, "endSale", async ({ saleId, now, actor }) =>
    endSale(await getDb(), { actor, saleId, now }),
  );
}

/** `saleId` empty means "no featured sale". */
export async function featureSaleAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const marketer = await getCurrentMarketer();
  if (!marketer) return { ok: false, error: MARKETERS_ONLY };
  const saleId = String(formData.get("saleId") ?? "").trim();
  try {
    const result = await setFeaturedSale(await getDb(), {
      actor: marketer,
      saleId: saleId === "" ? null : saleId,
      now: await getRequestNow(),
    });
    if (!result.ok) return result;
    updateTag(HERO_TAG);
    updateTag("sales");
    refresh();
    return result;
  } catch (error) {
    return legacyUnexpected(error, "featureSale");
  }
}
