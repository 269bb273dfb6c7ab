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

/** A draw sale's draw: its commitment and entries, and the button that runs it once registration has closed. */
export function DrawCard<D extends Msg>({
  saleId,
  draw,
  registrationClosed,
  closesAt,
  drawnAt,
  action,
}: {
  saleId: string;
  draw: {
    commitment: string;
    entries: number;
    winners: number;
    purchaseWindowMinutes: number;
    seed: string | null;
  };
  registrationClosed: boolean;
  closesAt: string;
  drawnAt: string | null;
  action: FormAction<D>;
}) {
  return (
    <Card title="Draw" titleId="draw">
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-ink-500">Entries</dt>
          <dd className="font-semibold tabular-nums">{number.format(draw.entries)}</dd>
        </div>
        <div>
          <dt className="text-ink-500">Winners' window to pay</dt>
          <dd className="font-semibold">{number.format(draw.purchaseWindowMinutes)} minutes</dd>
        </div>
        <div>
          <dt className="text-ink-500">Commitment (published)</dt>
          <dd className="font-mono text-xs break-all">{draw.commitment}</dd>
        </div>
        {draw.seed ? (
          <div>
            <dt className="text-ink-500">Seed (revealed)</dt>
            <dd className="font-mono text-xs break-all">{draw.seed}</dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-4 border-t border-ink-100 pt-4">
        {drawnAt ? (
          <p className="text-sm text-ink-700">
            <span className="font-semibold">Drawn</span> at {drawnAt}: {number.format(draw.winners)} winners.
            Units not paid for in time go to the next entries in drawn order.
          </p>
        ) : registrationClosed ? (
          <SaleCommandForm
            action={action}
            saleId={saleId}
            label="Run the draw"
            pendingLabel="Drawing…"
            variant="primary"
            description="Reveals the seed, publishes the entries and holds a unit for each winner. It runs once."
          />
        ) : (
          <p className="text-sm text-ink-700">
            Registration is open until {closesAt}; run the draw after it closes.
          </p>
        )}
      </div>
    </Card>
  );
}
