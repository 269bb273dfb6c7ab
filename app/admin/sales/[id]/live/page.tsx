import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveSaleView } from "@/components/admin/live-sale-view";
import { PageHeader } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { liveViewWithDemand } from "@/lib/sales/live";
import { formatStoreDateTime } from "@/lib/store-time";

export const metadata: Metadata = { title: "Live sale" };

export default async function LiveSalePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireMarketerPage(`/admin/sales/${id}/live`);
  const now = await getRequestNow();
  const view = await liveViewWithDemand(await getDb(), { saleId: id, now });
  if (!view) notFound();
  const tz = env.STORE_TIMEZONE;
  return (
    <>
      <PageHeader
        parent={{ href: `/admin/sales/${view.saleId}`, label: view.name }}
        title="Live figures"
        description={`Starts ${formatStoreDateTime(new Date(view.startsAt), tz)}, ends ${formatStoreDateTime(new Date(view.endsAt), tz)}.`}
        actions={
          <ButtonLink href={`/admin/sales/${view.saleId}`} variant="secondary" size="console">
            Edit sale
          </ButtonLink>
        }
      />
      <LiveSaleView initial={view} dataUrl={`/admin/sales/${view.saleId}/live/data`} timeZone={tz} />
    </>
  );
}
