import type { FulfilmentView } from "@/lib/fulfilment/queries";
import { formatStoreDateTime, zoneLabel } from "@/lib/store-time";

const STEPS = [
  { key: "paid", label: "Paid", at: (f: FulfilmentView) => f.paidAt },
  { key: "packed", label: "Packed", at: (f: FulfilmentView) => f.packedAt },
  { key: "shipped", label: "Shipped", at: (f: FulfilmentView) => f.shippedAt },
  { key: "delivered", label: "Delivered", at: (f: FulfilmentView) => f.deliveredAt },
] as const;

/** What the shopper and the console call each step, as one phrase. */
export const FULFILMENT_LABELS: Record<FulfilmentView["step"], string> = {
  unfulfilled: "Preparing",
  packed: "Packed",
  shipped: "Shipped",
  delivered: "Delivered",
};

/**
 * Paid → Packed → Shipped → Delivered, each step with its time in the store's zone, and the carrier and tracking
 * number once shipped. A column on phones, a line from sm up.
 */
export function FulfilmentProgress({
  fulfilment,
  timeZone,
  headingLevel = 2,
}: {
  fulfilment: FulfilmentView;
  timeZone: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const current = STEPS.findLastIndex((step) => step.at(fulfilment) !== null);
  return (
    <section aria-labelledby="delivery-title" className="space-y-4" data-testid="fulfilment">
      <Heading id="delivery-title" className="text-base font-semibold text-ink-900">
        Delivery: {FULFILMENT_LABELS[fulfilment.step]}
      </Heading>
      <ol className="flex flex-col gap-3 sm:flex-row sm:gap-0">
        {STEPS.map((step, i) => {
          const at = step.at(fulfilment);
          const done = at !== null;
          return (
            <li
              key={step.key}
              aria-current={i === current ? "step" : undefined}
              className="flex items-start gap-3 sm:flex-1 sm:flex-col sm:gap-2"
            >
              <span className="flex items-center sm:w-full" aria-hidden="true">
                <span
                  className={`h-3 w-3 shrink-0 rounded-full ring-2 ${done ? "bg-emerald-600 ring-emerald-600" : "bg-white ring-ink-300"}`}
                />
                {i < STEPS.length - 1 ? (
                  <span
                    className={`hidden h-0.5 flex-1 sm:block ${i < current ? "bg-emerald-600" : "bg-ink-200"}`}
                  />
                ) : null}
              </span>
              <span className="min-w-0 text-sm">
                <span className={`block font-semibold ${done ? "text-ink-900" : "text-ink-500"}`}>
                  {step.label}
                  <span className="sr-only">{done ? " (done)" : " (not yet)"}</span>
                </span>
                {at ? (
                  <time dateTime={at} className="block text-ink-600">
                    {formatStoreDateTime(new Date(at), timeZone)}
                  </time>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      {fulfilment.trackingNumber ? (
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm" data-testid="tracking">
          <div>
            <dt className="text-ink-500">Carrier</dt>
            <dd className="font-semibold text-ink-900">{fulfilment.carrierName}</dd>
          </div>
          <div className="min-w-0">
            <dt className="text-ink-500">Tracking number</dt>
            <dd className="font-mono font-semibold break-words text-ink-900">{fulfilment.trackingNumber}</dd>
          </div>
        </dl>
      ) : null}
      <p className="text-xs text-ink-500">Times in {zoneLabel(timeZone)}.</p>
    </section>
  );
}
