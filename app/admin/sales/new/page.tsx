import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { SaleForm } from "@/components/admin/sale-form";
import { PageHeader } from "@/components/admin/ui";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  PER_ACCOUNT_LIMIT_DEFAULT,
  REMINDER_MINUTES_DEFAULT,
  WAITLIST_OFFER_MINUTES_DEFAULT,
} from "@/lib/limits";
import { getRequestNow } from "@/lib/qa/now";
import { listProductOptions } from "@/lib/sales/console-queries";
import { addStoreDays, atStoreTime, storeDayOf } from "@/lib/sales/store-day";
import { toStoreInputValue, zoneLabel } from "@/lib/store-time";
import { createSaleAction } from "../actions";

export const metadata: Metadata = { title: "New sale" };

export default async function NewSalePage() {
  await requireMarketerPage("/admin/sales/new");
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const products = await listProductOptions(await getDb());
  // Sensible defaults: registration open from now (this minute), the sale tomorrow at noon for two hours.
  const startsAt = atStoreTime(addStoreDays(storeDayOf(now, tz), 1), 12, 0, tz);
  const opens = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const initial = {
    name: "",
    slug: "",
    headline: "",
    productId: "",
    perAccountLimit: String(PER_ACCOUNT_LIMIT_DEFAULT),
    waitlistOfferMinutes: String(WAITLIST_OFFER_MINUTES_DEFAULT),
    reminderMinutes: String(REMINDER_MINUTES_DEFAULT),
    status: "scheduled",
    registrationOpensAt: toStoreInputValue(opens < startsAt ? opens : now, tz),
    registrationClosesAt: toStoreInputValue(startsAt, tz),
    startsAt: toStoreInputValue(startsAt, tz),
    endsAt: toStoreInputValue(new Date(startsAt.getTime() + 2 * 3_600_000), tz),
  };
  return (
    <>
      <PageHeader
        parent={{ href: "/admin/sales", label: "Sales" }}
        title="New sale"
        description="Choose the product, the versions and how many units of each, the sale price, and when fans register and buy."
      />
      <SaleForm
        mode="create"
        action={createSaleAction}
        products={products.map((p) => ({
          id: p.id,
          name: p.name,
          skus: p.skus.map((s) => ({
            id: s.id,
            code: s.code,
            label: s.label,
            listPriceMinor: s.listPriceMinor,
            everydayPriceMinor: s.priceMinor,
            currency: s.currency,
            available: s.available,
          })),
        }))}
        initial={initial}
        zone={zoneLabel(tz, startsAt)}
        requestKey={randomUUID()}
      />
    </>
  );
}
