import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { EmptyState, PageHeader } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { listAuditEntries } from "@/lib/audit/log";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireMarketerPage("/admin/audit");
  const { before } = await searchParams;
  const cursor = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  const tz = env.STORE_TIMEZONE;
  const now = await getRequestNow();
  const { rows, nextBefore } = await listAuditEntries(await getDb(), { before: cursor });
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change made in the console: who, what and when (${zoneLabel(tz, now)}), newest first.`}
      />
      <AuditTable
        rows={rows}
        timeZone={tz}
        empty={
          <EmptyState title={cursor ? "No older entries" : "No changes yet"}>
            Creating or editing a sale, featuring one, and scheduling the homepage hero are all recorded here.
          </EmptyState>
        }
      />
      {nextBefore ? (
        <div className="mt-4">
          <ButtonLink href={`/admin/audit?before=${nextBefore}`} variant="secondary" size="console">
            Older entries
          </ButtonLink>
        </div>
      ) : null}
    </>
  );
}
