import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/audit/log";
import { formatStoreDateTime } from "@/lib/store-time";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function entityHref(type: string, id: string): string | null {
  if (type === "sale" && id) return `/admin/sales/${id}`;
  if (type === "hero_day" && id) return `/admin/hero?day=${id}`;
  if (type === "order" && id) return `/admin/orders/${id}`;
  if (type === "contact_message" && id) return `/admin/inbox/${id}`;
  if (type === "product") return "/admin/products";
  return null;
}

/** The fields one change touched, before and after, folded away under a count. */
function ChangedFields({ diff }: { diff: AuditRow["diff"] }) {
  const changes = Object.entries(diff ?? {});
  if (changes.length === 0) return null;
  return (
    <details className="mt-1.5">
      <summary className="cursor-pointer text-xs font-medium text-ink-600">
        {changes.length} {changes.length === 1 ? "field" : "fields"}
      </summary>
      <table className="mt-2 w-full text-xs">
        <caption className="sr-only">Fields changed</caption>
        <thead className="text-ink-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Before
            </th>
            <th scope="col" className="py-1 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map(([field, change]) => (
            <tr key={field}>
              <th scope="row" className="py-1 pr-3 font-normal text-ink-600">
                {field}
              </th>
              <td className="py-1 pr-3 break-all text-ink-700">{show(change.from)}</td>
              <td className="py-1 break-all text-ink-900">{show(change.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function AuditChange({ row }: { row: AuditRow }) {
  const href = entityHref(row.entityType, row.entityId);
  return (
    <>
      <p className="text-ink-900">
        <code className="mr-2 rounded bg-ink-100 px-1.5 py-0.5 text-xs text-ink-700">{row.action}</code>
        {href ? (
          <Link href={href} className="hover:underline">
            {row.summary}
          </Link>
        ) : (
          row.summary
        )}
      </p>
      <ChangedFields diff={row.diff} />
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
      minWidth="48rem"
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
        { header: "Who", className: "text-ink-700", cell: (r) => r.actorEmail },
        { header: "Change", cell: (r) => <AuditChange row={r} /> },
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
          <p className="text-ink-900">{r.summary}</p>
          <p className={meta === "small" ? "text-xs text-ink-500" : "text-ink-500"}>
            {r.actorEmail} · {formatStoreDateTime(r.createdAt, timeZone)}
          </p>
        </li>
      ))}
    </List>
  );
}
