import { DetailList } from "@/components/ui/detail-list";
import type { ReturnView } from "@/lib/returns/queries";
import { RETURN_STAGE_LABELS } from "@/lib/returns/rules";
import { formatStoreDateTime } from "@/lib/store-time";

const STAGE_TONE: Record<ReturnView["stage"], string> = {
  requested: "bg-amber-50 text-amber-900 ring-amber-200",
  approved: "bg-sky-50 text-sky-900 ring-sky-200",
  refunded: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  received: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  refused: "bg-accent-50 text-accent-800 ring-accent-200",
};

/**
 * An order's latest return: its stage as a badge, then what was asked and what was answered, each with its time in
 * the store's zone. The shopper and the console read the same summary; the console also sees who decided.
 */
export function ReturnSummary({ ret, timeZone }: { ret: ReturnView; timeZone: string }) {
  const at = (iso: string) => formatStoreDateTime(new Date(iso), timeZone);
  const decided = ret.stage === "refused" ? "Refused" : "Approved";
  const rows: [string, string][] = [
    ["Reason", ret.reasonLabel],
    ...(ret.note ? ([["Note", ret.note]] as [string, string][]) : []),
    ["Requested", at(ret.requestedAt)],
  ];
  if (ret.decidedAt)
    rows.push([decided, `${at(ret.decidedAt)}${ret.decidedBy ? ` by ${ret.decidedBy}` : ""}`]);
  if (ret.refusalReason) rows.push(["Why", ret.refusalReason]);
  if (ret.receivedAt) rows.push(["Parcel received", at(ret.receivedAt)]);
  return (
    <div className="space-y-3" data-testid="return-summary">
      <p>
        <span
          className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ${STAGE_TONE[ret.stage]}`}
          data-testid="return-stage"
        >
          {RETURN_STAGE_LABELS[ret.stage]}
        </span>
      </p>
      <DetailList rows={rows} className="grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5" />
    </div>
  );
}
