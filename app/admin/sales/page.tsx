import type { Metadata } from "next";
import { SalesTable } from "@/components/admin/sales-table";
import { PageHeader } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { listConsoleSales } from "@/lib/sales/console-queries";
import { zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Sales" };

export default async function AdminSalesPage() {
  await requireMarketerPage("/admin/sales");
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const sales = await listConsoleSales(await getDb(), { now });
  return (
    <>
      <PageHeader
        title="Sales"
        description={`Running sales first, then upcoming, drafts and ended ones. Times in ${zoneLabel(tz, now)}.`}
        actions={
          <ButtonLink href="/admin/sales/new" size="console">
            New sale
          </ButtonLink>
        }
      />
      <SalesTable sales={sales} timeZone={tz} />
    </>
  );
}
