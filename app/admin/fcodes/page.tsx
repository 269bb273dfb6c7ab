import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { GiveFcodeForm, IssueFcodesForm } from "@/components/admin/fcode-forms";
import { Card, EmptyState, PageHeader, TextLink } from "@/components/admin/ui";
import { type DataColumn, DataTable } from "@/components/ui/data-table";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { type FcodeBatchRow, listFcodeBatches, listFcodeTargets } from "@/lib/fcodes/queries";
import { FCODE_EXPIRY_CHOICES, issueBatchDefaults } from "@/lib/fcodes/rules";
import { getRequestNow } from "@/lib/qa/now";
import { formatStoreDateTime, zoneLabel } from "@/lib/store-time";
import { giveFcodeAction, issueFcodeBatchAction } from "./actions";

export const metadata: Metadata = { title: "F-codes" };

const number = new Intl.NumberFormat("en-US");

function batchColumns(now: Date, tz: string): DataColumn<FcodeBatchRow>[] {
  return [
    {
      header: "Batch",
      rowHeader: true,
      cell: (b) => (
        <>
          <span className="block font-semibold">{b.label}</span>
          <span className="block text-xs text-ink-500">
            {b.productName} ({b.variant}) · <TextLink href={`/sales/${b.saleSlug}`}>{b.saleName}</TextLink>
          </span>
          <span className="block text-xs text-ink-500">
            {now >= b.validUntil ? "Expired" : "Valid until"} {formatStoreDateTime(b.validUntil, tz)} ·{" "}
            {FCODE_EXPIRY_CHOICES[b.atExpiry].toLowerCase()} after
          </span>
        </>
      ),
    },
    { header: "Issued", numeric: true, cell: (b) => number.format(b.issued) },
    { header: "Given", numeric: true, cell: (b) => number.format(b.given) },
    { header: "Redeemed", numeric: true, cell: (b) => number.format(b.redeemed) },
    { header: "Paid", numeric: true, cell: (b) => number.format(b.paid) },
    { header: "Expired", numeric: true, cell: (b) => number.format(b.expired) },
    {
      header: "Units",
      numeric: true,
      cell: (b) => (
        <span className="text-xs whitespace-nowrap">
          {number.format(b.setAside)} set aside · {number.format(b.held)} held · {number.format(b.sold)} sold
          {b.returned > 0
            ? ` · ${number.format(b.returned)} ${b.atExpiry === "keep_in_quota" ? "moved to a newer batch" : "back to sale"}`
            : ""}
        </span>
      ),
    },
  ];
}

export default async function FcodesPage() {
  await requireMarketerPage("/admin/fcodes");
  const db = await getDb();
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const [batches, targets] = await Promise.all([
    listFcodeBatches(db, { now }),
    listFcodeTargets(db, { now }),
  ]);
  return (
    <>
      <PageHeader
        title="F-codes"
        description="Friend codes: each buys one unit of one version of a sale, before or during the public sale, from units set aside for the batch. Codes are shown once when issued; the store keeps only their fingerprints."
      />
      <div className="grid grid-cols-1 gap-6">
        <Card title="Issue a batch" titleId="issue-title">
          {targets.length === 0 ? (
            <EmptyState title="No sale to issue codes for">
              F-codes belong to a sale that is still to come or running.{" "}
              <TextLink href="/admin/sales/new">Create a sale</TextLink> first.
            </EmptyState>
          ) : (
            <IssueFcodesForm
              action={issueFcodeBatchAction}
              targets={targets.map((t) => ({
                value: `${t.saleId}:${t.skuId}`,
                label: t.label,
                free: t.free,
              }))}
              initial={issueBatchDefaults(now, tz)}
              requestKey={randomUUID()}
              zone={zoneLabel(tz, now)}
            />
          )}
        </Card>
        <Card title="Give a code to a fan" titleId="give-title">
          <p className="mb-4 text-sm text-ink-600">
            Paste a code from a batch's CSV and the fan's email: the code appears on their account page and
            they get an “F-code received” mail with its link.
          </p>
          <GiveFcodeForm action={giveFcodeAction} />
        </Card>
        <section aria-labelledby="batches-title">
          <h2 id="batches-title" className="mb-3 text-base font-semibold text-ink-900">
            Batches
          </h2>
          <DataTable
            caption="F-code batches and how far their codes have got"
            rows={batches}
            rowKey={(b) => b.id}
            rowProps={(b) => ({
              className: "align-top",
              "data-testid": "fcode-batch-row",
              "data-label": b.label,
            })}
            minWidth="60rem"
            empty={
              <EmptyState title="No F-codes yet">
                Issue a batch above: its codes and their progress show here.
              </EmptyState>
            }
            columns={batchColumns(now, tz)}
          />
        </section>
      </div>
    </>
  );
}
