import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndSaleForm, SaleCommandForm } from "@/components/admin/sale-commands";
import { SaleForm } from "@/components/admin/sale-form";
import { buttonStyles, Card, EmptyState, PageHeader, SaleStateBadge } from "@/components/admin/ui";
import { listAuditEntries } from "@/lib/audit/log";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { formatMoneyInput } from "@/lib/money-input";
import { getRequestNow } from "@/lib/qa/now";
import { getSaleForEdit } from "@/lib/sales/console-queries";
import { skuField } from "@/lib/sales/draft-fields";
import { hasEnded, hasStarted } from "@/lib/sales/edit-policy";
import { getSaleState } from "@/lib/sales/rules";
import { formatStoreDateTime, toStoreInputValue, zoneLabel } from "@/lib/store-time";
import { endSaleAction, featureSaleAction, publishSaleAction, updateSaleAction } from "../actions";

export const metadata: Metadata = { title: "Sale" };

const number = new Intl.NumberFormat("en-US");

export default async function AdminSalePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ status?: string }>;
}) {
  const { id } = await params;
  await requireMarketerPage(`/admin/sales/${id}`);
  const { status } = await searchParams;
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const db = await getDb();
  const sale = await getSaleForEdit(db, { saleId: id });
  if (!sale) notFound();
  const history = await listAuditEntries(db, { entity: { type: "sale", id: sale.id }, limit: 20 });
  const state =
    sale.status === "draft"
      ? "draft"
      : getSaleState({ sale, now, figures: { remaining: sale.skus.reduce((n, s) => n + s.available, 0) } });
  const started = hasStarted(sale, now);
  const ended = hasEnded(sale, now);
  const included = sale.skus.filter((s) => s.included);
  const totals = included.reduce(
    (t, s) => ({ held: t.held + s.held, sold: t.sold + s.sold, available: t.available + s.available }),
    { held: 0, sold: 0, available: 0 },
  );

  const initial: Record<string, string> = {
    saleId: sale.id,
    slug: sale.slug,
    name: sale.name,
    headline: sale.headline,
    productId: String(sale.product.id),
    perAccountLimit: String(sale.perAccountLimit),
    registrationOpensAt: toStoreInputValue(sale.registrationOpensAt, tz),
    registrationClosesAt: toStoreInputValue(sale.registrationClosesAt, tz),
    startsAt: toStoreInputValue(sale.startsAt, tz),
    endsAt: toStoreInputValue(sale.endsAt, tz),
  };
  for (const s of sale.skus) {
    if (s.included) initial[skuField(s.skuId, "include")] = "on";
    initial[skuField(s.skuId, "quantity")] = s.included ? String(s.quantity) : "";
    initial[skuField(s.skuId, "price")] = formatMoneyInput(s.salePriceMinor, s.currency);
  }

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin/sales" className="hover:underline">
            Sales
          </Link>
        }
        title={sale.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SaleStateBadge state={state} />
            <span>
              {sale.product.name} · starts {formatStoreDateTime(sale.startsAt, tz)} · ends{" "}
              {formatStoreDateTime(sale.endsAt, tz)}
            </span>
          </span>
        }
        actions={
          <>
            <Link href={`/admin/sales/${sale.id}/live`} className={buttonStyles.primary}>
              Watch live
            </Link>
            {sale.status !== "draft" ? (
              <Link href={`/sales/${sale.slug}`} className={buttonStyles.secondary}>
                View in the store
              </Link>
            ) : null}
          </>
        }
      />
      {status === "created" ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          Sale created{sale.status === "draft" ? " as a draft" : " and scheduled"}.
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          {ended ? (
            <Card title="Details" titleId="details">
              <p className="mb-4 text-sm text-ink-600">This sale has ended, so it can no longer change.</p>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Versions in this sale</caption>
                <thead className="text-xs text-ink-500 uppercase">
                  <tr>
                    <th scope="col" className="py-1.5 font-medium">
                      Version
                    </th>
                    <th scope="col" className="py-1.5 text-right font-medium">
                      Price
                    </th>
                    <th scope="col" className="py-1.5 text-right font-medium">
                      Sold / units
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-ink-100">
                  {included.map((s) => (
                    <tr key={s.skuId}>
                      <th scope="row" className="py-2 font-normal">
                        {s.label}
                      </th>
                      <td className="py-2 text-right tabular-nums">
                        {formatMoney(s.salePriceMinor, s.currency)}
                      </td>
                      <td className="py-2 text-right tabular-nums">
                        {number.format(s.sold)} / {number.format(s.quantity)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          ) : (
            <SaleForm
              mode="edit"
              action={updateSaleAction}
              products={[
                {
                  id: sale.product.id,
                  name: sale.product.name,
                  skus: sale.skus.map((s) => ({
                    id: s.skuId,
                    code: s.code,
                    label: s.label,
                    listPriceMinor: s.listPriceMinor,
                    currency: s.currency,
                    available: s.available,
                    held: s.held,
                    sold: s.sold,
                  })),
                },
              ]}
              initial={initial}
              zone={zoneLabel(tz, sale.startsAt)}
              locks={{
                started,
                startedAt: formatStoreDateTime(sale.startsAt, tz),
                floors: Object.fromEntries(sale.skus.map((s) => [s.skuId, s.held + s.sold])),
              }}
            />
          )}
        </div>

        <div className="order-first space-y-6 xl:order-none">
          <Card title="Stock" titleId="stock">
            <dl className="grid grid-cols-3 gap-2 text-center">
              {(
                [
                  ["Left", totals.available],
                  ["Held", totals.held],
                  ["Sold", totals.sold],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="rounded-lg bg-ink-50 px-2 py-2">
                  <dt className="text-xs text-ink-500">{label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{number.format(value)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-ink-500">
              {number.format(sale.totalQuantity)} units in the sale.
            </p>
          </Card>

          {!ended ? (
            <Card title="Status" titleId="status">
              <div className="space-y-5">
                {sale.status === "draft" ? (
                  <SaleCommandForm
                    action={publishSaleAction}
                    saleId={sale.id}
                    label="Schedule this sale"
                    pendingLabel="Scheduling…"
                    variant="primary"
                    description="A draft is invisible to fans. Scheduling it makes it run by its times."
                  />
                ) : sale.featured ? (
                  <div className="space-y-2">
                    <p className="text-sm text-ink-700">
                      <span className="font-semibold">Featured.</span> The homepage prefers this sale on days
                      the schedule leaves open.
                    </p>
                    <SaleCommandForm
                      action={featureSaleAction}
                      saleId=""
                      label="Stop featuring"
                      pendingLabel="Saving…"
                    />
                  </div>
                ) : (
                  <SaleCommandForm
                    action={featureSaleAction}
                    saleId={sale.id}
                    label="Make this the featured sale"
                    pendingLabel="Saving…"
                    description="The homepage prefers the featured sale on days the schedule leaves open."
                  />
                )}
                <div className="border-t border-ink-100 pt-4">
                  <EndSaleForm action={endSaleAction} saleId={sale.id} saleName={sale.name} />
                </div>
              </div>
            </Card>
          ) : null}

          <Card title="History" titleId="history">
            {history.rows.length === 0 ? (
              <EmptyState title="No changes recorded" />
            ) : (
              <ol className="space-y-3 text-sm">
                {history.rows.map((r) => (
                  <li key={r.id}>
                    <p className="text-ink-900">{r.summary}</p>
                    <p className="text-xs text-ink-500">
                      {r.actorEmail} · {formatStoreDateTime(r.createdAt, tz)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
