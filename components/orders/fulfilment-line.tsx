import type { FulfilmentView } from "@/lib/fulfilment/queries";
import { FULFILMENT_LABELS } from "./fulfilment-progress";

/** One line in an order list: where the parcel is, and its tracking number once it has one. */
export function OrderFulfilmentLine({ fulfilment }: { fulfilment: FulfilmentView | undefined }) {
  if (!fulfilment) return null;
  return (
    <span className="block text-sm text-ink-700" data-testid="order-fulfilment">
      <span className="font-semibold">{FULFILMENT_LABELS[fulfilment.step]}</span>
      {fulfilment.trackingNumber ? (
        <>
          {" "}
          · {fulfilment.carrierName} <span className="font-mono break-all">{fulfilment.trackingNumber}</span>
        </>
      ) : null}
    </span>
  );
}
