import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { FeaturedSaleForm } from "@/components/admin/featured-sale-form";
import { HeroEntryForm, RemoveHeroEntryForm } from "@/components/admin/hero-entry-form";
import { buttonStyles, Card, PageHeader } from "@/components/admin/ui";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  CALENDAR_DAYS,
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

export default async function HeroSchedulePage({
  searchParams,
}: {
  searchParams: Promise<{ day?: string; status?: string }>;
}) {
  await requireMarketerPage("/admin/hero");
  const { day: requested, status } = await searchParams;
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
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
  const entry = dayEntries[0] ?? null;
  const byDay = new Map(calendar.map((e) => [e.storeDay, e]));
  const days = Array.from({ length: CALENDAR_DAYS }, (_, i) => addStoreDays(today, i));
  const when = (s: { startsAt: Date }) => formatStoreDateTime(s.startsAt, tz);
  const featured = sales.find((s) => s.featured) ?? null;
  const initial: Record<string, string> = entry
    ? {
        storeDay: entry.storeDay,
        target: entry.saleId ? `sale:${entry.saleId}` : `product:${entry.productId}`,
        headline: entry.headline,
        imageUrl: entry.imageUrl,
        ctaLabel: entry.ctaLabel,
        ctaHref: entry.ctaHref,
      }
    : {
        storeDay: day,
        target: "",
        headline: "",
        imageUrl: images[0]?.url ?? "",
        ctaLabel: "See the sale",
        ctaHref: "",
      };

  return (
    <>
      <PageHeader
        title="Hero schedule"
        description={`What the homepage hero shows on each store day. A day runs from midnight to midnight in ${zoneLabel(tz, now)}; today is ${formatStoreDay(today)}.`}
        actions={
          <Link href="/admin/hero/preview" className={buttonStyles.secondary}>
            Preview the homepage
          </Link>
        }
      />
      {status === "saved" || status === "removed" ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          {status === "saved"
            ? `Saved the hero of ${formatStoreDay(day)}.`
            : `Removed the hero of ${formatStoreDay(day)}.`}{" "}
          The homepage shows it now.{" "}
          <Link href={`/admin/hero/preview?at=${day}T12:00`} className="underline">
            Preview {formatStoreDay(day)}
          </Link>
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_23rem]">
        <div className="min-w-0 space-y-6">
          <Card title="Featured sale" titleId="featured">
            <FeaturedSaleForm
              action={featureSaleAction}
              sales={sales.map((s) => ({ id: s.id, name: s.name, when: when(s) }))}
              currentId={featured?.id ?? null}
            />
          </Card>

          <section aria-labelledby="calendar-title">
            <h2 id="calendar-title" className="mb-3 text-base font-semibold text-ink-900">
              Next {CALENDAR_DAYS} days
            </h2>
            <div className="relative overflow-x-auto rounded-xl border border-ink-200">
              <table className="w-full min-w-[30rem] text-left text-sm">
                <caption className="sr-only">Homepage hero for each store day</caption>
                <thead className="border-b border-ink-200 bg-ink-50 text-xs tracking-wide text-ink-500 uppercase">
                  <tr>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      Day
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      Hero
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-ink-100 bg-white">
                  {days.map((d) => {
                    const e = byDay.get(d);
                    const selected = d === day;
                    return (
                      <tr
                        key={d}
                        className={selected ? "bg-accent-50/60" : undefined}
                        aria-current={selected ? "date" : undefined}
                        data-testid="calendar-day"
                        data-day={d}
                      >
                        <th scope="row" className="px-4 py-2.5 font-medium whitespace-nowrap text-ink-900">
                          {formatStoreDay(d)}
                          {d === today ? (
                            <span className="ml-2 text-xs font-normal text-ink-500">today</span>
                          ) : null}
                        </th>
                        <td className="px-4 py-2.5">
                          {e ? (
                            <div className="flex items-center gap-3">
                              {/* biome-ignore lint/performance/noImgElement: local SVG artwork needs no optimisation */}
                              <img
                                src={e.imageUrl}
                                alt=""
                                width={36}
                                height={36}
                                className="h-9 w-9 rounded border border-ink-200 object-contain"
                              />
                              <div className="min-w-0">
                                <p className="truncate font-medium text-ink-900">{e.headline}</p>
                                <p className="truncate text-xs text-ink-500">
                                  {e.saleName
                                    ? `Sale: ${e.saleName}`
                                    : `Product: ${e.productName ?? "removed"}`}{" "}
                                  · {e.ctaLabel}
                                </p>
                              </div>
                            </div>
                          ) : (
                            <span className="text-ink-500">No entry: running or next sale</span>
                          )}
                        </td>
                        <td className="px-4 py-2.5 text-right whitespace-nowrap">
                          <Link
                            href={`/admin/hero?day=${d}`}
                            className="font-medium text-accent-700 hover:underline"
                            aria-label={`${e ? "Edit" : "Add"} the hero of ${formatStoreDay(d)}`}
                          >
                            {e ? "Edit" : "Add"}
                          </Link>
                          <span className="mx-2 text-ink-300" aria-hidden="true">
                            |
                          </span>
                          <Link
                            href={`/admin/hero/preview?at=${d}T12:00`}
                            className="font-medium text-accent-700 hover:underline"
                            aria-label={`Preview ${formatStoreDay(d)}`}
                          >
                            Preview
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </div>

        <div className="xl:sticky xl:top-20 xl:self-start">
          <Card title={`${entry ? "Edit" : "Add"} the hero of ${formatStoreDay(day)}`} titleId="editor">
            <HeroEntryForm
              key={`${day}-${entry?.id ?? "new"}`}
              action={saveHeroEntryAction}
              initial={initial}
              targets={{
                sales: sales.map((s) => ({ id: s.id, name: s.name, when: when(s) })),
                products: products.map((p) => ({ id: p.id, name: p.name })),
              }}
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
