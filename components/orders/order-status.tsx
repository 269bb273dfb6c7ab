import type { OrderStatus } from "@/lib/checkout/orders";

const LABELS: Record<OrderStatus, { text: string; className: string }> = {
  pending: { text: "Awaiting payment", className: "bg-amber-50 text-amber-800" },
  paid: { text: "Paid", className: "bg-emerald-50 text-emerald-800" },
  cancelled: { text: "Cancelled", className: "bg-ink-100 text-ink-700" },
  expired: { text: "Expired", className: "bg-ink-100 text-ink-700" },
  refunded: { text: "Refunded", className: "bg-sky-50 text-sky-800" },
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const label = LABELS[status];
  return (
    <span
      className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${label.className}`}
      data-testid="order-status"
    >
      {label.text}
    </span>
  );
}
