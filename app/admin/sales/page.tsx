import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles, EmptyState, PageHeader, SaleStateBadge } from "@/components/admin/ui";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { listConsoleSales } from "@/lib/sales/console-queries";
import { formatStoreDateTime, zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Sales" };

const number = new Intl.NumberFormat("en-US");

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
          <Link href="/admin/sales/new" className={buttonStyles.primary}>
            New sale
          </Link>
        }
      />
      {sales.length === 0 ? (
        <EmptyState
          title="No sales yet"
          action={
            <Link href="/admin/sales/new" className={buttonStyles.primary}>
              Create the first sale
            </Link>
          }
        >
          A flash sale puts a limited batch of one product on sale to fans who registered, between two times.
        </EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-ink-200">
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption className="sr-only">All sales</caption>
            <thead className="border-b border-ink-200 bg-ink-50 text-xs tracking-wide text-ink-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Sale
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  State
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Starts
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  Sold / units
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  Registered
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100 bg-white">
              {sales.map((s) => (
                <tr key={s.id} data-testid="sale-row" data-slug={s.slug}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link href={`/admin/sales/${s.id}`} className="font-medium text-ink-900 hover:underline">
                      {s.name}
                    </Link>
                    {s.featured && s.state !== "ended" ? (
                      <span className="ml-2 rounded bg-accent-50 px-1.5 py-0.5 text-xs font-semibold text-accent-700">
                        Featured
                      </span>
                    ) : null}
                    <span className="block text-xs text-ink-500">
                      {s.productName} · /sales/{s.slug}
                    </span>
                  </th>
                  <td className="px-4 py-3">
                    <SaleStateBadge state={s.state} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-ink-700">
                    {formatStoreDateTime(s.startsAt, tz)}
                  </td>
                  <td className="px-4 py-3 text-right text-ink-700 tabular-nums">
                    {number.format(s.sold)} / {number.format(s.totalQuantity)}
                  </td>
                  <td className="px-4 py-3 text-right text-ink-700 tabular-nums">
                    {number.format(s.registrations)}
                  </td>
                  <td className="px-4 py-3 text-right whitespace-nowrap">
                    <Link
                      href={`/admin/sales/${s.id}`}
                      className="font-medium text-accent-700 hover:underline"
                    >
                      Edit<span className="sr-only"> {s.name}</span>
                    </Link>
                    <span className="mx-2 text-ink-300" aria-hidden="true">
                      |
                    </span>
                    <Link
                      href={`/admin/sales/${s.id}/live`}
                      className="font-medium text-accent-700 hover:underline"
                    >
                      Live<span className="sr-only"> figures of {s.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
