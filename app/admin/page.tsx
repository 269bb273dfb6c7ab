import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles, Card, EmptyState, PageHeader, SaleStateBadge } from "@/components/admin/ui";
import { listAuditEntries } from "@/lib/audit/log";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getHeroPreview } from "@/lib/hero/preview";
import { getRequestNow } from "@/lib/qa/now";
import { listConsoleSales } from "@/lib/sales/console-queries";
import { addStoreDays, atStoreTime, storeDayOf } from "@/lib/sales/store-day";
import { formatStoreDateTime, formatStoreDay, zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Overview" };

const number = new Intl.NumberFormat("en-US");

export default async function AdminOverviewPage() {
  await requireMarketerPage("/admin");
  const now = await getRequestNow();
  const db = await getDb();
  const tz = env.STORE_TIMEZONE;
  const today = storeDayOf(now, tz);
  const tomorrow = addStoreDays(today, 1);
  const [sales, heroToday, heroTomorrow, recent] = await Promise.all([
    listConsoleSales(db, { now }),
    getHeroPreview(db, { asOf: now, timeZone: tz }),
    getHeroPreview(db, { asOf: atStoreTime(tomorrow, 12, 0, tz), timeZone: tz }),
    listAuditEntries(db, { limit: 6 }),
  ]);
  const running = sales.filter((s) => s.state === "live" || s.state === "sold_out");
  const coming = sales.filter((s) => s.state === "upcoming" || s.state === "registration_open").slice(0, 5);
  const featured = sales.find((s) => s.featured && s.state !== "ended" && s.state !== "draft");
  const heroLine = (p: typeof heroToday) =>
    p.entry?.headline ?? p.sale?.name ?? (p.productSlug ? `Product: ${p.productSlug}` : "Nothing");

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <>
            The store's sales and homepage at a glance. Times are in {zoneLabel(tz, now)}; it is{" "}
            {formatStoreDateTime(now, tz)}.
          </>
        }
        actions={
          <Link href="/admin/sales/new" className={buttonStyles.primary}>
            New sale
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card title="Running now" titleId="running">
          {running.length === 0 ? (
            <EmptyState title="No sale is running">
              {coming[0]
                ? `Next: “${coming[0].name}”, ${formatStoreDateTime(coming[0].startsAt, tz)}.`
                : null}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-ink-100">
              {running.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium text-ink-900">{s.name}</p>
                    <p className="text-sm text-ink-600">
                      {number.format(s.sold)} sold · {number.format(s.held)} held ·{" "}
                      {number.format(s.remaining)} left
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <SaleStateBadge state={s.state} />
                    <Link href={`/admin/sales/${s.id}/live`} className={buttonStyles.secondary}>
                      Watch live
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Coming up" titleId="coming">
          {coming.length === 0 ? (
            <EmptyState
              title="Nothing scheduled"
              action={
                <Link href="/admin/sales/new" className={buttonStyles.primary}>
                  Create a sale
                </Link>
              }
            >
              Schedule the next flash sale so fans can register.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-ink-100">
              {coming.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <Link href={`/admin/sales/${s.id}`} className="font-medium text-ink-900 hover:underline">
                      {s.name}
                    </Link>
                    <p className="text-sm text-ink-600">
                      Starts {formatStoreDateTime(s.startsAt, tz)} · {number.format(s.registrations)}{" "}
                      registered
                    </p>
                  </div>
                  <SaleStateBadge state={s.state} />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card
          title="Homepage hero"
          titleId="hero"
          actions={
            <Link href="/admin/hero" className="text-sm font-medium text-accent-700 hover:underline">
              Schedule
            </Link>
          }
        >
          <dl className="space-y-4 text-sm">
            {(
              [
                ["Today", today, heroToday],
                ["Tomorrow", tomorrow, heroTomorrow],
              ] as const
            ).map(([label, day, p]) => (
              <div key={label}>
                <dt className="font-medium text-ink-900">
                  {label}, {formatStoreDay(day)}
                </dt>
                <dd className="text-ink-700">{heroLine(p)}</dd>
                <dd className="text-ink-500">{p.explanation}</dd>
              </div>
            ))}
            <div>
              <dt className="font-medium text-ink-900">Featured sale</dt>
              <dd className="text-ink-700">{featured ? featured.name : "None"}</dd>
            </div>
          </dl>
        </Card>

        <Card
          title="Recent changes"
          titleId="recent"
          actions={
            <Link href="/admin/audit" className="text-sm font-medium text-accent-700 hover:underline">
              Audit log
            </Link>
          }
        >
          {recent.rows.length === 0 ? (
            <EmptyState title="No changes yet">Every change made in the console is listed here.</EmptyState>
          ) : (
            <ul className="divide-y divide-ink-100 text-sm">
              {recent.rows.map((r) => (
                <li key={r.id} className="py-2.5">
                  <p className="text-ink-900">{r.summary}</p>
                  <p className="text-ink-500">
                    {r.actorEmail} · {formatStoreDateTime(r.createdAt, tz)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
