import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { ContactMessageRow } from "@/lib/contact/messages";
import { type ContactStatus, contactStatusLabel, contactTopicLabel } from "@/lib/contact/rules";
import { formatStoreDateTime } from "@/lib/store-time";

const STATUS_STYLES: Record<ContactStatus, string> = {
  new: "bg-accent-50 text-accent-800 ring-accent-600/20",
  answered: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  closed: "bg-ink-100 text-ink-600 ring-ink-200",
};

export function ContactStatusBadge({ status }: { status: ContactStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${STATUS_STYLES[status]}`}
      data-testid="contact-status"
      data-status={status}
    >
      {contactStatusLabel(status)}
    </span>
  );
}

/** The console's inbox: newest first, who wrote, about what, the first words, and where it stands. */
export function InboxTable({
  rows,
  timeZone,
  empty,
}: {
  rows: ContactMessageRow[];
  timeZone: string;
  empty: ReactNode;
}) {
  return (
    <DataTable
      caption="Contact messages, newest first"
      minWidth="52rem"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({
        className: r.status === "new" ? "align-top" : "align-top text-ink-600",
        "data-testid": "inbox-row",
        "data-status": r.status,
      })}
      empty={empty}
      columns={[
        {
          header: "From",
          className: "min-w-44",
          cell: (r) => (
            <>
              <span className={`block break-words ${r.status === "new" ? "font-semibold text-ink-900" : ""}`}>
                {r.name}
              </span>
              <span className="block text-xs break-words text-ink-500">{r.email}</span>
            </>
          ),
        },
        {
          header: "Message",
          rowHeader: true,
          cell: (r) => (
            <Link
              href={`/admin/inbox/${r.id}`}
              className="line-clamp-2 break-words text-ink-900 hover:text-accent-700 hover:underline"
            >
              {r.preview}
            </Link>
          ),
        },
        {
          header: "Topic",
          className: "whitespace-nowrap",
          cell: (r) => (
            <>
              {contactTopicLabel(r.topic)}
              {r.orderReference ? (
                <span className="block text-xs text-ink-500">Order {r.orderReference}</span>
              ) : null}
            </>
          ),
        },
        { header: "Status", cell: (r) => <ContactStatusBadge status={r.status} /> },
        {
          header: "Received",
          className: "whitespace-nowrap text-ink-700",
          cell: (r) => formatStoreDateTime(r.createdAt, timeZone),
        },
      ]}
    />
  );
}
