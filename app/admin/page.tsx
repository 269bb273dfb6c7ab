import type { Metadata } from "next";
import {
  ComingUpCard,
  HeroSummaryCard,
  RecentChangesCard,
  RunningSalesCard,
} from "@/components/admin/overview-cards";
import { PageHeader } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { listAuditEntries } from "@/lib/audit/log";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getHeroPreview } from "@/lib/hero/preview";
import { getRequestNow } from "@/lib/qa/now";
import { listConsoleSales } from "@/lib/sales/console-queries";
import { addStoreDays, atStoreTime, storeDayOf } from "@/lib/sales/store-day";
import { formatStoreDateTime, zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Overview" };

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
          <ButtonLink href="/admin/sales/new" size="console">
            New sale
          </ButtonLink>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <RunningSalesCard running={running} next={coming[0]} timeZone={tz} />
        <ComingUpCard coming={coming} timeZone={tz} />
        <HeroSummaryCard
          days={[
            { label: "Today", day: today, preview: heroToday },
            { label: "Tomorrow", day: tomorrow, preview: heroTomorrow },
          ]}
          featured={featured}
        />
        <RecentChangesCard rows={recent.rows} timeZone={tz} />
      </div>
    </>
  );
}
