import { DataTable } from "@/components/ui/data-table";
import type { FormAction } from "@/lib/action";
import { formatMoney } from "@/lib/money";
import type { SaleForEdit } from "@/lib/sales/console-queries";
import { EndSaleForm, SaleCommandForm } from "./sale-commands";
import { Card } from "./ui";

const number = new Intl.NumberFormat("en-US");

type SaleSku = SaleForEdit["skus"][number];

/** An ended sale can't change: its versions, prices and sales, read-only. */
export function EndedSaleDetails({ included }: { included: SaleSku[] }) {
  return (
    <Card title="Details" titleId="details">
      <p className="mb-4 text-sm text-ink-600">This sale has ended, so it can no longer change.</p>
      <DataTable
        caption="Versions in this sale"
        framed={false}
        density="compact"
        rows={included}
        rowKey={(s) => s.skuId}
        columns={[
          { header: "Version", rowHeader: true, cell: (s) => s.label },
          { header: "Price", numeric: true, cell: (s) => formatMoney(s.salePriceMinor, s.currency) },
          {
            header: "Sold / units",
            numeric: true,
            cell: (s) => `${number.format(s.sold)} / ${number.format(s.quantity)}`,
          },
        ]}
      />
    </Card>
  );
}

export function StockCard({ included, totalQuantity }: { included: SaleSku[]; totalQuantity: number }) {
  const totals = included.reduce(
    (t, s) => ({ held: t.held + s.held, sold: t.sold + s.sold, available: t.available + s.available }),
    { held: 0, sold: 0, available: 0 },
  );
  return (
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
      <p className="mt-3 text-xs text-ink-500">{number.format(totalQuantity)} units in the sale.</p>
    </Card>
  );
}

type Msg = { message: string };

/** Schedule a draft, feature the sale or stop featuring it, and end it. */
export function SaleStatusCard<P extends Msg, F extends Msg, E extends Msg>({
  sale,
  actions,
}: {
  sale: Pick<SaleForEdit, "id" | "name" | "status" | "featured">;
  actions: { publish: FormAction<P>; feature: FormAction<F>; end: FormAction<E> };
}) {
  return (
    <Card title="Status" titleId="status">
      <div className="space-y-5">
        {sale.status === "draft" ? (
          <SaleCommandForm
            action={actions.publish}
            saleId={sale.id}
            label="Schedule this sale"
            pendingLabel="Scheduling…"
            variant="primary"
            description="A draft is invisible to fans. Scheduling it makes it run by its times."
          />
        ) : sale.featured ? (
          <div className="space-y-2">
            <p className="text-sm text-ink-700">
              <span className="font-semibold">Featured.</span> The homepage prefers this sale on days the
              schedule leaves open.
            </p>
            <SaleCommandForm
              action={actions.feature}
              saleId=""
              label="Stop featuring"
              pendingLabel="Saving…"
            />
          </div>
        ) : (
          <SaleCommandForm
            action={actions.feature}
            saleId={sale.id}
            label="Make this the featured sale"
            pendingLabel="Saving…"
            description="The homepage prefers the featured sale on days the schedule leaves open."
          />
        )}
        <div className="border-t border-ink-100 pt-4">
          <EndSaleForm action={actions.end} saleId={sale.id} saleName={sale.name} />
        </div>
      </div>
    </Card>
  );
}
