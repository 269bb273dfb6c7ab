import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/audit/log";
import { describeAuditEntry } from "@/lib/audit/wording";
import { formatStoreDateTime } from "@/lib/store-time";
import { Card } from "./ui";

function entityHref(type: string, id: string): string | null {
  if (type === "sale" && id) return `/admin/sales/${id}`;
  if (type === "hero_day" && id) return `/admin/hero?day=${id}`;
  if (type === "order" && id) return `/admin/orders/${id}`;
  if (type === "contact_message" && id) return `/admin/inbox/${id}`;
  if (type === "product") return "/admin/products";
  return null;
}

function AuditChange({ row, timeZone }: { row: AuditRow; timeZone: string }) {
  const href = entityHref(row.entityType, row.entityId);
  const { sentence, details } = describeAuditEntry(row, { timeZone });
  return (
    <>
      <p className="text-ink-900">
        {href ? (
          <Link href={href} className="hover:underline">
            {sentence}
          </Link>
        ) : (
          sentence
        )}
      </p>
      {details.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-ink-600">
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Console changes, newest first: when, who, and what (with the fields it changed). */
export function AuditTable({
  rows,
  timeZone,
  empty,
}: {
  rows: AuditRow[];
  timeZone: string;
  empty: ReactNode;
}) {
  return (
    <DataTable
      caption="Console changes, newest first"
      minWidth="44rem"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ className: "align-top", "data-testid": "audit-row", "data-action": r.action })}
      empty={empty}
      columns={[
        {
          header: "When",
          className: "whitespace-nowrap text-ink-700",
          cell: (r) => formatStoreDateTime(r.createdAt, timeZone),
        },
        {
          header: "Who",
          className: "text-ink-700",
          cell: (r) => (
            <>
              {r.actorName}
              <span className="block text-xs break-all text-ink-500">{r.actorEmail}</span>
            </>
          ),
        },
        { header: "Change", cell: (r) => <AuditChange row={r} timeZone={timeZone} /> },
      ]}
    />
  );
}

/** A short list of recent changes (the overview's "Recent changes", a sale's "History"). */
export function AuditList({
  rows,
  timeZone,
  as: List = "ul",
  className,
  meta = "regular",
}: {
  rows: AuditRow[];
  timeZone: string;
  as?: "ul" | "ol";
  className: string;
  /** The who-and-when line: body size, or small under a sale's history. */
  meta?: "regular" | "small";
}) {
  return (
    <List className={className}>
      {rows.map((r) => (
        <li key={r.id} className={List === "ul" ? "py-2.5" : undefined}>
          <p className="text-ink-900">{describeAuditEntry(r, { timeZone }).sentence}</p>
          <p className={meta === "small" ? "text-xs text-ink-500" : "text-ink-500"}>
            {formatStoreDateTime(r.createdAt, timeZone)}
          </p>
        </li>
      ))}
    </List>
  );
}

/** One sale's or message's own changes, in a card titled History; `empty` stands in when none are recorded. */
export function HistoryCard({
  rows,
  timeZone,
  titleId,
  empty = null,
  listClassName = "space-y-3 text-sm",
}: {
  rows: AuditRow[];
  timeZone: string;
  titleId: string;
  empty?: ReactNode;
  listClassName?: string;
}) {
  return (
    <Card title="History" titleId={titleId}>
      {rows.length === 0 ? (
        empty
      ) : (
        <AuditList rows={rows} timeZone={timeZone} as="ol" className={listClassName} meta="small" />
      )}
    </Card>
  );
}
