import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HistoryCard } from "@/components/admin/audit-table";
import { RemindersCard } from "@/components/admin/reminders-card";
import { SaleForm, type SaleFormProduct } from "@/components/admin/sale-form";
import { DrawCard, EndedSaleDetails, SaleStatusCard, StockCard } from "@/components/admin/sale-panels";
import { type ConsoleState, EmptyState, Notice, PageHeader, SaleStateBadge } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { listAuditEntries } from "@/lib/audit/log";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { formatMoneyInput } from "@/lib/money-input";
import { getRequestNow } from "@/lib/qa/now";
import { getSaleForEdit, type SaleForEdit } from "@/lib/sales/console-queries";
import { minTierFor } from "@/lib/sales/draft";
import { skuField } from "@/lib/sales/draft-fields";
import { getDrawPublic } from "@/lib/sales/draw";
import {
  earlyAccessLock,
  hasEnded,
  hasStarted,
  registrationHasClosed,
  rulesLockedMessage,
} from "@/lib/sales/edit-policy";
import { getReminderProgress } from "@/lib/sales/reminders";
import { getSaleState } from "@/lib/sales/rules";
import { formatStoreDateTime, toStoreInputValue, zoneLabel } from "@/lib/store-time";
import {
  drawSaleAction,
  endSaleAction,
  featureSaleAction,
  publishSaleAction,
  updateSaleAction,
} from "../actions";

export const metadata: Metadata = { title: "Sale" };

/** The edit form's starting text: times in the store's zone, one group of fields per version. */
function saleFormValues(sale: SaleForEdit, tz: string): Record<string, string> {
  const initial: Record<string, string> = {
    saleId: sale.id,
    slug: sale.slug,
    name: sale.name,
    headline: sale.headline,
    productId: String(sale.product.id),
    perAccountLimit: String(sale.perAccountLimit),
    waitlistOfferMinutes: String(sale.waitlistOfferMinutes),
    reminderMinutes: String(sale.reminderMinutes),
    registrationOpensAt: toStoreInputValue(sale.registrationOpensAt, tz),
    registrationClosesAt: toStoreInputValue(sale.registrationClosesAt, tz),
    startsAt: toStoreInputValue(sale.startsAt, tz),
    endsAt: toStoreInputValue(sale.endsAt, tz),
    kind: sale.kind,
    purchaseWindowMinutes: sale.purchaseWindowMinutes === null ? "" : String(sale.purchaseWindowMinutes),
    eligibleCreatedBefore: sale.eligibleCreatedBefore
      ? toStoreInputValue(sale.eligibleCreatedBefore, tz)
      : "",
    minTier: minTierFor(sale.minLifetimePoints),
    earlyAccessTier: sale.earlyAccess?.minTier ?? "",
    earlyAccessMinutes: sale.earlyAccess ? String(sale.earlyAccess.minutes) : "",
    earlyAccessQuota: sale.earlyAccess ? String(sale.earlyAccess.quota) : "",
  };
  for (const s of sale.skus) {
    if (s.included) initial[skuField(s.skuId, "include")] = "on";
    initial[skuField(s.skuId, "quantity")] = s.included ? String(s.quantity) : "";
    // A version not in the sale has no sale price yet: the marketer types one (the form shows the everyday price).
    initial[skuField(s.skuId, "price")] = s.included ? formatMoneyInput(s.salePriceMinor, s.currency) : "";
  }
  return initial;
}

function saleFormProduct(sale: SaleForEdit): SaleFormProduct {
  return {
    id: sale.product.id,
    name: sale.product.name,
    skus: sale.skus.map((s) => ({
      id: s.skuId,
      code: s.code,
      label: s.label,
      listPriceMinor: s.listPriceMinor,
      everydayPriceMinor: s.everydayPriceMinor,
      currency: s.currency,
      available: s.available,
      held: s.held,
      sold: s.sold,
    })),
  };
}

function SaleHeader({ sale, state, tz }: { sale: SaleForEdit; state: ConsoleState; tz: string }) {
  return (
    <PageHeader
      parent={{ href: "/admin/sales", label: "Sales" }}
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
          <ButtonLink href={`/admin/sales/${sale.id}/live`} size="console">
            Watch live
          </ButtonLink>
          {sale.status !== "draft" ? (
            <ButtonLink href={`/sales/${sale.slug}`} variant="secondary" size="console">
              View in the store
            </ButtonLink>
          ) : null}
        </>
      }
    />
  );
}

/** The sale's form in edit mode, with what has started locked. */
function EditSale({ sale, now, tz }: { sale: SaleForEdit; now: Date; tz: string }) {
  return (
    <SaleForm
      mode="edit"
      action={updateSaleAction}
      products={[saleFormProduct(sale)]}
      initial={saleFormValues(sale, tz)}
      zone={zoneLabel(tz, sale.startsAt)}
      locks={{
        started: hasStarted(sale, now),
        startedAt: formatStoreDateTime(sale.startsAt, tz),
        floors: Object.fromEntries(sale.skus.map((s) => [s.skuId, s.held + s.sold])),
        rulesLocked: registrationHasClosed(sale, now),
        rulesLockNote: rulesLockedMessage(sale, tz),
        earlyAccess: earlyAccessLock(sale, now, tz) ?? undefined,
        draw: sale.kind === "draw",
      }}
    />
  );
}

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
  const [history, reminders, draw] = await Promise.all([
    listAuditEntries(db, { entity: { type: "sale", id: sale.id }, limit: 20 }),
    getReminderProgress(db, { saleId: sale.id }),
    getDrawPublic(db, { saleId: sale.id }),
  ]);
  const state =
    sale.status === "draft"
      ? "draft"
      : getSaleState({ sale, now, figures: { remaining: sale.skus.reduce((n, s) => n + s.available, 0) } });
  const ended = hasEnded(sale, now);
  const included = sale.skus.filter((s) => s.included);

  return (
    <>
      <SaleHeader sale={sale} state={state} tz={tz} />
      {status === "created" ? (
        <Notice>Sale created{sale.status === "draft" ? " as a draft" : " and scheduled"}.</Notice>
      ) : null}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          {ended ? <EndedSaleDetails included={included} /> : <EditSale sale={sale} now={now} tz={tz} />}
        </div>

        <div className="order-first space-y-6 xl:order-none">
          <StockCard included={included} totalQuantity={sale.totalQuantity} />
          {draw ? (
            <DrawCard
              saleId={sale.id}
              draw={draw}
              registrationClosed={now.getTime() >= sale.registrationClosesAt.getTime()}
              closesAt={formatStoreDateTime(sale.registrationClosesAt, tz)}
              drawnAt={draw.drawnAt ? formatStoreDateTime(draw.drawnAt, tz) : null}
              action={drawSaleAction}
            />
          ) : null}
          {!ended ? (
            <SaleStatusCard
              sale={sale}
              actions={{ publish: publishSaleAction, feature: featureSaleAction, end: endSaleAction }}
            />
          ) : null}
          <RemindersCard progress={reminders} minutes={sale.reminderMinutes} timeZone={tz} />
          <HistoryCard
            rows={history.rows}
            timeZone={tz}
            titleId="history"
            empty={<EmptyState title="No changes recorded" />}
          />
        </div>
      </div>
    </>
  );
}
