"use server";

import { randomUUID } from "node:crypto";
import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { legacyUnexpected } from "@/lib/action";
import type { AdminFormState } from "@/lib/admin/form-state";
import { MARKETERS_ONLY } from "@/lib/auth/marketer-page";
import { getCurrentMarketer } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { HERO_TAG } from "@/lib/hero/cached";
import { removeHeroEntry, saveHeroEntry } from "@/lib/hero/schedule";
import { getRequestNow } from "@/lib/qa/now";
import { formRecord } from "@/lib/sales/draft";

/*
 * The hero schedule's commands. Each checks the caller itself, writes through lib/admin (entry + audit in one
 * transaction), and expires the cached homepage hero so the change shows at once, without a redeploy.
 */

export async function saveHeroEntryAction(
  _prev: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const marketer = await getCurrentMarketer();
  if (!marketer) return { ok: false, error: MARKETERS_ONLY };
  const raw = formRecord(formData);
  let day: string;
  try {
    const result = await saveHeroEntry(await getDb(), {
      actor: marketer,
      raw,
      timeZone: env.STORE_TIMEZONE,
      now: await getRequestNow(),
    });
    if (!result.ok) return { ...result, values: raw };
    day = result.storeDay;
    updateTag(HERO_TAG);
  } catch (error) {
    return { ...legacyUnexpected(error, "saveHeroEntry"), values: raw, nextRequestKey: randomUUID() };
  }
  redirect(`/admin/hero?day=${day}&status=saved`);
}

export async function removeHeroEntryAction(
  _prev: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const marketer = await getCurrentMarketer();
  if (!marketer) return { ok: false, error: MARKETERS_ONLY };
  let day: string | null;
  try {
    const result = await removeHeroEntry(await getDb(), {
      actor: marketer,
      entryId: Number(formData.get("entryId")),
    });
    if (!result.ok) return result;
    day = result.storeDay;
    updateTag(HERO_TAG);
  } catch (error) {
    return legacyUnexpected(error, "removeHeroEntry");
  }
  redirect(day ? `/admin/hero?day=${day}&status=removed` : "/admin/hero");
}
