import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { FeaturedSaleForm } from "@/components/admin/featured-sale-form";
import { HeroCalendar } from "@/components/admin/hero-calendar";
import { HeroEntryForm, RemoveHeroEntryForm } from "@/components/admin/hero-entry-form";
import { Card, Notice, PageHeader } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  CALENDAR_DAYS,
  type CalendarEntry,
  isStoreDay,
  listHeroCalendar,
  listHeroImages,
  listProductTargets,
  listSchedulableSales,
  MAX_DAYS_AHEAD,
} from "@/lib/hero/schedule";
import { getRequestNow } from "@/lib/qa/now";
import { addStoreDays, storeDayOf } from "@/lib/sales/store-day";
import { formatStoreDateTime, formatStoreDay, zoneLabel } from "@/lib/store-time";
import { featureSaleAction } from "../sales/actions";
import { removeHeroEntryAction, saveHeroEntryAction } from "./actions";

export const metadata: Metadata = { title: "Hero schedule" };

/** The editor's starting values: the day's entry, or a new one with the target's own image and a default button. */
function heroFormValues(entry: CalendarEntry | null, day: string) {
  if (!entry) {
    return {
      storeDay: day,
      target: "",
      headline: "",
      imageUrl: "",
      ctaLabel: "See the sale",
      ctaHref: "",
    };
  }
  return {
    storeDay: entry.storeDay,
    target: entry.saleId ? `sale:${entry.saleId}` : `product:${entry.productId}`,
    headline: entry.headline,
    imageUrl: entry.imageUrl,
    ctaLabel: entry.ctaLabel,
    ctaHref: entry.ctaHref,
  };
}

async function loadHeroSchedule(requested: string | undefined, now: Date, tz: string) {
  const db = await getDb();
  const today = storeDayOf(now, tz);
  const day =
    isStoreDay(requested) && requested >= today && requested <= addStoreDays(today, MAX_DAYS_AHEAD)
      ? requested
      : today;
  const [calendar, dayEntries, sales, products, images] = await Promise.all([
    listHeroCalendar(db, { fromDay: today, days: CALENDAR_DAYS }),
    listHeroCalendar(db, { fromDay: day, days: 1 }),
    listSchedulableSales(db, { now }),
    listProductTargets(db),
    listHeroImages(db),
  ]);
  const byDay = new Map(calendar.map((e) => [e.storeDay, e]));
  const days = Array.from({ length: CALENDAR_DAYS }, (_, i) => addStoreDays(today, i)).map((d) => ({
    day: d,
    entry: byDay.get(d),
  }));
  const when = (s: { startsAt: Date }) => formatStoreDateTime(s.startsAt, tz);
  const saleOptions = sales.map((s) => ({ id: s.id, name: s.name, when: when(s), imageUrl: s.imageUrl }));
  const featured = sales.find((s) => s.featured) ?? null;
  const targets = {
    sales: saleOptions,
    products: products.map((p) => ({ id: p.id, name: p.name, imageUrl: p.imageUrl })),
  };
  return { today, day, days, entry: dayEntries[0] ?? null, saleOptions, featured, targets, images };
}

/** After a save or a removal: what happened, and a link to see the homepage that day. */
function SavedNotice({ status, day }: { status: "saved" | "removed"; day: string }) {
  return (
    <Notice>
      {status === "saved"
        ? `Saved the hero of ${formatStoreDay(day)}.`
        : `Removed the hero of ${formatStoreDay(day)}.`}{" "}
      The homepage shows it now.{" "}
      <Link href={`/admin/hero/preview?at=${day}T12:00`} className="underline">
        Preview {formatStoreDay(day)}
      </Link>
    </Notice>
  );
}

export default async function HeroSchedulePage({
  searchParams,
}: {
  searchParams: Promise<{ day?: string; status?: string }>;
}) {
  await requireMarketerPage("/admin/hero");
  const { day: requested, status } = await searchParams;
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const { today, day, days, entry, saleOptions, featured, targets, images } = await loadHeroSchedule(
    requested,
    now,
    tz,
  );

  return (
    <>
      <PageHeader
        title="Hero schedule"
        description={`What the homepage hero shows on each store day. A day runs from midnight to midnight in ${zoneLabel(tz, now)}; today is ${formatStoreDay(today)}.`}
        actions={
          <ButtonLink href="/admin/hero/preview" variant="secondary" size="console">
            Preview the homepage
          </ButtonLink>
        }
      />
      {status === "saved" || status === "removed" ? <SavedNotice status={status} day={day} /> : null}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_23rem]">
        <div className="min-w-0 space-y-6">
          <Card title="Featured sale" titleId="featured">
            <FeaturedSaleForm
              action={featureSaleAction}
              sales={saleOptions}
              currentId={featured?.id ?? null}
            />
          </Card>

          <section aria-labelledby="calendar-title">
            <h2 id="calendar-title" className="mb-3 text-base font-semibold text-ink-900">
              Next {CALENDAR_DAYS} days
            </h2>
            <HeroCalendar days={days} today={today} selected={day} />
          </section>
        </div>

        <div className="xl:sticky xl:top-20 xl:self-start">
          <Card title={`${entry ? "Edit" : "Add"} the hero of ${formatStoreDay(day)}`} titleId="editor">
            <HeroEntryForm
              key={`${day}-${entry?.id ?? "new"}`}
              action={saveHeroEntryAction}
              initial={heroFormValues(entry, day)}
              targets={targets}
              images={images}
              entryId={entry?.id ?? null}
              requestKey={randomUUID()}
              zone={zoneLabel(tz, now)}
            />
            {entry ? (
              <div className="mt-4 border-t border-ink-100 pt-4">
                <RemoveHeroEntryForm
                  action={removeHeroEntryAction}
                  entryId={entry.id}
                  dayLabel={formatStoreDay(day)}
                />
                {entry.updatedBy ? (
                  <p className="mt-2 text-xs text-ink-500">
                    Last set by {entry.updatedBy}, {formatStoreDateTime(entry.updatedAt, tz)}.
                  </p>
                ) : null}
              </div>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
